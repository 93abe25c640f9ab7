package io.stagehunt.ingest.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Connection;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.ingest.ReaderFixture;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ZeekJsonReaderTest {

    private static final String CONN = "{\"ts\":1709650805.000100,\"uid\":\"CVx1eH2sbvE0J1m6a\","
            + "\"id.orig_h\":\"10.20.4.17\",\"id.orig_p\":49733,\"id.resp_h\":\"198.51.100.23\",\"id.resp_p\":8080,"
            + "\"proto\":\"tcp\",\"duration\":3.001832,\"orig_bytes\":0,\"resp_bytes\":0,\"conn_state\":\"S0\","
            + "\"orig_pkts\":2,\"resp_pkts\":0%s}";

    private static ReaderFixture read(String... lines) {
        byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return ReaderFixture.read(new ZeekJsonFormat(), content);
    }

    @Test
    void otrfStreamFieldNamesTheLog() {
        ReaderFixture result = read("{\"@stream\":\"dns\",\"@system\":\"sensor-lab-01\",\"@proc\":\"zeek\","
                + "\"ts\":\"2024-03-05T15:00:10.031337Z\",\"uid\":\"CgQp4Q1Jkw2cF7vUe2\",\"id_orig_h\":\"10.20.4.17\","
                + "\"id_orig_p\":50122,\"id_resp_h\":\"10.20.0.2\",\"id_resp_p\":53,\"proto\":\"udp\","
                + "\"query\":\"a3f9c1.t.ns.example-tunnel.org\",\"qtype\":16,\"qtype_name\":\"TXT\"}");

        DnsQuery query = result.of(DnsQuery.class).get(0);
        assertThat(query.timeMicros()).isEqualTo(1_709_650_810_031_337L);
        assertThat(query.queryTypeName()).isEqualTo("TXT");
        assertThat(query.responseCode()).isEqualTo(-1);
    }

    @Test
    void unmodeledLogIsSkippedNamingItsPath() {
        ReaderFixture result = read(
                "{\"_path\":\"kerberos\",\"ts\":1709650801.1,\"uid\":\"Ck1\",\"request_type\":\"AS\"}",
                "{\"_path\":\"<script>alert(1)</script>\",\"ts\":1709650801.2,\"uid\":\"Ck2\"}");

        assertThat(result.events()).isEmpty();
        assertThat(result.account().skipReasons()).containsOnlyKeys("zeek log 'kerberos' not modeled",
                "zeek log '?script?alert?1???script?' not modeled");
        assertThat(result.account().balanced()).isTrue();
    }

    @Test
    void recordTooSparseToTellItsLogBelongsToTheLogBeforeIt() {
        ReaderFixture result = read(
                "{\"ts\":1709650815.1,\"uid\":\"Cz1\",\"id.orig_h\":\"10.20.4.17\",\"id.orig_p\":49740,"
                        + "\"id.resp_h\":\"198.51.100.23\",\"id.resp_p\":8080,\"method\":\"GET\",\"uri\":\"/a\"}",
                "{\"ts\":1709650816.0,\"uid\":\"Cz2\",\"id.orig_h\":\"10.20.4.17\",\"id.orig_p\":49741,"
                        + "\"id.resp_h\":\"198.51.100.23\",\"id.resp_p\":8080,\"status_code\":400}");

        assertThat(result.of(HttpRequest.class)).extracting(HttpRequest::statusCode).containsExactly(-1, 400);
    }

    @Test
    void recordOfUnknownShapeWithNothingBeforeItIsSkipped() {
        ReaderFixture result =
                read("{\"ts\":1665150785.996414,\"operation\":\"request\",\"src_mac\":\"50:5b:c2:db:c3:17\"}");

        assertThat(result.account().skipReasons()).containsOnlyKeys("zeek log of unknown path not modeled");
    }

    @Test
    void openConnPathMarksTheConnectionOpen() {
        ReaderFixture result = read(CONN.formatted(",\"_path\":\"open_conn\""), CONN.formatted(",\"_path\":\"conn\""));

        assertThat(result.of(Connection.class)).extracting(Connection::open).containsExactly(true, false);
    }

    @ParameterizedTest(name = "ts {0} is {1} µs")
    @MethodSource("timeSpellings")
    void timestampsInEveryZeekJsonTimeFormat(String ts, long micros) {
        ReaderFixture result = read(CONN.formatted("").replace("1709650805.000100", ts));

        assertThat(result.account().quarantined()).isZero();
        assertThat(result.of(Connection.class).get(0).timeMicros()).isEqualTo(micros);
    }

    static Stream<Arguments> timeSpellings() {
        return Stream.of(
                Arguments.of("1709650805.000100", 1_709_650_805_000_100L),
                Arguments.of("1709650805", 1_709_650_805_000_000L),
                Arguments.of("1709650805000", 1_709_650_805_000_000L),
                Arguments.of("\"2024-03-05T15:00:05.000100Z\"", 1_709_650_805_000_100L),
                Arguments.of("\"2024-03-05T16:00:05.0001+01:00\"", 1_709_650_805_000_100L),
                Arguments.of("1.7096508050001E9", 1_709_650_805_000_100L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void valueOfTheWrongTypeIsQuarantinedNamingTheField(String replaced, String by, String reason) {
        String good = CONN.formatted("");
        assertThat(good).contains(replaced);

        ReaderFixture result = read(good, good.replace(replaced, by), good);

        assertThat(result.events()).hasSize(2);
        assertThat(result.account().quarantined()).isEqualTo(1);
        assertThat(result.reasonOfLine(2)).isEqualTo(reason);
        assertThat(result.account().balanced()).isTrue();
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("\"orig_bytes\":0", "\"orig_bytes\":\"0\"",
                        "field 'orig_bytes': expected an integer, found a string"),
                Arguments.of("\"orig_bytes\":0", "\"orig_bytes\":0.5",
                        "field 'orig_bytes': expected an integer, found a decimal number"),
                Arguments.of("\"orig_bytes\":0", "\"orig_bytes\":123456789012345678901234567890",
                        "field 'orig_bytes': expected an integer, found a number out of range"),
                Arguments.of("\"id.orig_h\":\"10.20.4.17\"", "\"id.orig_h\":167773201",
                        "field 'id.orig_h': expected an address string, found an integer"),
                Arguments.of("\"id.orig_h\":\"10.20.4.17\"", "\"id.orig_h\":\"10.20.4.317\"",
                        "field 'id.orig_h': not an address"),
                Arguments.of("\"id.resp_p\":8080", "\"id.resp_p\":80800",
                        "field 'id.resp_p': port out of range"),
                Arguments.of("\"ts\":1709650805.000100", "\"ts\":\"yesterday\"",
                        "field 'ts': not an ISO-8601 time"),
                Arguments.of("\"ts\":1709650805.000100", "\"ts\":true",
                        "field 'ts': expected a time, found a boolean"),
                Arguments.of("\"duration\":3.001832", "\"duration\":[3.001832]",
                        "field 'duration': expected an interval in seconds, found an array"),
                Arguments.of("\"conn_state\":\"S0\"", "\"conn_state\":{\"name\":\"S0\"}",
                        "field 'conn_state': expected a string, found an object"),
                Arguments.of("\"id.orig_h\":\"10.20.4.17\",", "",
                        "zeek log 'conn' lacks required field 'id.orig_h'"),
                Arguments.of("{\"ts\"", "{\"_path\":5,\"ts\"",
                        "field '_path': expected a string, found an integer"),
                Arguments.of("\"orig_bytes\":0", "\"orig_bytes\":-500", "field 'orig_bytes': negative count"),
                Arguments.of("\"duration\":3.001832", "\"duration\":-3.5", "field 'duration': negative interval"),
                Arguments.of("\"ts\":1709650805.000100", "\"ts\":-9223372036854775808",
                        "field 'ts': time out of range"));
    }

    @Test
    void setOfTheWrongShapeIsQuarantined() {
        String dns = "{\"ts\":1709650803.5,\"uid\":\"C3\",\"id.orig_h\":\"10.20.4.17\",\"id.orig_p\":53211,"
                + "\"id.resp_h\":\"10.20.0.2\",\"id.resp_p\":53,\"proto\":\"udp\",\"query\":\"example.org\","
                + "\"qtype\":1,\"answers\":%s}";

        ReaderFixture result = read(dns.formatted("[\"192.0.2.1\"]"), dns.formatted("\"192.0.2.1\""),
                dns.formatted("[{\"rdata\":\"192.0.2.1\"}]"));

        assertThat(result.of(DnsQuery.class).get(0).answers()).containsExactly("192.0.2.1");
        assertThat(result.reasonOfLine(2)).isEqualTo("field 'answers': expected an array, found a string");
        assertThat(result.reasonOfLine(3)).isEqualTo("field 'answers': array holds objects, arrays or nulls");
    }

    @Test
    void quarantinesRecordsThatLeaveARequiredFieldUnset() {
        String good = String.format(CONN, "");
        ReaderFixture result = read(
                good.replace("\"ts\":1709650805.000100", "\"ts\":\"\""),
                good.replace("\"id.orig_h\":\"10.20.4.17\"", "\"id.orig_h\":\"\""),
                good);

        assertThat(result.of(Connection.class)).hasSize(1);
        assertThat(result.reasonOfLine(1)).isEqualTo("zeek log 'conn' leaves required field 'ts' unset");
        assertThat(result.reasonOfLine(2)).isEqualTo("zeek log 'conn' leaves required field 'id.orig_h' unset");
        assertThat(result.account().balanced()).isTrue();
    }
}
