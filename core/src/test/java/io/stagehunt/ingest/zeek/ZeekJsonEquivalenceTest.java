package io.stagehunt.ingest.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagehunt.event.Connection;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.TlsSession;
import io.stagehunt.ingest.DiscoveredInput;
import io.stagehunt.ingest.ReaderFixture;
import io.stagehunt.ingest.InputDiscovery;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.net.IpAddress;
import io.stagehunt.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zeek's two writers must give the same events: the same records written once as TSV and once as JSON (in
 * Zeek's dotted names, OTRF's underscore names with ISO times, and nested {@code id} objects), and a real
 * JSON dataset checked record by record against an independent tree parse of the raw lines.
 */
class ZeekJsonEquivalenceTest {

    private static final String FIXTURES = "/io/stagehunt/ingest/zeek/equivalence/";
    private static final ObjectMapper TREE = new ObjectMapper();

    @ParameterizedTest(name = "{0}.log and {0}.json give the same {1} events")
    @CsvSource({"conn, 7", "dns, 5", "http, 4", "ssl, 3", "files, 4", "x509, 2"})
    void tsvAndJsonOfTheSameRecordsGiveTheSameEvents(String log, int records) {
        ReaderFixture tsv = ReaderFixture.read(new ZeekTsvFormat(), fixture(log + ".log"));
        ReaderFixture json = ReaderFixture.read(new ZeekJsonFormat(), fixture(log + ".json"));

        assertThat(tsv.events()).hasSize(records);
        assertThat(json.account().quarantined()).isZero();
        assertThat(json.account().balanced()).isTrue();
        assertThat(json.account().produced()).isEqualTo(records);
        assertThat(withoutProvenance(json.events())).containsExactlyElementsOf(withoutProvenance(tsv.events()));
    }

    @ParameterizedTest(name = "{0} gives the events of conn.log")
    @ValueSource(strings = {"conn-otrf-style.json", "conn-nested-id.json"})
    void otherJsonSpellingsGiveTheSameEvents(String variant) {
        ReaderFixture tsv = ReaderFixture.read(new ZeekTsvFormat(), fixture("conn.log"));
        ReaderFixture json = ReaderFixture.read(new ZeekJsonFormat(), fixture(variant));

        assertThat(json.account().quarantined()).isZero();
        assertThat(withoutProvenance(json.events())).containsExactlyElementsOf(withoutProvenance(tsv.events()));
    }

    @Test
    void equivalenceCoversEscapesSetsAndUnsetFields() {
        ReaderFixture json = ReaderFixture.read(new ZeekJsonFormat(), fixture("http.json"));
        ReaderFixture dns = ReaderFixture.read(new ZeekJsonFormat(), fixture("dns.json"));
        ReaderFixture conn = ReaderFixture.read(new ZeekJsonFormat(), fixture("conn.json"));

        assertThat(json.of(HttpRequest.class).get(2).uri()).isEqualTo("/dl/update.exe?v=café&t=\u0001\uFFFD");
        assertThat(json.of(HttpRequest.class).get(3).method()).isNull();
        assertThat(dns.of(DnsQuery.class).get(0).ttls()).containsExactly(300.0, 60.0, 60.0);
        assertThat(dns.of(DnsQuery.class).get(3).query()).isEqualTo("wpad.corp.example");
        assertThat(dns.of(DnsQuery.class).get(3).responseCode()).isEqualTo(-1);
        assertThat(dns.of(DnsQuery.class).get(4).query()).isEqualTo("bad\tlabel.example");
        assertThat(conn.of(Connection.class).get(5).durationMicros()).isEqualTo(-1);
        assertThat(conn.of(Connection.class).get(0).timeMicros()).isEqualTo(1_709_650_801_123_456L);
    }

    @Test
    void ritaJsonAllFieldsIsReadWithoutLossAndMatchesTheRawRecords() throws IOException {
        Path folder = SharedData.path("zeek/rita-json-all-fields");
        List<DiscoveredInput> inputs = new InputDiscovery(StandardFormats.registry()).discover(List.of(folder));
        assertThat(inputs).isNotEmpty();
        int checked = 0;
        for (DiscoveredInput input : inputs) {
            assertThat(input.format()).as(input.displayPath()).isNotNull();
            assertThat(input.format().id()).as(input.displayPath()).isEqualTo(ZeekJsonFormat.ID);
            ReaderFixture result = ReaderFixture.read(input);
            assertThat(result.account().balanced()).as(input.displayPath()).isTrue();
            assertThat(result.account().quarantined()).as(input.displayPath()).isZero();
            assertThat(result.account().produced() + result.account().skippedByDesign())
                    .isEqualTo(result.account().read());
            List<String> lines = Files.readAllLines(Path.of(input.displayPath()), StandardCharsets.UTF_8);
            assertThat(result.events()).hasSameSizeAs(lines);
            for (int i = 0; i < lines.size(); i++) {
                checkAgainstRawRecord(result.events().get(i), TREE.readTree(lines.get(i)));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    /** Compares an event with the raw JSON record, parsed independently as a tree. */
    private static void checkAgainstRawRecord(Event event, JsonNode raw) {
        assertThat(event.timeMicros()).isEqualTo(micros(raw.get("ts")));
        if (event instanceof Connection connection) {
            assertThat(connection.uid()).isEqualTo(raw.get("uid").asText());
            assertThat(connection.originator()).isEqualTo(IpAddress.parse(raw.get("id.orig_h").asText()));
            assertThat(connection.responderPort()).isEqualTo(raw.get("id.resp_p").asInt());
            assertThat(connection.state()).isEqualTo(raw.get("conn_state").asText());
            assertThat(connection.originatorBytes()).isEqualTo(raw.path("orig_bytes").asLong(-1));
            assertThat(connection.responderPackets()).isEqualTo(raw.path("resp_pkts").asLong(-1));
            assertThat(connection.durationMicros()).isEqualTo(raw.has("duration") ? micros(raw.get("duration")) : -1);
        } else if (event instanceof DnsQuery query) {
            assertThat(query.query()).isEqualTo(raw.get("query").asText());
            assertThat(query.queryType()).isEqualTo(raw.get("qtype").asInt());
            assertThat(query.responseCode()).isEqualTo(raw.path("rcode").asInt(-1));
            assertThat(query.answers()).isEqualTo(texts(raw.path("answers")));
            assertThat(query.rejected()).isEqualTo(raw.get("rejected").asBoolean());
        } else if (event instanceof HttpRequest request) {
            assertThat(request.method()).isEqualTo(raw.get("method").asText());
            assertThat(request.hostHeader()).isEqualTo(raw.get("host").asText());
            assertThat(request.uri()).isEqualTo(raw.get("uri").asText());
            assertThat(request.userAgent()).isEqualTo(raw.get("user_agent").asText());
            assertThat(request.statusCode()).isEqualTo(raw.get("status_code").asInt());
            assertThat(request.responseMimeTypes()).isEqualTo(texts(raw.path("resp_mime_types")));
        } else if (event instanceof TlsSession session) {
            assertThat(session.serverName()).isEqualTo(raw.get("server_name").asText());
            assertThat(session.ja3()).isEqualTo(raw.get("ja3").asText());
            assertThat(session.subject()).isEqualTo(raw.get("subject").asText());
            assertThat(session.certificateFileIds()).isEqualTo(texts(raw.path("cert_chain_fuids")));
        } else {
            throw new AssertionError("unexpected event " + event);
        }
    }

    private static List<List<Object>> withoutProvenance(List<Event> events) {
        return events.stream().map(ZeekJsonEquivalenceTest::withoutProvenance).toList();
    }

    /** An event's components other than its provenance, for comparing what two readers made of one record. */
    private static List<Object> withoutProvenance(Event event) {
        List<Object> values = new ArrayList<>();
        values.add(event.getClass().getSimpleName());
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (!component.getName().equals("provenance")) {
                try {
                    values.add(component.getAccessor().invoke(event));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private static long micros(JsonNode seconds) {
        return new BigDecimal(seconds.asText()).movePointRight(6).longValueExact();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static byte[] fixture(String name) {
        try (InputStream in = ZeekJsonEquivalenceTest.class.getResourceAsStream(FIXTURES + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
