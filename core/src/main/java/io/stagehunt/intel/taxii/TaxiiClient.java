package io.stagehunt.intel.taxii;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagehunt.intel.FeedText;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A TAXII 2.1 client (OASIS TAXII 2.1, sections 4 and 5): discovery, API root information, collections, and
 * collection objects paged with {@code limit}, {@code added_after} and {@code next}. Every request sends the
 * TAXII media type in {@code Accept} and the configured authentication. Thread-safe (immutable; the JDK client
 * is thread-safe).
 */
public final class TaxiiClient {

    public static final String MEDIA_TYPE = "application/taxii+json;version=2.1";
    /** Objects asked for per page; servers may send fewer. */
    public static final int PAGE_SIZE = 1000;
    private static final long MAX_RESPONSE_BYTES = 256L * 1024 * 1024;
    private static final int MAX_PAGES = 100_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final TaxiiAuth auth;
    private final Duration timeout;

    public TaxiiClient(HttpClient http, TaxiiAuth auth, Duration timeout) {
        this.http = http;
        this.auth = auth;
        this.timeout = timeout;
    }

    /** A client with its own JDK HTTP client that follows same-protocol redirects. */
    public static TaxiiClient create(TaxiiAuth auth) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return new TaxiiClient(http, auth, Duration.ofSeconds(60));
    }

    /** A discovery resource: the server's API roots. */
    public record Discovery(String title, URI defaultRoot, List<URI> apiRoots) {
    }

    /** A collection of an API root. */
    public record Collection(String id, String title, boolean canRead) {
    }

    /** One page of a collection's objects; {@code next} is null on the last page. */
    public record Page(List<JsonNode> objects, boolean more, String next, String dateAddedLast) {
    }

    /**
     * Reads the discovery resource ({@code GET /taxii2/}). Given an API root instead (its information names
     * {@code versions}), answers with that root alone, so that callers may be handed either.
     */
    public Discovery discover(URI discoveryUrl) throws IOException {
        JsonNode document = get(discoveryUrl).body();
        if (document.has("versions") && !document.has("api_roots")) {
            URI root = directory(discoveryUrl);
            return new Discovery(text(document, "title"), root, List.of(root));
        }
        if (!document.has("api_roots") && !document.has("default")) {
            throw new TaxiiException("not a TAXII discovery resource or API root: " + discoveryUrl);
        }
        List<URI> roots = new ArrayList<>();
        for (JsonNode root : document.path("api_roots")) {
            if (root.isTextual()) {
                roots.add(resolve(discoveryUrl, root.asText()));
            }
        }
        String defaultRoot = text(document, "default");
        return new Discovery(text(document, "title"), defaultRoot == null ? null : resolve(discoveryUrl, defaultRoot),
                roots);
    }

    /** The collections of an API root ({@code GET <root>/collections/}). */
    public List<Collection> collections(URI apiRoot) throws IOException {
        JsonNode document = get(directory(apiRoot).resolve("collections/")).body();
        List<Collection> collections = new ArrayList<>();
        for (JsonNode collection : document.path("collections")) {
            String id = text(collection, "id");
            if (id != null) {
                collections.add(new Collection(id, text(collection, "title"),
                        collection.path("can_read").asBoolean(true)));
            }
        }
        return collections;
    }

    /** One page of objects, after {@code next} (null for the first page) and {@code addedAfter} (or null). */
    public Page page(URI apiRoot, String collectionId, String addedAfter, String next) throws IOException {
        StringBuilder query = new StringBuilder("?limit=").append(PAGE_SIZE);
        if (addedAfter != null) {
            query.append("&added_after=").append(URLEncoder.encode(addedAfter, StandardCharsets.UTF_8));
        }
        if (next != null) {
            query.append("&next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        URI url = directory(apiRoot).resolve("collections/" + URLEncoder.encode(collectionId, StandardCharsets.UTF_8)
                + "/objects/" + query);
        Response response = get(url);
        JsonNode envelope = response.body();
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode object : envelope.path("objects")) {
            objects.add(object);
        }
        return new Page(objects, envelope.path("more").asBoolean(false), text(envelope, "next"),
                response.dateAddedLast());
    }

    /**
     * Hands every object of a collection to {@code sink}, page after page. Follows {@code next}; a server that
     * says {@code more} without a {@code next} is paged by {@code added_after} from its
     * {@code X-TAXII-Date-Added-Last} header. Returns the number of pages read.
     */
    public int objects(URI apiRoot, String collectionId, String addedAfter, Consumer<JsonNode> sink)
            throws IOException {
        String next = null;
        String after = addedAfter;
        Set<String> seen = new HashSet<>();
        for (int pages = 1; pages <= MAX_PAGES; pages++) {
            Page page = page(apiRoot, collectionId, after, next);
            page.objects().forEach(sink);
            if (!page.more()) {
                return pages;
            }
            if (page.next() != null) {
                next = page.next();
            } else if (page.dateAddedLast() != null) {
                next = null;
                after = page.dateAddedLast();
            } else {
                throw new TaxiiException("TAXII server says there are more objects but gives neither next nor "
                        + "X-TAXII-Date-Added-Last");
            }
            if (!seen.add(next + "|" + after)) {
                throw new TaxiiException("TAXII server repeats the same page (next '" + FeedText.excerpt(next)
                        + "'); stopping");
            }
        }
        throw new TaxiiException("more than " + MAX_PAGES + " pages; stopping");
    }

    private record Response(JsonNode body, String dateAddedLast) {
    }

    private Response get(URI url) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(timeout)
                .header("Accept", MEDIA_TYPE);
        if (auth.header() != null) {
            request.header("Authorization", auth.header());
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaxiiException("interrupted while fetching " + url, e);
        } catch (IOException e) {
            throw new TaxiiException("cannot reach TAXII server at " + url + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        try (InputStream body = new Limited(response.body(), MAX_RESPONSE_BYTES)) {
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                throw new TaxiiException("TAXII server refused the credentials (HTTP " + status + ", " + auth
                        + ") at " + url);
            }
            if (status < 200 || status > 299) {
                throw new TaxiiException("TAXII server answered HTTP " + status + " for " + url);
            }
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/taxii+json") && !type.startsWith("application/json")
                    && !type.startsWith("application/stix+json")) {
                throw new TaxiiException("not a TAXII response (content type '" + FeedText.excerpt(type) + "') from "
                        + url);
            }
            JsonNode document;
            try {
                document = MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new TaxiiException("TAXII server sent invalid JSON from " + url + ": "
                        + e.getOriginalMessage().lines().findFirst().orElse(""), e);
            }
            if (document == null || !document.isObject()) {
                throw new TaxiiException("TAXII server sent no JSON object from " + url);
            }
            return new Response(document, response.headers().firstValue("X-TAXII-Date-Added-Last").orElse(null));
        }
    }

    /** The URL as a folder, so that relative resolution appends to it. */
    static URI directory(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? url : URI.create(text + "/");
    }

    private static URI resolve(URI base, String reference) {
        return directory(base.resolve(reference));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** Stops reading a response body beyond a size, so that a hostile server cannot fill the heap. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                throw new TaxiiException("TAXII response larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                throw new TaxiiException("TAXII response larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
            int count = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (count > 0) {
                remaining -= count;
            }
            return count;
        }
    }
}
