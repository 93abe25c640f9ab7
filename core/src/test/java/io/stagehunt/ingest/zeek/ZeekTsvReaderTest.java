package io.stagehunt.ingest.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.EventKinds;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.TlsSession;
import io.stagehunt.event.Transport;
import io.stagehunt.ingest.ReaderFixture;
import io.stagehunt.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZeekTsvReaderTest {

    private final ZeekTsvFormat format = new ZeekTsvFormat();

    @Test
    void mapsConnectionsWithExtraColumnsUnsetValuesAndEmptySets() {
        ReaderFixture read = ReaderFixture.resource(format, getClass(), "conn-cluster.log");
        List<Connection> connections = read.of(Connection.class);

        assertThat(connections).hasSize(5);
        Connection first = connections.get(0);
        assertThat(first.timeMicros()).isEqualTo(1_710_147_601_204_411L);
        assertThat(first.uid()).isEqualTo("CmES5u32sYpV7JYN");
        assertThat(first.originator()).isEqualTo(IpAddress.parse("10.20.30.41"));
        assertThat(first.responderPort()).isEqualTo(443);
        assertThat(first.transport()).isEqualTo(Transport.TCP);
        assertThat(first.service()).isEqualTo("ssl");
        assertThat(first.durationMicros()).isEqualTo(61_330_217L);
        assertThat(first.originatorBytes()).isEqualTo(1834);
        assertThat(first.responderBytes()).isEqualTo(5621);
        assertThat(first.originatorPackets()).isEqualTo(14);
        assertThat(first.outcome()).isEqualTo(ConnectionOutcome.ESTABLISHED);
        assertThat(first.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(first.host().ip()).isEqualTo(IpAddress.parse("10.20.30.41"));
        assertThat(first.provenance().record()).isEqualTo(9);

        Connection attempt = connections.get(2);
        assertThat(attempt.service()).isNull();
        assertThat(attempt.durationMicros()).isEqualTo(-1);
        assertThat(attempt.originatorBytes()).isEqualTo(-1);
        assertThat(attempt.outcome()).isEqualTo(ConnectionOutcome.NO_REPLY);

        Connection ipv6 = connections.get(3);
        assertThat(ipv6.timeMicros()).isEqualTo(1_710_147_606_500_000L);
        assertThat(ipv6.responder()).isEqualTo(IpAddress.parse("2001:4860:4860::8888"));
        assertThat(ipv6.direction()).isEqualTo(Direction.EXTERNAL);

        Connection inbound = connections.get(4);
        assertThat(inbound.direction()).isEqualTo(Direction.INBOUND);
        assertThat(inbound.host().ip()).isEqualTo(IpAddress.parse("10.20.30.9"));
        assertThat(inbound.remote()).isEqualTo(IpAddress.parse("203.0.113.77"));
        assertThat(inbound.outcome()).isEqualTo(ConnectionOutcome.REJECTED);

        assertThat(read.account().produced()).isEqualTo(5);
        assertThat(read.account().skippedByDesign()).isEqualTo(9);
        assertThat(read.account().quarantined()).isZero();
        assertThat(read.account().balanced()).isTrue();
    }

    @Test
    void mapsDnsVectorsEscapesAndNormalizesQueries() {
        List<DnsQuery> queries = ReaderFixture.resource(format, getClass(), "dns.log").of(DnsQuery.class);

        assertThat(queries).hasSize(3);
        DnsQuery answered = queries.get(0);
        assertThat(answered.query()).isEqualTo("update.example-cdn.net");
        assertThat(answered.queryType()).isEqualTo(1);
        assertThat(answered.answers()).containsExactly("cdn-edge.example-cdn.net", "93.184.216.34");
        assertThat(answered.ttls()).containsExactly(300.0, 60.0);
        assertThat(answered.responseCode()).isZero();
        assertThat(answered.host().ip()).isEqualTo(IpAddress.parse("10.20.30.41"));

        assertThat(queries.get(1).nxdomain()).isTrue();
        assertThat(queries.get(1).answers()).isEmpty();

        DnsQuery escaped = queries.get(2);
        assertThat(escaped.query()).isEqualTo("a\tb.example.org");
        assertThat(escaped.answers()).containsExactly("TXT 11 hello,world");
    }

    @Test
    void columnOrderAndExtraColumnsDoNotChangeEvents() {
        List<Event> standard = withoutProvenance(ReaderFixture.resource(format, getClass(), "dns.log").events());
        List<Event> reordered =
                withoutProvenance(ReaderFixture.resource(format, getClass(), "dns-reordered.log").events());
        assertThat(reordered).isEqualTo(standard);
    }

    @Test
    void decodesEscapedBytesAsUtf8AndKeepsMissingHostHeaderAsNull() {
        List<HttpRequest> requests = ReaderFixture.resource(format, getClass(), "http.log").of(HttpRequest.class);

        assertThat(requests.get(0).uri()).isEqualTo("/images/logo.jpg?v=café");
        assertThat(requests.get(0).userAgent()).isEqualTo("Mozilla/5.0 (Windows NT 10.0; Win64; x64)\tWinHTTP");
        assertThat(requests.get(0).responseMimeTypes()).containsExactly("application/x-dosexec");
        assertThat(requests.get(1).hostHeader()).isNull();
        assertThat(requests.get(1).method()).isEqualTo("POST");
        assertThat(requests.get(1).requestBodyBytes()).isEqualTo(2048);
        assertThat(requests.get(1).statusCode()).isEqualTo(200);
    }

    @Test
    void followsHeadersThatRepeatMidFileAndSkipsUnmodeledLogs() {
        ReaderFixture read = ReaderFixture.resource(format, getClass(), "concatenated.log");

        assertThat(read.of(Connection.class)).hasSize(2);
        assertThat(read.account().skipReasons()).containsEntry("zeek log 'dhcp' not modeled", 1L);
        assertThat(read.account().quarantined()).isZero();
        assertThat(read.account().balanced()).isTrue();
        // the unmodeled dhcp log between the two conn headers adds no kind
        assertThat(read.kinds()).isEqualTo(EventKinds.of(Connection.class));
    }

    @Test
    void declaresTheKindsItsHeadersNameAndAnyKindBeforeTheFirstHeader() {
        assertThat(ReaderFixture.resource(format, getClass(), "dns.log").kinds())
                .isEqualTo(EventKinds.of(DnsQuery.class));
        assertThat(ReaderFixture.resource(format, getClass(), "http.log").kinds())
                .isEqualTo(EventKinds.of(HttpRequest.class));
        String connThenSsl = "#separator \\x09\n#path\tconn\n#fields\tts\tid.orig_h\tid.resp_h\n"
                + "1710147601.2\t10.0.0.1\t8.8.8.8\n"
                + "#path\tssl\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\n"
                + "1710147602.2\tC1\t10.0.0.1\t50000\t8.8.8.8\t443\n";
        assertThat(ReaderFixture.read(format, connThenSsl).kinds())
                .isEqualTo(EventKinds.of(Connection.class, TlsSession.class));
        assertThat(ReaderFixture.read(format, "1710147601.2\t10.0.0.1\n").kinds()).isEqualTo(EventKinds.ANY);
        assertThat(ReaderFixture.read(format, "#path\tdhcp\n#fields\tts\tuid\n1710147601.2\tC1\n").kinds())
                .isEqualTo(EventKinds.NONE);
    }

    @Test
    void quarantinesRecordsBeforeAnyHeaderAndRecordsMissingRequiredFields() {
        String text = "1710147601.2\tC1\t10.0.0.1\t1\t8.8.8.8\t53\tudp\n"
                + "#separator \\x09\n#path\tconn\n#fields\tts\tuid\tid.orig_p\n#types\ttime\tstring\tport\n"
                + "1710147601.2\tC1\t1\n";
        ReaderFixture read = ReaderFixture.read(format, text.getBytes(StandardCharsets.UTF_8));

        assertThat(read.events()).isEmpty();
        assertThat(read.account().samples()).extracting(sample -> sample.line()).containsExactly(1L, 6L);
        assertThat(read.account().samples().get(1).reason()).contains("lacks required field 'id.orig_h'");
        assertThat(read.account().balanced()).isTrue();
    }

    private static List<Event> withoutProvenance(List<Event> events) {
        return events.stream().map(event -> event instanceof DnsQuery query
                ? new DnsQuery(query.timeMicros(), query.host(), null, query.uid(), query.client(), query.server(),
                        query.serverPort(), query.transport(), query.query(), query.queryType(), query.queryTypeName(),
                        query.responseCode(), query.responseCodeName(), query.answers(), query.ttls(),
                        query.rejected())
                : event).toList();
    }

    @Test
    void acceptsBlanksBeforeHeaderLinesAsSomeConcatenatedLogsHave() {
        String text = "\t#separator \\x09\n#path\tconn\n#fields\tts\tid.orig_h\tid.resp_h\n"
                + "#types\ttime\taddr\taddr\n1710147601.2\t10.0.0.1\t8.8.8.8\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        assertThat(format.recognize(new io.stagehunt.ingest.Head(bytes, bytes.length, true))).isEqualTo(100);
        ReaderFixture read = ReaderFixture.read(format, bytes);
        assertThat(read.of(Connection.class)).hasSize(1);
        assertThat(read.account().quarantined()).isZero();
    }

    @ParameterizedTest(name = "separator {0}")
    @ValueSource(chars = {'(', '[', '{', '*', '+', '?', '\\', '|', '^', '$'})
    void splitsOnAnyDeclaredSeparatorAsALiteralCharacter(char separator) {
        String sep = String.valueOf(separator);
        String text = String.format("#separator \\x%02x%n", (int) separator)
                + String.join(sep, "#path", "conn") + "\n"
                + String.join(sep, "#fields", "ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p",
                        "proto") + "\n"
                + String.join(sep, "1710147601.204411", "CmES5u32sYpV7JYN", "10.20.30.41", "51724",
                        "93.184.216.34", "443", "tcp") + "\n";

        ReaderFixture read = ReaderFixture.read(format, text);

        assertThat(read.account().quarantineReasons()).isEmpty();
        assertThat(read.account().balanced()).isTrue();
        List<Connection> connections = read.of(Connection.class);
        assertThat(connections).hasSize(1);
        assertThat(connections.get(0).uid()).isEqualTo("CmES5u32sYpV7JYN");
        assertThat(connections.get(0).responder()).isEqualTo(IpAddress.parse("93.184.216.34"));
        assertThat(connections.get(0).responderPort()).isEqualTo(443);
    }

    @Test
    void refusesAFieldsHeaderWiderThanTheColumnLimitAndReadsTheNextHeader() {
        int wide = TsvRow.MAX_COLUMNS + 10;
        StringBuilder fields = new StringBuilder("#fields\tts\tid.orig_h\tid.resp_h");
        StringBuilder record = new StringBuilder("1710147601.2\t10.0.0.1\t8.8.8.8");
        for (int extra = 3; extra < wide; extra++) {
            fields.append("\tlabel_").append(extra);
            record.append("\t-");
        }
        String text = "#separator \\x09\n#path\tconn\n" + fields + "\n" + record + "\n"
                + "#fields\tts\tid.orig_h\tid.resp_h\n1710147602.2\t10.0.0.1\t8.8.4.4\n";

        ReaderFixture read = ReaderFixture.read(format, text);

        assertThat(read.account().samples()).extracting(sample -> sample.line()).containsExactly(4L);
        assertThat(read.reasonOfLine(4)).isEqualTo("#fields header names " + wide
                + " columns, more than the limit of " + TsvRow.MAX_COLUMNS);
        assertThat(read.of(Connection.class)).extracting(Connection::responder)
                .containsExactly(IpAddress.parse("8.8.4.4"));
        assertThat(read.account().balanced()).isTrue();
    }

    @Test
    void quarantinesRecordsThatLeaveARequiredFieldUnset() {
        String text = "#separator \\x09\n#path\tconn\n#fields\tts\tuid\tid.orig_h\tid.resp_h\n"
                + "#types\ttime\tstring\taddr\taddr\n"
                + "-\tCa1\t10.0.0.1\t8.8.8.8\n"
                + "1710147601.2\tCa2\t-\t8.8.8.8\n"
                + "1710147601.3\tCa3\t10.0.0.1\t(empty)\n"
                + "1710147601.4\tCa4\t10.0.0.1\t8.8.8.8\n";

        ReaderFixture read = ReaderFixture.read(format, text);

        assertThat(read.of(Connection.class)).extracting(Connection::uid).containsExactly("Ca4");
        assertThat(read.reasonOfLine(5)).isEqualTo("zeek log 'conn' leaves required field 'ts' unset");
        assertThat(read.reasonOfLine(6)).isEqualTo("zeek log 'conn' leaves required field 'id.orig_h' unset");
        assertThat(read.reasonOfLine(7)).isEqualTo("zeek log 'conn' leaves required field 'id.resp_h' unset");
        assertThat(read.account().balanced()).isTrue();
    }

    /** A number too large for its field is malformed, never cut down to one that means something else. */
    @Test
    void quarantinesCodesTooLargeForTheirFieldInsteadOfWrappingThem() {
        String text = "#separator \\x09\n#path\tdns\n#fields\tts\tid.orig_h\tid.resp_h\tquery\tqtype\trcode\n"
                + "1710147601.1\t10.0.0.1\t10.0.0.2\tc2.example\t4294967312\t0\n"
                + "1710147601.2\t10.0.0.1\t10.0.0.2\tc2.example\t16\t0\n";

        ReaderFixture read = ReaderFixture.read(format, text);

        assertThat(read.of(DnsQuery.class)).extracting(DnsQuery::queryType).containsExactly(16);
        assertThat(read.reasonOfLine(4)).isEqualTo("field 'qtype': out of range: 4294967312");
        assertThat(read.account().balanced()).isTrue();
    }
}
