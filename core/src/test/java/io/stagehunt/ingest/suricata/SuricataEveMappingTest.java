package io.stagehunt.ingest.suricata;

import static org.assertj.core.api.Assertions.assertThat;
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
import io.stagehunt.ingest.FormatHarness;
import io.stagehunt.ingest.FormatHarness.Result;
import io.stagehunt.net.IpAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table row per EVE event type and DNS logging layout: realistic records, as the Suricata EVE format
 * documentation shows them, and what must come out of them.
 */
class SuricataEveMappingTest {

    private static final String CLIENT = "10.20.4.17";
    private static final String RESOLVER = "10.20.0.2";

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsEveRecords(String name, List<String> lines, Consumer<Result> expectations) {
        Result result = FormatHarness.read(new SuricataEveFormat(), String.join("\n", lines) + "\n");

        assertThat(result.account().balanced()).isTrue();
        assertThat(result.account().quarantined()).as(result.account().quarantineReasons().toString()).isZero();
        expectations.accept(result);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("flow: TCP session answered and closed", List.of(
                        record("2024-03-05T15:01:01.981107+0100", 1139426524843013L, "flow", CLIENT, 49732,
                                "203.0.113.45", 443, "TCP", "\"app_proto\":\"tls\",\"flow\":{\"pkts_toserver\":14,"
                                        + "\"pkts_toclient\":12,\"bytes_toserver\":2573,\"bytes_toclient\":5845,"
                                        + "\"start\":\"2024-03-05T15:00:01.123456+0100\",\"end\":"
                                        + "\"2024-03-05T15:01:01.143873+0100\",\"age\":60,\"state\":\"closed\","
                                        + "\"reason\":\"timeout\",\"alerted\":false},\"tcp\":{\"tcp_flags\":\"1b\","
                                        + "\"tcp_flags_ts\":\"1b\",\"tcp_flags_tc\":\"1b\",\"syn\":true,\"fin\":true,"
                                        + "\"psh\":true,\"ack\":true,\"state\":\"closed\"}")),
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
                row("flow: SYN never answered, still tracked at shutdown", List.of(
                        record("2024-03-05T15:05:00.000000+0100", 2001L, "flow", CLIENT, 49733, "198.51.100.23", 8080,
                                "TCP", "\"app_proto\":\"failed\",\"flow\":{\"pkts_toserver\":2,\"pkts_toclient\":0,"
                                        + "\"bytes_toserver\":120,\"bytes_toclient\":0,\"start\":"
                                        + "\"2024-03-05T15:00:05.000100+0100\",\"end\":\"2024-03-05T15:00:08.001932+0100\","
                                        + "\"age\":3,\"state\":\"new\",\"reason\":\"shutdown\",\"alerted\":false},"
                                        + "\"tcp\":{\"tcp_flags\":\"02\",\"tcp_flags_ts\":\"02\",\"tcp_flags_tc\":\"00\","
                                        + "\"syn\":true,\"state\":\"syn_sent\"}")),
                        result -> {
                            Connection connection = single(result, Connection.class);
                            assertThat(connection.outcome()).isEqualTo(ConnectionOutcome.NO_REPLY);
                            assertThat(connection.service()).isNull();
                            assertThat(connection.open()).isTrue();
                            assertThat(connection.state()).isEqualTo("new/syn_sent flags 02/00");
                        }),
                row("flow: inbound SYN refused with RST", List.of(
                        record("2024-03-05T15:06:00.000000+0100", 2002L, "flow", "198.51.100.77", 51515, "10.20.4.30", 22,
                                "TCP", "\"flow\":{\"pkts_toserver\":1,\"pkts_toclient\":1,\"bytes_toserver\":60,"
                                        + "\"bytes_toclient\":54,\"start\":\"2024-03-05T15:00:06.250000+0100\","
                                        + "\"end\":\"2024-03-05T15:00:06.250312+0100\",\"age\":0,\"state\":\"closed\","
                                        + "\"reason\":\"timeout\",\"alerted\":false},\"tcp\":{\"tcp_flags\":\"16\","
                                        + "\"tcp_flags_ts\":\"02\",\"tcp_flags_tc\":\"14\",\"syn\":true,\"rst\":true,"
                                        + "\"ack\":true,\"state\":\"closed\"}")),
                        result -> {
                            Connection connection = single(result, Connection.class);
                            assertThat(connection.outcome()).isEqualTo(ConnectionOutcome.REJECTED);
                            assertThat(connection.direction()).isEqualTo(Direction.INBOUND);
                            assertThat(connection.host()).isEqualTo(Host.of(IpAddress.parse("10.20.4.30")));
                        }),
                row("flow: UDP without reply, ICMP echo with reply", List.of(
                        record("2024-03-05T15:07:00.000000+0100", 2003L, "flow", CLIENT, 5353, "198.51.100.53", 53,
                                "UDP", "\"app_proto\":\"failed\",\"flow\":{\"pkts_toserver\":3,\"pkts_toclient\":0,"
                                        + "\"bytes_toserver\":225,\"bytes_toclient\":0,\"start\":"
                                        + "\"2024-03-05T15:06:00.000000+0100\",\"end\":\"2024-03-05T15:06:02.000000+0100\","
                                        + "\"age\":2,\"state\":\"new\",\"reason\":\"timeout\",\"alerted\":false}"),
                        "{\"timestamp\":\"2024-03-05T15:07:01.000000+0100\",\"flow_id\":2004,\"event_type\":\"flow\","
                                + "\"src_ip\":\"10.20.4.17\",\"dest_ip\":\"192.0.2.1\",\"proto\":\"ICMP\",\"icmp_type\":8,"
                                + "\"icmp_code\":0,\"response_icmp_type\":0,\"response_icmp_code\":0,\"flow\":{"
                                + "\"pkts_toserver\":4,\"pkts_toclient\":4,\"bytes_toserver\":392,\"bytes_toclient\":392,"
                                + "\"start\":\"2024-03-05T15:06:30.000000+0100\",\"end\":\"2024-03-05T15:06:33.004000+0100\","
                                + "\"age\":3,\"state\":\"established\",\"reason\":\"timeout\",\"alerted\":false}}"),
                        result -> {
                            List<Connection> connections = result.only(Connection.class);
                            assertThat(connections).extracting(Connection::outcome)
                                    .containsExactly(ConnectionOutcome.NO_REPLY, ConnectionOutcome.ESTABLISHED);
                            assertThat(connections.get(1).transport()).isEqualTo(Transport.ICMP);
                            assertThat(connections.get(1).responderPort()).isEqualTo(-1);
                        }),
                row("netflow: the two halves of a flow make one connection", List.of(
                        netflow(7001L, CLIENT, 49800, "203.0.113.9", 443, 10, 1620, "1b"),
                        netflow(7001L, "203.0.113.9", 443, CLIENT, 49800, 8, 6110, "1b")),
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
                row("netflow: a half alone is a connection nobody answered", List.of(
                        netflow(7002L, CLIENT, 49801, "198.51.100.23", 8080, 3, 180, "02")),
                        result -> {
                            Connection connection = single(result, Connection.class);
                            assertThat(connection.responderPackets()).isZero();
                            assertThat(connection.outcome()).isEqualTo(ConnectionOutcome.NO_REPLY);
                        }),
                row("netflow: beside flow records, netflow records are duplicates", List.of(
                        netflow(7003L, CLIENT, 49802, "203.0.113.9", 443, 10, 1620, "1b"),
                        record("2024-03-05T15:10:00.000000+0100", 7003L, "flow", CLIENT, 49802, "203.0.113.9", 443,
                                "TCP", "\"flow\":{\"pkts_toserver\":10,\"pkts_toclient\":8,\"bytes_toserver\":1620,"
                                        + "\"bytes_toclient\":6110,\"start\":\"2024-03-05T15:09:00.000000+0100\","
                                        + "\"end\":\"2024-03-05T15:09:30.000000+0100\",\"age\":30,\"state\":\"closed\","
                                        + "\"reason\":\"timeout\",\"alerted\":false}"),
                        netflow(7003L, "203.0.113.9", 443, CLIENT, 49802, 8, 6110, "1b")),
                        result -> {
                            assertThat(single(result, Connection.class).state()).startsWith("closed");
                            assertThat(result.account().skipReasons())
                                    .containsExactly(Map.entry(EveFlows.DUPLICATE, 2L));
                        }),
                row("dns v1: a query and one answer record per resource record", List.of(
                        dns("2017-04-07T22:24:37.251547+0100", 3001L, CLIENT, 58316, RESOLVER, 53,
                                "\"type\":\"query\",\"id\":16000,\"rrname\":\"www.example.com\",\"rrtype\":\"A\",\"tx_id\":0"),
                        dns("2017-04-07T22:24:37.260012+0100", 3001L, RESOLVER, 53, CLIENT, 58316,
                                "\"type\":\"answer\",\"id\":16000,\"flags\":\"8180\",\"qr\":true,\"rd\":true,\"ra\":true,"
                                        + "\"rcode\":\"NOERROR\",\"rrname\":\"www.example.com\",\"rrtype\":\"CNAME\","
                                        + "\"ttl\":3324,\"rdata\":\"example.com\""),
                        dns("2017-04-07T22:24:37.260012+0100", 3001L, RESOLVER, 53, CLIENT, 58316,
                                "\"type\":\"answer\",\"id\":16000,\"flags\":\"8180\",\"qr\":true,\"rd\":true,\"ra\":true,"
                                        + "\"rcode\":\"NOERROR\",\"rrname\":\"example.com\",\"rrtype\":\"A\",\"ttl\":10,"
                                        + "\"rdata\":\"192.0.2.24\"")),
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
                row("dns v1: an answer without records names only its transaction", List.of(
                        dns("2017-04-07T22:25:00.000000+0100", 3002L, CLIENT, 58317, RESOLVER, 53,
                                "\"type\":\"query\",\"id\":16001,\"rrname\":\"qhx7zkq3lw.example\",\"rrtype\":\"A\",\"tx_id\":0"),
                        dns("2017-04-07T22:25:00.020000+0100", 3002L, RESOLVER, 53, CLIENT, 58317,
                                "\"type\":\"answer\",\"id\":16001,\"flags\":\"8183\",\"qr\":true,\"rd\":true,\"ra\":true,"
                                        + "\"rcode\":\"NXDOMAIN\",\"rrname\":\"qhx7zkq3lw.example\",\"rrtype\":\"A\"")),
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.nxdomain()).isTrue();
                            assertThat(query.responseCodeName()).isEqualTo("NXDOMAIN");
                            assertThat(query.answers()).isEmpty();
                            assertThat(query.rejected()).isTrue();
                        }),
                row("dns v2: query, then the answer with detailed and grouped records", List.of(
                        dns("2024-03-05T15:00:03.500001+0100", 3003L, CLIENT, 53211, RESOLVER, 53,
                                "\"version\":2,\"type\":\"query\",\"id\":30120,\"rrname\":\"updates.example-cdn.net\","
                                        + "\"rrtype\":\"A\",\"tx_id\":0,\"opcode\":0"),
                        dns("2024-03-05T15:00:03.512008+0100", 3003L, CLIENT, 53211, RESOLVER, 53,
                                "\"version\":2,\"type\":\"answer\",\"id\":30120,\"flags\":\"8180\",\"qr\":true,\"rd\":true,"
                                        + "\"ra\":true,\"opcode\":0,\"rrname\":\"updates.example-cdn.net\",\"rrtype\":\"A\","
                                        + "\"rcode\":\"NOERROR\",\"answers\":[{\"rrname\":\"updates.example-cdn.net\","
                                        + "\"rrtype\":\"CNAME\",\"ttl\":300,\"rdata\":\"edge-7.example-cdn.net\"},"
                                        + "{\"rrname\":\"edge-7.example-cdn.net\",\"rrtype\":\"A\",\"ttl\":60,"
                                        + "\"rdata\":\"203.0.113.45\"}],\"grouped\":{\"A\":[\"203.0.113.45\"],"
                                        + "\"CNAME\":[\"edge-7.example-cdn.net\"]}")),
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.uid()).isEqualTo("3003");
                            assertThat(query.answers()).containsExactly("edge-7.example-cdn.net", "203.0.113.45");
                            assertThat(query.ttls()).containsExactly(300.0, 60.0);
                            assertThat(query.rejected()).isFalse();
                            assertThat(query.timeMicros()).isEqualTo(1_709_647_203_500_001L);
                        }),
                row("dns v2: grouped records only", List.of(
                        dns("2024-03-05T15:00:04.000000+0100", 3004L, CLIENT, 53212, RESOLVER, 53,
                                "\"version\":2,\"type\":\"query\",\"id\":5,\"rrname\":\"cdn.example.net\","
                                        + "\"rrtype\":\"A\",\"tx_id\":0,\"opcode\":0"),
                        dns("2024-03-05T15:00:04.010000+0100", 3004L, CLIENT, 53212, RESOLVER, 53,
                                "\"version\":2,\"type\":\"answer\",\"id\":5,\"flags\":\"8180\",\"qr\":true,\"rd\":true,"
                                        + "\"ra\":true,\"rrname\":\"cdn.example.net\",\"rrtype\":\"A\",\"rcode\":\"NOERROR\","
                                        + "\"grouped\":{\"A\":[\"192.0.2.10\",\"192.0.2.11\"]}")),
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.answers()).containsExactly("192.0.2.10", "192.0.2.11");
                            assertThat(query.ttls()).isEmpty();
                        }),
                row("dns v2: answer logged before its query, every packet captured twice", List.of(
                        dns("2021-06-06T16:26:27.442512+0200", 3005L, CLIENT, 35790, RESOLVER, 53, answerV2(2, "www.example.org")),
                        dns("2021-06-06T16:26:27.442517+0200", 3005L, CLIENT, 35790, RESOLVER, 53, answerV2(2, "www.example.org")),
                        dns("2021-06-06T16:26:27.431769+0200", 3005L, CLIENT, 35790, RESOLVER, 53, queryV2(2, "www.example.org", 0)),
                        dns("2021-06-06T16:26:27.431775+0200", 3005L, CLIENT, 35790, RESOLVER, 53, queryV2(2, "www.example.org", 1))),
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.timeMicros()).isEqualTo(1_622_989_587_431_769L);
                            assertThat(query.provenance().record()).isEqualTo(3);
                            assertThat(query.answers()).containsExactly("192.0.2.80");
                            assertThat(result.account().skipReasons()).containsOnly(Map.entry(EveDns.JOINED, 1L),
                                    Map.entry(EveDns.REPEATED_ANSWER, 1L), Map.entry(EveDns.REPEATED_QUERY, 1L));
                        }),
                row("dns v2: an unanswered query still gives its event", List.of(
                        dns("2024-03-05T15:00:12.500000+0100", 3006L, CLIENT, 50201, RESOLVER, 53,
                                queryV2(778, "WPAD.corp.example.", 0))),
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.query()).isEqualTo("wpad.corp.example");
                            assertThat(query.responseCode()).isEqualTo(-1);
                            assertThat(query.responseCodeName()).isNull();
                            assertThat(query.rejected()).isFalse();
                        }),
                row("dns v2: a reused message id under another question is another transaction", List.of(
                        dns("2024-03-05T15:00:13.000000+0100", 3007L, CLIENT, 50202, RESOLVER, 53, queryV2(9, "a.example", 0)),
                        dns("2024-03-05T15:00:13.100000+0100", 3007L, CLIENT, 50202, RESOLVER, 53, queryV2(9, "b.example", 1)),
                        dns("2024-03-05T15:00:13.110000+0100", 3007L, CLIENT, 50202, RESOLVER, 53, answerV2(9, "b.example"))),
                        result -> assertThat(result.only(DnsQuery.class))
                                .extracting(DnsQuery::query, DnsQuery::responseCode)
                                .containsExactly(tuple("a.example", -1),
                                        tuple("b.example", 0))),
                row("dns v2: NXDOMAIN with the zone's SOA is not a rejection", List.of(
                        dns("2024-02-13T14:34:39.484216+0000", 3008L, CLIENT, 37606, RESOLVER, 53,
                                "\"version\":2,\"type\":\"answer\",\"id\":42092,\"flags\":\"8183\",\"qr\":true,\"rd\":true,"
                                        + "\"ra\":true,\"opcode\":0,\"rrname\":\"9.2.0.192.zen.example\",\"rrtype\":\"A\","
                                        + "\"rcode\":\"NXDOMAIN\",\"authorities\":[{\"rrname\":\"zen.example\","
                                        + "\"rrtype\":\"SOA\",\"ttl\":10,\"soa\":{\"mname\":\"ns1.zen.example\","
                                        + "\"rname\":\"hostmaster.zen.example\",\"serial\":2402131433,\"refresh\":3600,"
                                        + "\"retry\":600,\"expire\":432000,\"minimum\":10}}]")),
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.nxdomain()).isTrue();
                            assertThat(query.rejected()).isFalse();
                            assertThat(query.client()).isEqualTo(IpAddress.parse(CLIENT));
                        }),
                row("dns v3: request and response, the response logged from the responder", List.of(
                        dns("2025-01-20T10:00:00.100000+0000", 3009L, CLIENT, 50122, RESOLVER, 53,
                                "\"version\":3,\"type\":\"request\",\"tx_id\":0,\"id\":4711,\"flags\":\"100\",\"rd\":true,"
                                        + "\"opcode\":0,\"rcode\":\"NOERROR\",\"queries\":[{\"rrname\":"
                                        + "\"a3f9c1.t.ns.example-tunnel.org\",\"rrtype\":\"TXT\"}]"),
                        dns("2025-01-20T10:00:00.148211+0000", 3009L, RESOLVER, 53, CLIENT, 50122,
                                "\"version\":3,\"type\":\"response\",\"tx_id\":1,\"id\":4711,\"flags\":\"8180\",\"qr\":true,"
                                        + "\"rd\":true,\"ra\":true,\"opcode\":0,\"rcode\":\"NOERROR\",\"queries\":[{\"rrname\":"
                                        + "\"a3f9c1.t.ns.example-tunnel.org\",\"rrtype\":\"TXT\"}],\"answers\":[{\"rrname\":"
                                        + "\"a3f9c1.t.ns.example-tunnel.org\",\"rrtype\":\"TXT\",\"ttl\":0,\"rdata\":"
                                        + "\"aGVsbG8gd29ybGQgZnJvbSBjMg==\"}],\"grouped\":{\"TXT\":[\"aGVsbG8gd29ybGQgZnJvbSBjMg==\"]}")),
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.queryType()).isEqualTo(16);
                            assertThat(query.queryTypeName()).isEqualTo("TXT");
                            assertThat(query.client()).isEqualTo(IpAddress.parse(CLIENT));
                            assertThat(query.server()).isEqualTo(IpAddress.parse(RESOLVER));
                            assertThat(query.answers()).containsExactly("aGVsbG8gd29ybGQgZnJvbSBjMg==");
                            assertThat(query.ttls()).containsExactly(0.0);
                        }),
                row("dns v3: a response whose request was not logged", List.of(
                        dns("2025-01-20T10:00:01.000000+0000", 3010L, RESOLVER, 53, CLIENT, 50123,
                                "\"version\":3,\"type\":\"response\",\"tx_id\":0,\"id\":99,\"flags\":\"8180\",\"qr\":true,"
                                        + "\"rcode\":\"NOERROR\",\"queries\":[{\"rrname\":\"Example.ORG\",\"rrtype\":\"AAAA\"}],"
                                        + "\"answers\":[{\"rrname\":\"example.org\",\"rrtype\":\"AAAA\",\"ttl\":300,"
                                        + "\"rdata\":\"2001:db8::80\"}]")),
                        result -> {
                            DnsQuery query = single(result, DnsQuery.class);
                            assertThat(query.query()).isEqualTo("example.org");
                            assertThat(query.queryType()).isEqualTo(28);
                            assertThat(query.client()).isEqualTo(IpAddress.parse(CLIENT));
                            assertThat(query.serverPort()).isEqualTo(53);
                            assertThat(query.host()).isEqualTo(Host.of(IpAddress.parse(CLIENT)));
                        }),
                row("http: a request and its response", List.of(
                        record("2017-02-13T22:10:05.532101+0000", 4001L, "http", "192.168.1.46", 49205, "192.168.1.161",
                                80, "TCP", "\"tx_id\":3,\"http\":{\"hostname\":\"192.168.1.161\",\"url\":\"/admin/get.php\","
                                        + "\"http_user_agent\":\"Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) "
                                        + "like Gecko\",\"http_content_type\":\"text/html\",\"http_refer\":"
                                        + "\"http://192.168.1.161/\",\"http_method\":\"GET\",\"protocol\":\"HTTP/1.1\","
                                        + "\"status\":200,\"length\":4518}")),
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
                row("http: an older sensor's status written as text", List.of(
                        record("2015-03-25T15:40:41.000000+0100", 4002L, "http", CLIENT, 49300, "198.51.100.8", 80, "TCP",
                                "\"http\":{\"hostname\":\"direkte.example.no\",\"url\":\"/live/feed.json\","
                                        + "\"http_user_agent\":\"Wget/1.13.4 (linux-gnu)\",\"http_method\":\"GET\","
                                        + "\"protocol\":\"HTTP/1.1\",\"status\":\"200\",\"length\":310}")),
                        result -> assertThat(single(result, HttpRequest.class).statusCode()).isEqualTo(200)),
                row("tls: handshake with certificate and fingerprints", List.of(
                        record("2024-02-13T14:34:40.105512+0000", 5001L, "tls", "147.32.80.37", 52840, "203.0.113.21", 443,
                                "TCP", "\"tls\":{\"subject\":\"CN=testing.example\",\"issuerdn\":\"C=US, O=Example "
                                        + "Trust, CN=Example TLS CA\",\"serial\":\"17:8E:1E:D7\",\"fingerprint\":"
                                        + "\"2D:D1:9F:80:99:86:FC:AC:5F:2A:2A:FD:A3:F3:7E:96:7C:DD:24:37\",\"sni\":"
                                        + "\"Testing.Example\",\"version\":\"TLS 1.2\",\"notbefore\":\"2024-01-01T00:00:00\","
                                        + "\"notafter\":\"2025-01-01T00:00:00\",\"ja3\":{\"hash\":"
                                        + "\"B7202231FF2DB28363C109CEDC6D1642\",\"string\":\"770,51-57,0,,\"},\"ja3s\":{\"hash\":"
                                        + "\"ad90cab724fafab2660fbf61673c91a9\",\"string\":\"770,51,0\"},\"ja4\":"
                                        + "\"t12d1909h2_d83cc789557e_7af1ed941c26\"}")),
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
                row("tls: only the client hello was seen", List.of(
                        record("2024-02-13T14:34:41.000000+0000", 5002L, "tls", "147.32.80.37", 52841, "203.0.113.21", 443,
                                "TCP", "\"tls\":{\"sni\":\"testing.example\",\"version\":\"UNDETERMINED\"}")),
                        result -> {
                            TlsSession session = single(result, TlsSession.class);
                            assertThat(session.established()).isFalse();
                            assertThat(session.certificateFingerprints()).isEmpty();
                        }),
                row("fileinfo: a file the server sent, logged in its direction of travel", List.of(
                        record("2017-02-13T22:10:05.534000+0000", 4001L, "fileinfo", "192.168.1.161", 80, "192.168.1.46",
                                49205, "TCP", "\"http\":{\"hostname\":\"192.168.1.161\",\"url\":\"/news.asp\","
                                        + "\"http_content_type\":\"application/octet-stream\",\"http_method\":\"GET\","
                                        + "\"protocol\":\"HTTP/1.1\",\"status\":200,\"length\":73802},\"app_proto\":\"http\","
                                        + "\"fileinfo\":{\"filename\":\"/news.asp\",\"sid\":[],\"gaps\":false,\"state\":"
                                        + "\"CLOSED\",\"md5\":\"E4D909C290D0FB1CA068FFADDF22CBD0\",\"stored\":false,"
                                        + "\"size\":73802,\"tx_id\":3}")),
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
                row("alert: a signature match", List.of(
                        record("2021-06-06T15:59:46.457984+0200", 6001L, "alert", "78.36.196.213", 51698, "192.168.1.129",
                                445, "TCP", "\"alert\":{\"action\":\"allowed\",\"gid\":1,\"signature_id\":2403388,\"rev\":66418,"
                                        + "\"signature\":\"ET CINS Active Threat Intelligence Poor Reputation IP group 89\","
                                        + "\"category\":\"Misc Attack\",\"severity\":2,\"metadata\":{\"tag\":[\"CINS\"]}},"
                                        + "\"flow\":{\"pkts_toserver\":1,\"pkts_toclient\":0,\"bytes_toserver\":60,"
                                        + "\"bytes_toclient\":0,\"start\":\"2021-06-06T15:59:46.457984+0200\"}")),
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
                row("other event types are skipped by design, named", List.of(
                        "{\"timestamp\":\"2024-03-05T15:00:00.000000+0100\",\"event_type\":\"stats\",\"stats\":"
                                + "{\"uptime\":60,\"capture\":{\"kernel_packets\":1024,\"kernel_drops\":0}}}",
                        record("2024-03-05T15:00:01.000000+0100", 8001L, "anomaly", CLIENT, 49900, "192.0.2.9", 443, "TCP",
                                "\"anomaly\":{\"app_proto\":\"tls\",\"type\":\"applayer\",\"event\":"
                                        + "\"APPLAYER_DETECT_PROTOCOL_ONLY_ONE_DIRECTION\",\"layer\":\"proto_detect\"}"),
                        record("2024-03-05T15:00:02.000000+0100", 8002L, "smb", CLIENT, 49901, "10.20.0.5", 445, "TCP",
                                "\"smb\":{\"id\":1,\"dialect\":\"2.10\",\"command\":\"SMB2_COMMAND_NEGOTIATE_PROTOCOL\"}")),
                        result -> {
                            assertThat(result.events()).isEmpty();
                            assertThat(result.account().skipReasons()).containsOnlyKeys(
                                    "suricata event type 'stats' not modeled",
                                    "suricata event type 'anomaly' not modeled",
                                    "suricata event type 'smb' not modeled");
                        }));
    }

    private static Arguments row(String name, List<String> lines, Consumer<Result> expectations) {
        return Arguments.of(name, lines, expectations);
    }

    private static <E> E single(Result result, Class<E> type) {
        assertThat(result.events()).hasSize(1);
        assertThat(result.events().get(0)).isInstanceOf(type);
        return type.cast(result.events().get(0));
    }

    static String record(String timestamp, long flowId, String type, String source, int sourcePort,
            String destination, int destinationPort, String proto, String body) {
        return "{\"timestamp\":\"" + timestamp + "\",\"flow_id\":" + flowId + ",\"in_iface\":\"eth1\",\"event_type\":\""
                + type + "\",\"src_ip\":\"" + source + "\",\"src_port\":" + sourcePort + ",\"dest_ip\":\"" + destination
                + "\",\"dest_port\":" + destinationPort + ",\"proto\":\"" + proto + "\"," + body + "}";
    }

    static String dns(String timestamp, long flowId, String source, int sourcePort, String destination,
            int destinationPort, String body) {
        return record(timestamp, flowId, "dns", source, sourcePort, destination, destinationPort, "UDP",
                "\"pkt_src\":\"wire/pcap\",\"dns\":{" + body + "}");
    }

    static String queryV2(int id, String name, int transaction) {
        return "\"version\":2,\"type\":\"query\",\"id\":" + id + ",\"rrname\":\"" + name + "\",\"rrtype\":\"A\","
                + "\"tx_id\":" + transaction + ",\"opcode\":0";
    }

    static String answerV2(int id, String name) {
        return "\"version\":2,\"type\":\"answer\",\"id\":" + id + ",\"flags\":\"8180\",\"qr\":true,\"rd\":true,"
                + "\"ra\":true,\"rrname\":\"" + name + "\",\"rrtype\":\"A\",\"rcode\":\"NOERROR\",\"answers\":[{"
                + "\"rrname\":\"" + name + "\",\"rrtype\":\"A\",\"ttl\":91,\"rdata\":\"192.0.2.80\"}],"
                + "\"grouped\":{\"A\":[\"192.0.2.80\"]}";
    }

    static String netflow(long flowId, String source, int sourcePort, String destination, int destinationPort,
            int packets, int bytes, String flags) {
        return record("2024-03-05T15:10:00.000000+0100", flowId, "netflow", source, sourcePort, destination,
                destinationPort, "TCP", "\"app_proto\":\"tls\",\"netflow\":{\"pkts\":" + packets + ",\"bytes\":" + bytes
                        + ",\"start\":\"2024-03-05T15:09:00.000000+0100\",\"end\":\"2024-03-05T15:09:30.000000+0100\","
                        + "\"age\":30,\"min_ttl\":64,\"max_ttl\":64},\"tcp\":{\"tcp_flags\":\"" + flags + "\"}");
    }
}
