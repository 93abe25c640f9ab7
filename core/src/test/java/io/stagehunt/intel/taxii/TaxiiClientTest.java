package io.stagehunt.intel.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.intel.feed.LoadedIntel;
import io.stagehunt.intel.feed.StandardFeeds;
import io.stagehunt.net.IpAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TAXII client against a small TAXII 2.1 server in this process, as the OASIS specification describes it. */
class TaxiiClientTest {

    private static final String COLLECTION = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";
    private static final String TOKEN = "s3cret-token";

    private HttpServer server;
    private String base;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile String pagingMode = "next";
    private volatile String contentType = TaxiiClient.MEDIA_TYPE;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(path + (query == null ? "" : "?" + query));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean authorized = ("Bearer " + TOKEN).equals(authorization)
                || TaxiiAuth.basic("analyst", "pa55").header().equals(authorization);
        if (!authorized) {
            respond(exchange, 401, "{\"title\": \"Unauthorized\"}", null);
            return;
        }
        if (!TaxiiClient.MEDIA_TYPE.equals(exchange.getRequestHeaders().getFirst("Accept"))) {
            respond(exchange, 406, "{\"title\": \"Not Acceptable\"}", null);
            return;
        }
        switch (path) {
            case "/taxii2/" -> respond(exchange, 200, "{\"title\": \"Example TAXII\", \"default\": \"" + base
                    + "/api1/\", \"api_roots\": [\"" + base + "/api1/\", \"/api2/\"]}", null);
            case "/api1/" -> respond(exchange, 200, "{\"title\": \"Example API root\", \"versions\": [\""
                    + TaxiiClient.MEDIA_TYPE + "\"], \"max_content_length\": 10485760}", null);
            case "/api1/collections/" -> respond(exchange, 200, "{\"collections\": ["
                    + "{\"id\": \"" + COLLECTION + "\", \"title\": \"High-value C2\", \"can_read\": true, "
                    + "\"can_write\": false},"
                    + "{\"id\": \"0c2b7a46-1b4f-4a1e-8d2f-3e4a5b6c7d8e\", \"title\": \"Drop box\", "
                    + "\"can_read\": false, \"can_write\": true}]}", null);
            case "/api1/collections/" + COLLECTION + "/objects/" -> objects(exchange, query == null ? "" : query);
            default -> respond(exchange, 404, "{\"title\": \"Not Found\"}", null);
        }
    }

    private void objects(HttpExchange exchange, String query) throws IOException {
        boolean second = pagingMode.equals("next") ? query.contains("next=p2")
                : query.contains("added_after=2024-05-02T00%3A00%3A00.000Z");
        if (pagingMode.equals("loop")) {
            respond(exchange, 200, "{\"more\": true, \"next\": \"same\", \"objects\": []}", null);
        } else if (!second) {
            String next = pagingMode.equals("next") ? ", \"next\": \"p2\"" : "";
            respond(exchange, 200, "{\"more\": true" + next + ", \"objects\": [" + indicator("1", "203.0.113.31")
                    + ", {\"type\": \"malware\", \"spec_version\": \"2.1\", \"id\": "
                    + "\"malware--aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee\", \"name\": \"Sliver\", \"is_family\": true},"
                    + "{\"type\": \"relationship\", \"spec_version\": \"2.1\", \"id\": "
                    + "\"relationship--aaaaaaaa-bbbb-4ccc-8ddd-000000000001\", \"relationship_type\": \"indicates\", "
                    + "\"source_ref\": \"indicator--00000000-0000-4000-8000-000000000001\", "
                    + "\"target_ref\": \"malware--aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee\"}]}",
                    "2024-05-02T00:00:00.000Z");
        } else {
            respond(exchange, 200, "{\"more\": false, \"objects\": [" + indicator("2", "203.0.113.32") + "]}",
                    "2024-05-03T00:00:00.000Z");
        }
    }

    private static String indicator(String number, String address) {
        return "{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": \"indicator--00000000-0000-4000-8000-00000000000"
                + number + "\", \"created\": \"2024-05-01T00:00:00Z\", \"modified\": \"2024-05-01T00:00:00Z\", "
                + "\"pattern\": \"[ipv4-addr:value = '" + address + "']\", \"pattern_type\": \"stix\", "
                + "\"valid_from\": \"2024-05-01T00:00:00Z\", \"confidence\": 80}";
    }

    private void respond(HttpExchange exchange, int status, String body, String dateAddedLast) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? contentType : "application/taxii+json");
        if (dateAddedLast != null) {
            exchange.getResponseHeaders().set("X-TAXII-Date-Added-Last", dateAddedLast);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private LoadedIntel load(TaxiiAuth auth, String url, String addedAfter) {
        TaxiiFeed feed = new TaxiiFeed(TaxiiClient.create(auth), addedAfter);
        return StandardFeeds.loader(List.of(feed)).load(List.of(url));
    }

    @Test
    void discoversTheDefaultApiRootAndReadsEveryPageOfEachReadableCollection() {
        LoadedIntel intel = load(TaxiiAuth.bearer(TOKEN), base + "/taxii2/", null);

        FileAccount collection = intel.files().get(0);
        assertThat(intel.files()).hasSize(1);
        assertThat(collection.path()).isEqualTo(base + "/api1/collections/" + COLLECTION + "/");
        assertThat(collection.format()).isEqualTo("taxii21");
        assertThat(collection.produced()).isEqualTo(2);
        assertThat(collection.balanced()).isTrue();
        assertThat(intel.indicators().countsByFeed()).containsOnlyKeys("High-value C2");
        assertThat(intel.indicators().matchAddress(IpAddress.parse("203.0.113.31")).get(0).indicator()
                .attribution().malware()).isEqualTo("Sliver");
        assertThat(intel.indicators().matchAddress(IpAddress.parse("203.0.113.32"))).hasSize(1);
        assertThat(requests).containsExactly("/taxii2/", "/api1/collections/",
                "/api1/collections/" + COLLECTION + "/objects/?limit=1000",
                "/api1/collections/" + COLLECTION + "/objects/?limit=1000&next=p2");
    }

    @Test
    void readsANamedCollectionWithBasicAuthAndAddedAfter() {
        LoadedIntel intel = load(TaxiiAuth.basic("analyst", "pa55"), base + "/api1/collections/" + COLLECTION + "/",
                "2024-05-01T00:00:00Z");
        assertThat(intel.indicators().size()).isEqualTo(2);
        assertThat(requests.get(0)).isEqualTo("/api1/collections/" + COLLECTION
                + "/objects/?limit=1000&added_after=2024-05-01T00%3A00%3A00Z");
    }

    @Test
    void pagesByDateAddedWhenTheServerGivesNoNext() {
        pagingMode = "date";
        LoadedIntel intel = load(TaxiiAuth.bearer(TOKEN), base + "/api1/", null);
        assertThat(intel.indicators().size()).isEqualTo(2);
        assertThat(requests).contains("/api1/collections/" + COLLECTION
                + "/objects/?limit=1000&added_after=2024-05-02T00%3A00%3A00.000Z");
    }

    @Test
    void refusedCredentialsEndAsOneLineWithoutTheSecret() {
        LoadedIntel intel = load(TaxiiAuth.bearer("wrong-token"), base + "/taxii2/", null);
        assertThat(intel.indicators().isEmpty()).isTrue();
        assertThat(intel.files()).singleElement().satisfies(file -> {
            assertThat(file.format()).isNull();
            assertThat(file.note()).startsWith("TAXII server refused the credentials (HTTP 401, bearer token)")
                    .doesNotContain("wrong-token").doesNotContain("\n");
        });
    }

    @Test
    void resolvesRelativeApiRootsOfTheDiscoveryResource() throws IOException {
        TaxiiClient.Discovery discovery = TaxiiClient.create(TaxiiAuth.bearer(TOKEN))
                .discover(URI.create(base + "/taxii2/"));
        assertThat(discovery.title()).isEqualTo("Example TAXII");
        assertThat(discovery.apiRoots()).containsExactly(URI.create(base + "/api1/"), URI.create(base + "/api2/"));
    }

    @Test
    void aServerRepeatingItsPageIsStopped() {
        pagingMode = "loop";
        TaxiiClient client = TaxiiClient.create(TaxiiAuth.bearer(TOKEN));
        assertThatThrownBy(() -> client.objects(URI.create(base + "/api1/"), COLLECTION, null, object -> { }))
                .isInstanceOf(TaxiiException.class).hasMessageContaining("repeats the same page");
    }

    @Test
    void aResponseThatIsNotTaxiiIsRefusedByItsContentType() {
        contentType = "text/html";
        LoadedIntel intel = load(TaxiiAuth.bearer(TOKEN), base + "/taxii2/", null);
        assertThat(intel.files()).singleElement().extracting(FileAccount::note).asString()
                .startsWith("not a TAXII response (content type 'text/html')");
    }

    @Test
    void anUnreachableServerIsOneLine() throws IOException {
        server.stop(0);
        LoadedIntel intel = load(TaxiiAuth.NONE, base + "/taxii2/", null);
        assertThat(intel.files()).singleElement().extracting(FileAccount::note).asString()
                .startsWith("cannot reach TAXII server at " + base + "/taxii2/").doesNotContain("\n");
    }
}
