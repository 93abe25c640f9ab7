package io.stagehunt.ingest.suricata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.FileTransfer;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.SensorAlert;
import io.stagehunt.event.TlsSession;
import io.stagehunt.event.Transport;
import io.stagehunt.event.Event;
import io.stagehunt.event.SourceFile;
import io.stagehunt.ingest.DecodedInput;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.ReaderFixture;
import io.stagehunt.ingest.RecordReader;
import io.stagehunt.net.NetworkScope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import io.stagehunt.net.IpAddress;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table row per EVE event type and DNS logging layout: a sample file of realistic records (in
 * {@code mapping/}, written after the Suricata EVE format documentation) and what must come out of them.
 */
class SuricataEveMappingTest {

    private static final String SAMPLES = "/io/stagehunt/ingest/suricata/mapping/";
    private static final String CLIENT = "10.20.4.17";
    private static final String RESOLVER = "10.20.0.2";

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsEveRecords(String name, String sample, Consumer<ReaderFixture> expectations) throws IOException {
        ReaderFixture result = ReaderFixture.read(new SuricataEveFormat(), sample(sample));

        assertThat(result.account().balanced()).isTrue();
        assertThat(result.account().quarantined()).as(result.account().quarantineReasons().toString()).isZero();
        expectations.accept(result);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("flow: TCP session answered and closed", "flow-tcp-closed",
                        result -> {
                            Connection connection = single(result, Connection.class);
                            assertThat(connection.timeMicros()).isEqualTo(1_709_647_201_123_456L);
                            assertThat(connection.uid()).isEqualTo("1139426524843013");
                            assertThat(connection.host()).isEqualTo(Host.of(IpAddress.parse(CLIENT)));
                            assertThat(connection.responder()).isEqualTo(IpAddress.parse("203.0.113.45"));
                            assertThat(connection.responderPort()).isEqualTo(443);
                            assertThat(connection.transport()).isEqualTo(Transport.TCP);
                            assertThat(connection.service()).isEqualTo("tls");
                            assertThat(connection.durationMicros()).isEqualTo(60_020_417L);
                            assertThat(connection.originatorBytes()).isEqualTo(2573);
                            assertThat(connection.responderBytes()).isEqualTo(5845);
                            assertThat(connection.originatorPackets()).isEqualTo(14);
                            assertThat(connection.responderPackets()).isEqualTo(12);
                            assertThat(connection.outcome()).isEqualTo(ConnectionOutcome.ESTABLISHED);
                            assertThat(connection.state()).isEqualTo("closed/closed flags 1b/1b");
                            assertThat(connection.direction()).isEqualTo(Direction.OUTBOUND);
                            assertThat(connection.open()).isFalse();
                        }),
                row("flow: SYN never answered, still tracked at shutdown", "flow-syn-unanswered-at-shutdown",
                        result -> {
                            Connection connection = single(result, Connection.class);
                            assertThat(connection.outcome()).isEqualTo(ConnectionOutcome.NO_REPLY);
                            assertThat(connection.service()).isNull();
                            assertThat(connection.open()).isTrue();
                            assertThat(connection.state()).isEqualTo("new/syn_sent flags 02/00");
                        }),
                row("flow: inbound SYN refused with RST", "flow-inbound-rejected",
                        result -> {
                            Connection connection = single(result, Connection.class);
                            assertThat(connection.outcome()).isEqualTo(ConnectionOutcome.REJECTED);
                            assertThat(connection.direction()).isEqualTo(Direction.INBOUND);
                            assertThat(connection.host()).isEqualTo(Host.of(IpAddress.parse("10.20.4.30")));
                        }),
                row("flow: UDP without reply, ICMP echo with reply", "flow-udp-and-icmp",
                        result -> {
                            List<Connection> connections = result.of(Connection.class);
                            assertThat(connections).extracting(Connection::outcome)
                                    .containsExactly(ConnectionOutcome.NO_REPLY, ConnectionOutcome.ESTABLISHED);
                            Connection ping = connections.get(1);
                            assertThat(ping.transport()).isEqualTo(Transport.ICMP);
                            // EVE's ICMP type and code stand in for the ports, as in Zeek and Argus
                            assertThat(ping.originatorPort()).isEqualTo(8);
                            assertThat(ping.responderPort()).isEqualTo(0);
                            assertThat(ping.icmpSignalling()).isFalse();
                        }),
                row("flow: ICMP signalling (fragmentation needed, IPv6 neighbour solicitation)",
                        "flow-icmp-signalling",
                        result -> assertThat(result.of(Connection.class))
                                .extracting(Connection::originatorPort, Connection::responderPort,
                                        Connection::icmpSignalling)
                                .containsExactly(tuple(3, 4, true), tuple(135, 0, true))),
                row("netflow: a ping's request and reply halves make one answered connection", "netflow-icmp-echo",
                        result -> {
                            Connection ping = single(result, Connection.class);
                            assertThat(ping.originator()).isEqualTo(IpAddress.parse(CLIENT));
                            assertThat(ping.originatorPort()).isEqualTo(8);
                            assertThat(ping.responderBytes()).isEqualTo(392);
                            assertThat(ping.outcome()).isEqualTo(ConnectionOutcome.ESTABLISHED);
                        }),
                row("netflow: the two halves of a flow make one connection", "netflow-pair",
                        result -> {
                            Connection connection = single(result, Connection.class);
                            assertThat(connection.originator()).isEqualTo(IpAddress.parse(CLIENT));
                            assertThat(connection.originatorBytes()).isEqualTo(1620);
                            assertThat(connection.responderBytes()).isEqualTo(6110);
                            assertThat(connection.responderPackets()).isEqualTo(8);
                            assertThat(connection.outcome()).isEqualTo(ConnectionOutcome.ESTABLISHED);
                            assertThat(result.account().skipReasons())
                                    .containsExactly(Map.entry(EveFlows.JOINED, 1L));
                        }),
                row("netflow: a half alone is a connection nobody answered", "netflow-lone-half",
                        result -> {
                            Connection connection = single(result, Connection.class);
                            assertThat(connection.responderPackets()).isZero();
                            assertThat(connection.outcome()).isEqualTo(ConnectionOutcome.NO_REPLY);
                        }),
                row("netflow: beside flow records, netflow records are duplicates", "netflow-beside-flow",
                        result -> {
                            assertThat(single(result, Connection.class).state()).startsWith("closed");
                            assertThat(result.account().skipReasons())
                                    .containsExactly(Map.entry(EveFlows.DUPLICATE, 2L));
                        }),
                row("dns v1: a query and one answer record per resource record", "dns-v1-answer-records",
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.query()).isEqualTo("www.example.com");
                            assertThat(query.queryType()).isEqualTo(1);
                            assertThat(query.client()).isEqualTo(IpAddress.parse(CLIENT));
                            assertThat(query.server()).isEqualTo(IpAddress.parse(RESOLVER));
                            assertThat(query.serverPort()).isEqualTo(53);
                            assertThat(query.answers()).containsExactly("example.com", "192.0.2.24");
                            assertThat(query.ttls()).containsExactly(3324.0, 10.0);
                            assertThat(query.responseCode()).isZero();
                            assertThat(query.timeMicros()).isEqualTo(1_491_600_277_251_547L);
                            assertThat(query.provenance().record()).isEqualTo(1);
                            assertThat(result.account().skipReasons()).containsExactly(Map.entry(EveDns.JOINED, 2L));
                        }),
                row("dns v1: an answer without records names only its transaction", "dns-v1-nxdomain",
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.nxdomain()).isTrue();
                            assertThat(query.responseCodeName()).isEqualTo("NXDOMAIN");
                            assertThat(query.answers()).isEmpty();
                            assertThat(query.rejected()).isTrue();
                        }),
                row("dns v2: query, then the answer with detailed and grouped records", "dns-v2-detailed-and-grouped",
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.uid()).isEqualTo("3003");
                            assertThat(query.answers()).containsExactly("edge-7.example-cdn.net", "203.0.113.45");
                            assertThat(query.ttls()).containsExactly(300.0, 60.0);
                            assertThat(query.rejected()).isFalse();
                            assertThat(query.timeMicros()).isEqualTo(1_709_647_203_500_001L);
                        }),
                row("dns v2: grouped records only", "dns-v2-grouped-only",
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.answers()).containsExactly("192.0.2.10", "192.0.2.11");
                            assertThat(query.ttls()).isEmpty();
                        }),
                row("dns v2: answer logged before its query, every packet captured twice",
                        "dns-v2-answer-first-captured-twice",
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.timeMicros()).isEqualTo(1_622_989_587_431_769L);
                            assertThat(query.provenance().record()).isEqualTo(3);
                            assertThat(query.answers()).containsExactly("192.0.2.80");
                            assertThat(result.account().skipReasons()).containsOnly(Map.entry(EveDns.JOINED, 1L),
                                    Map.entry(EveDns.REPEATED_ANSWER, 1L), Map.entry(EveDns.REPEATED_QUERY, 1L));
                        }),
                row("dns v2: an unanswered query still gives its event", "dns-v2-unanswered",
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.query()).isEqualTo("wpad.corp.example");
                            assertThat(query.responseCode()).isEqualTo(-1);
                            assertThat(query.responseCodeName()).isNull();
                            assertThat(query.rejected()).isFalse();
                        }),
                row("dns v2: a reused message id under another question is another transaction", "dns-v2-reused-id",
                        result -> assertThat(result.of(DnsQuery.class))
                                .extracting(DnsQuery::query, DnsQuery::responseCode)
                                .containsExactly(tuple("a.example", -1),
                                        tuple("b.example", 0))),
                row("dns v2: NXDOMAIN with the zone's SOA is not a rejection", "dns-v2-nxdomain-with-soa",
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.nxdomain()).isTrue();
                            assertThat(query.rejected()).isFalse();
                            assertThat(query.client()).isEqualTo(IpAddress.parse(CLIENT));
                        }),
                row("dns v3: request and response, the response logged from the responder", "dns-v3-request-response",
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.queryType()).isEqualTo(16);
                            assertThat(query.queryTypeName()).isEqualTo("TXT");
                            assertThat(query.client()).isEqualTo(IpAddress.parse(CLIENT));
                            assertThat(query.server()).isEqualTo(IpAddress.parse(RESOLVER));
                            assertThat(query.answers()).containsExactly("aGVsbG8gd29ybGQgZnJvbSBjMg==");
                            assertThat(query.ttls()).containsExactly(0.0);
                        }),
                row("dns v3: a response whose request was not logged", "dns-v3-response-only",
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.query()).isEqualTo("example.org");
                            assertThat(query.queryType()).isEqualTo(28);
                            assertThat(query.client()).isEqualTo(IpAddress.parse(CLIENT));
                            assertThat(query.serverPort()).isEqualTo(53);
                            assertThat(query.host()).isEqualTo(Host.of(IpAddress.parse(CLIENT)));
                        }),
                row("http: a request and its response", "http-request",
                        result -> {
                            HttpRequest request = single(result, HttpRequest.class);
                            assertThat(request.method()).isEqualTo("GET");
                            assertThat(request.hostHeader()).isEqualTo("192.168.1.161");
                            assertThat(request.uri()).isEqualTo("/admin/get.php");
                            assertThat(request.referrer()).isEqualTo("http://192.168.1.161/");
                            assertThat(request.userAgent()).startsWith("Mozilla/5.0 (Windows NT 6.1");
                            assertThat(request.statusCode()).isEqualTo(200);
                            assertThat(request.responseBodyBytes()).isEqualTo(4518);
                            assertThat(request.requestBodyBytes()).isEqualTo(-1);
                            assertThat(request.responseMimeTypes()).containsExactly("text/html");
                            assertThat(request.serverPort()).isEqualTo(80);
                            assertThat(request.uid()).isEqualTo("4001");
                        }),
                row("http: an older sensor's status written as text", "http-status-as-text",
                        result -> assertThat(single(result, HttpRequest.class).statusCode()).isEqualTo(200)),
                row("tls: handshake with certificate and fingerprints", "tls-full-handshake",
                        result -> {
                            TlsSession session = single(result, TlsSession.class);
                            assertThat(session.serverName()).isEqualTo("testing.example");
                            assertThat(session.version()).isEqualTo("TLS 1.2");
                            assertThat(session.established()).isTrue();
                            assertThat(session.ja3()).isEqualTo("b7202231ff2db28363c109cedc6d1642");
                            assertThat(session.ja3s()).isEqualTo("ad90cab724fafab2660fbf61673c91a9");
                            assertThat(session.ja4()).isEqualTo("t12d1909h2_d83cc789557e_7af1ed941c26");
                            assertThat(session.subject()).isEqualTo("CN=testing.example");
                            assertThat(session.issuer()).startsWith("C=US, O=Example Trust");
                            assertThat(session.certificateFingerprints())
                                    .containsExactly("2dd19f809986fcac5f2a2afda3f37e967cdd2437");
                            assertThat(session.cipher()).isNull();
                        }),
                row("tls: only the client hello was seen", "tls-client-hello-only",
                        result -> {
                            TlsSession session = single(result, TlsSession.class);
                            assertThat(session.established()).isFalse();
                            assertThat(session.certificateFingerprints()).isEmpty();
                        }),
                row("fileinfo: a file the server sent, logged in its direction of travel", "fileinfo-download",
                        result -> {
                            FileTransfer file = single(result, FileTransfer.class);
                            assertThat(file.sender()).isEqualTo(IpAddress.parse("192.168.1.161"));
                            assertThat(file.receiver()).isEqualTo(IpAddress.parse("192.168.1.46"));
                            assertThat(file.host()).isEqualTo(Host.of(IpAddress.parse("192.168.1.46")));
                            assertThat(file.download()).isTrue();
                            assertThat(file.fileId()).isEqualTo("4001:3");
                            assertThat(file.connectionId()).isEqualTo("4001");
                            assertThat(file.protocol()).isEqualTo("http");
                            assertThat(file.mimeType()).isEqualTo("application/octet-stream");
                            assertThat(file.filename()).isEqualTo("/news.asp");
                            assertThat(file.totalBytes()).isEqualTo(73802);
                            assertThat(file.md5()).isEqualTo("e4d909c290d0fb1ca068ffaddf22cbd0");
                        }),
                row("alert: a signature match", "alert",
                        result -> {
                            SensorAlert alert = single(result, SensorAlert.class);
                            assertThat(alert.sensor()).isEqualTo("suricata");
                            assertThat(alert.signatureId()).isEqualTo("2403388");
                            assertThat(alert.signature()).startsWith("ET CINS");
                            assertThat(alert.category()).isEqualTo("Misc Attack");
                            assertThat(alert.severity()).isEqualTo(2);
                            assertThat(alert.action()).isEqualTo("allowed");
                            assertThat(alert.host()).isEqualTo(Host.of(IpAddress.parse("192.168.1.129")));
                            assertThat(alert.timeMicros()).isEqualTo(1_622_987_986_457_984L);
                        }),
                row("other event types are skipped by design, named", "other-event-types",
                        result -> {
                            assertThat(result.events()).isEmpty();
                            assertThat(result.account().skipReasons()).containsOnlyKeys(
                                    "suricata event type 'stats' not modeled",
                                    "suricata event type 'anomaly' not modeled",
                                    "suricata event type 'smb' not modeled");
                        }));
    }

    @Test
    void anIcmpTypeBeyondOneByteIsQuarantinedAtItsLine() {
        String flow = "{\"timestamp\":\"2024-03-05T15:08:00+0100\",\"flow_id\":7,\"event_type\":\"flow\","
                + "\"src_ip\":\"10.20.0.1\",\"dest_ip\":\"10.20.4.17\",\"proto\":\"ICMP\",\"icmp_type\":%d,"
                + "\"icmp_code\":0,\"flow\":{\"pkts_toserver\":1,\"pkts_toclient\":0,\"bytes_toserver\":60,"
                + "\"bytes_toclient\":0,\"state\":\"new\",\"reason\":\"timeout\"}}\n";

        ReaderFixture result = ReaderFixture.read(new SuricataEveFormat(),
                String.format(flow, 11) + String.format(flow, 300));

        assertThat(result.of(Connection.class)).extracting(Connection::originatorPort).containsExactly(11);
        assertThat(result.account().quarantined()).isEqualTo(1);
        assertThat(result.reasonOfLine(2)).contains("icmp_type").contains("ICMP type or code out of range");
    }

    private static Arguments row(String name, String sample, Consumer<ReaderFixture> expectations) {
        return Arguments.of(name, sample, expectations);
    }

    @Test
    void aTruncatedArchiveHandsOutTheRecordsWaitingToBeJoinedBeforeItsReadError() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(sample("dns-v2-unanswered"));
            gzip.write(sample("netflow-lone-half"));
        }
        // a file copied while the sensor was still writing it: the gzip trailer is missing
        byte[] truncated = Arrays.copyOf(packed.toByteArray(), packed.size() - 8);
        DecodedInput input = new DecodedInput() {
            @Override
            public String displayPath() {
                return "eve.json.gz";
            }

            @Override
            public InputStream openDecoded() throws IOException {
                return new GZIPInputStream(new ByteArrayInputStream(truncated));
            }
        };
        FileAccount account = new FileAccount(input.displayPath());
        ReadContext context = new ReadContext(new SourceFile(input.displayPath(), SuricataEveFormat.ID), account,
                NetworkScope.defaults());
        List<Event> events = new ArrayList<>();

        try (RecordReader reader = new SuricataEveFormat().open(input, context)) {
            assertThatThrownBy(() -> {
                for (Event event = reader.next(); event != null; event = reader.next()) {
                    events.add(event);
                }
            }).isInstanceOf(IOException.class);
        }

        assertThat(events).hasSize(2).hasAtLeastOneElementOfType(DnsQuery.class)
                .hasAtLeastOneElementOfType(Connection.class);
        assertThat(account.read()).isEqualTo(2);
        assertThat(account.balanced()).isTrue();
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = SuricataEveMappingTest.class.getResourceAsStream(SAMPLES + name + ".json")) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static <E> E single(ReaderFixture result, Class<E> type) {
        assertThat(result.events()).hasSize(1);
        assertThat(result.events().get(0)).isInstanceOf(type);
        return type.cast(result.events().get(0));
    }
}
