package io.stagehunt.detect.network;

import static io.stagehunt.testing.SampleTraffic.dns;
import static io.stagehunt.testing.SampleTraffic.firewall;
import static io.stagehunt.testing.SampleTraffic.http;
import static io.stagehunt.testing.SampleTraffic.tcp;
import static io.stagehunt.testing.SampleTraffic.tls;
import static io.stagehunt.testing.SampleTraffic.udp;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.engine.DetectorHarness;
import io.stagehunt.event.Connection;
import io.stagehunt.event.Event;
import io.stagehunt.event.FirewallDecision.Verdict;
import io.stagehunt.event.Transport;
import io.stagehunt.net.Cidr;
import io.stagehunt.testing.SampleTraffic;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EgressDetectorTest {

    private static final String HOST = "192.168.10.15";

    private static List<Finding> run(List<? extends Event> events) {
        return DetectorHarness.run(new EgressDetector(EgressDetector.Settings.DEFAULTS), events);
    }

    private static List<String> signalNames(Finding finding) {
        return finding.signals().stream().map(Signal::name).toList();
    }

    /** {@code count} flows a minute apart from the host to one destination. */
    private static List<Event> flows(int count, String to, int port, String service, String state) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(tcp(60.0 * i, HOST, to, port, service, state.equals("S0") ? 0 : 1_200,
                    state.equals("S0") ? 0 : 4_800, state));
        }
        return events;
    }

    static Stream<Arguments> ports() {
        return Stream.of(
                Arguments.of("http on an unregistered port", 5, 1177, "http", "SF",
                        List.of("protocol-port-mismatch", "uncommon-port", "repetition")),
                Arguments.of("tls on the alternate http port", 3, 8080, "ssl", "SF",
                        List.of("protocol-port-mismatch")),
                Arguments.of("ssh on a high port", 1, 2222, "ssh", "SF",
                        List.of("protocol-port-mismatch", "uncommon-port")),
                Arguments.of("retried unanswered raw tcp", 237, 1177, null, "S0",
                        List.of("uncommon-port", "repetition", "unanswered-retries")),
                Arguments.of("one flow to an odd port", 1, 40_001, null, "SF", List.of()),
                Arguments.of("tls on 443", 30, 443, "ssl", "SF", List.of()),
                Arguments.of("mqtt over tls", 30, 8883, "ssl", "SF", List.of()),
                Arguments.of("http and tls through a proxy port", 5, 3128, "ssl,http", "SF",
                        List.of("uncommon-port", "external-proxy", "repetition")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ports")
    void judgesPortsAgainstTheProtocolAndOrdinaryEgress(String label, int count, int port, String service,
            String state, List<String> expected) {
        List<Finding> findings = run(flows(count, "203.0.113.40", port, service, state));
        if (expected.isEmpty()) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(signalNames(finding)).containsExactlyElementsOf(expected);
            assertThat(finding.detectorId()).isEqualTo("egress");
            assertThat(finding.destination().port()).isEqualTo(port);
            assertThat(finding.score()).isEqualTo(Finding.scoreOf(finding.signals()));
            assertThat(finding.techniques()).last().isEqualTo("T1104");
            assertThat(finding.reason()).startsWith("Host " + HOST + " made " + count + " allowed outbound tcp")
                    .endsWith(".");
        });
    }

    /** Tor relays and forward proxies listen on TCP; a datagram to port 9030 names no proxy. */
    @Test
    void onlyTcpToAProxyOrTorPortIsAnExternalProxy() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(udp(60.0 * i, HOST, "203.0.113.41", 9030, null, 120, 0));
            events.add(tcp(60.0 * i + 1, HOST, "203.0.113.42", 9030, null, 1_200, 4_800, "SF"));
        }

        List<Finding> findings = run(events);

        // three datagrams to an uncommon port alone stay under the reporting threshold
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.destination().ip()).hasToString("203.0.113.42");
            assertThat(signalNames(finding)).contains("uncommon-port", "external-proxy");
        });
    }

    @Test
    void anIpv6DestinationIsWrittenInBracketsBeforeItsPort() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(tcp(60.0 * i, "fd00:20::4:17", "2001:db8::1337", 1337, "http", 1_200, 4_800, "SF"));
        }
        assertThat(run(events)).singleElement().satisfies(finding -> assertThat(finding.reason())
                .startsWith("Host fd00:20::4:17 made 5 allowed outbound tcp connections to [2001:db8::1337]:1337, "));
    }

    @Test
    void unansweredRetriesOfARatReachTheMediumBand() {
        Finding finding = run(flows(237, "203.0.113.40", 1177, null, "S0")).get(0);
        assertThat(finding.score()).isCloseTo(0.40, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(finding.techniques()).containsExactly("T1571", "T1104");
        assertThat(finding.reason()).contains("a port ordinary client traffic does not use")
                .contains("237 of them unanswered");
    }

    /** Thirty flows to names the host resolved, then {@code count} flows to an address it never resolved. */
    private static List<Event> resolvedThenDirect(int count, boolean withDns) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String address = "198.51.100." + (i + 1);
            if (withDns) {
                events.add(dns(10.0 * i, HOST, "192.168.10.1", "site" + i + ".example.com", address));
            }
            events.add(tcp(10.0 * i + 0.2, HOST, address, 443, "ssl", 900, 9_000, "SF"));
        }
        for (int i = 0; i < count; i++) {
            events.add(tcp(400 + 30.0 * i, HOST, "203.0.113.77", 443, "ssl", 900, 9_000, "SF"));
        }
        return events;
    }

    @Test
    void reportsDirectToIpWhereTheHostsDnsIsVisible() {
        Finding finding = run(resolvedThenDirect(8, true)).get(0);
        assertThat(signalNames(finding)).containsExactly("direct-to-ip", "repetition");
        assertThat(finding.signals().get(0).baseline()).startsWith("79 % of this host's 38 flows");
        assertThat(finding.destination().domain()).isNull();
        assertThat(finding.reason()).contains("without resolving a name for it first");
    }

    /** The same flows logged by a sensor and by a firewall count once toward the host's DNS coverage. */
    @Test
    void dnsCoverageCountsFlowsLoggedTwiceOnce() {
        List<Event> events = new ArrayList<>();
        for (Event event : resolvedThenDirect(8, true)) {
            events.add(event);
            if (event instanceof Connection flow) {
                events.add(firewall((flow.timeMicros() - SampleTraffic.START_MICROS) / 1e6, HOST, flow.responder().toString(), 443,
                        Verdict.ALLOW, "ssl"));
            }
        }

        Finding finding = run(events).get(0);

        assertThat(finding.signals().get(0).baseline()).startsWith("79 % of this host's 38 flows");
    }

    @Test
    void staysSilentAboutUnresolvedAddressesWhenDnsIsNotVisible() {
        assertThat(run(resolvedThenDirect(8, false))).isEmpty();
    }

    @Test
    void namesTheDestinationFromTheHostsOwnDnsAnswers() {
        List<Event> events = new ArrayList<>();
        events.add(dns(0, HOST, "192.168.10.1", "updates.example.net", "203.0.113.9"));
        events.addAll(flows(5, "203.0.113.9", 8088, "http", "SF"));
        Finding finding = run(events).get(0);
        assertThat(finding.destination().domain()).isEqualTo("updates.example.net");
        assertThat(signalNames(finding)).doesNotContain("direct-to-ip");
    }

    /** A name resolved at the start of a long episode still names it hours later, when the report is written. */
    @Test
    void aNameFreshAtAnEpisodesStartNamesItsReport() {
        List<Event> events = new ArrayList<>();
        events.add(dns(0, HOST, "192.168.10.1", "updates.example.net", "203.0.113.9"));
        for (int i = 0; i < 31; i++) {
            events.add(tcp(1 + 600.0 * i, HOST, "203.0.113.9", 3000, null, 1_200, 4_800, "SF"));
        }

        Finding finding = run(events).get(0);

        assertThat(finding.destination().domain()).isEqualTo("updates.example.net");
        assertThat(signalNames(finding)).doesNotContain("direct-to-ip");
    }

    @Test
    void tlsWithoutServerNameIsEvidenceOfDirectToIpWithoutDnsVisibility() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            events.add(tls(60.0 * i, HOST, "203.0.113.21", 443, null, "771,4865-4866,0-23,29-23,0"));
            events.add(tcp(60.0 * i, HOST, "203.0.113.21", 443, "ssl", 900, 4_000, "SF"));
        }
        Finding finding = run(events).get(0);
        assertThat(signalNames(finding)).containsExactly("direct-to-ip", "repetition");
        assertThat(finding.signals().get(0).baseline()).contains("addressed it by number");
        assertThat(finding.confidence()).isEqualTo(0.9);
    }

    @Test
    void aBracketedIpv6HostHeaderIsTheBareAddressNotAName() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            events.add(http(60.0 * i, "fd00:20::4:17", "2001:db8::1", 8080, "GET", "[2001:db8::1]:8080", "/index",
                    "Mozilla/5.0", 0, 2_000, "text/html"));
            events.add(tcp(60.0 * i, "fd00:20::4:17", "2001:db8::1", 8080, "http", 400, 2_400, "SF"));
        }
        Finding finding = run(events).get(0);
        assertThat(signalNames(finding)).containsExactly("direct-to-ip", "repetition");
        assertThat(finding.signals().get(0).baseline()).contains("addressed it by number");
        assertThat(finding.destination().domain()).isNull();
    }

    @Test
    void webTrafficStraightOutFromAHostThatUsesAProxyIsABypass() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(http(10.0 * i, HOST, "192.168.10.3", 3128, "CONNECT", "www.example.com:443",
                    "www.example.com:443", "Mozilla/5.0", 0, 0));
        }
        events.add(tcp(100, HOST, "203.0.113.60", 443, "ssl", 3_000, 20_000, "SF"));
        Finding finding = run(events).get(0);
        assertThat(signalNames(finding)).containsExactly("proxy-bypass");
        assertThat(finding.signals().get(0).baseline())
                .isEqualTo("this host used the proxy 192.168.10.3:3128 5 times");
        assertThat(finding.reason()).contains("straight past the web proxy");
    }

    @Test
    void configuredProxiesMakeDirectWebTrafficABypassButNotForTheProxyItself() {
        EgressDetector detector = new EgressDetector(EgressDetector.Settings.DEFAULTS
                .withProxies(List.of(Cidr.parse("192.168.10.3"))));
        List<Finding> findings = DetectorHarness.run(detector, List.of(
                tcp(1, HOST, "203.0.113.60", 80, "http", 400, 2_000, "SF"),
                tcp(2, "192.168.10.3", "203.0.113.60", 443, "ssl", 400, 2_000, "SF")));
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.host().label()).isEqualTo(HOST);
            assertThat(finding.signals().get(0).baseline()).contains("192.168.10.3/32");
        });
    }

    static Stream<Arguments> denials() {
        return Stream.of(
                Arguments.of("same address two minutes later", "203.0.113.5", 120.0, true),
                Arguments.of("neighbour in the same /24", "203.0.113.6", 120.0, true),
                Arguments.of("other network", "198.51.100.6", 120.0, false),
                Arguments.of("same address twenty minutes later", "203.0.113.5", 1_200.0, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denials")
    void allowedSoonAfterADenialIsARetryAroundIt(String label, String allowed, double after, boolean reported) {
        List<Finding> findings = run(List.of(
                dns(0, HOST, "192.168.10.1", "a.example.org", "203.0.113.5", "203.0.113.6", "198.51.100.6"),
                firewall(1, HOST, "203.0.113.5", 443, Verdict.DENY, "ssl"),
                firewall(1 + after, HOST, allowed, 443, Verdict.ALLOW, "ssl")));
        if (!reported) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(signalNames(finding)).containsExactly("denied-then-allowed");
            assertThat(finding.evidence()).hasSize(2);
            assertThat(finding.reason()).contains("minutes after the firewall denied");
        });
    }

    static Stream<Arguments> applications() {
        return Stream.of(
                Arguments.of("web-browsing", 4444, true),
                Arguments.of("ssl", 8080, true),
                Arguments.of("ssl", 443, false),
                Arguments.of("web-browsing", 80, false),
                Arguments.of("incomplete", 443, false));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("applications")
    void firewallAppIdIsJudgedAgainstThePort(String application, int port, boolean mismatch) {
        List<Finding> findings = run(List.of(
                dns(0, HOST, "192.168.10.1", "a.example.org", "203.0.113.5"),
                firewall(1, HOST, "203.0.113.5", port, Verdict.ALLOW, application)));
        assertThat(findings.stream().anyMatch(f -> signalNames(f).contains("protocol-port-mismatch")))
                .isEqualTo(mismatch);
    }

    static Stream<Arguments> firewallTransports() {
        return Stream.of(
                Arguments.of("pfSense echo requests (type 8, code 0)", Transport.ICMP, 8, 0, List.of()),
                Arguments.of("netfilter port unreachable (type 3, code 3)", Transport.ICMP, 3, 3, List.of()),
                Arguments.of("ESP of an IPsec tunnel", Transport.OTHER, -1, -1, List.of()),
                Arguments.of("GRE", Transport.OTHER, -1, -1, List.of()),
                Arguments.of("UDP to an uncommon port", Transport.UDP, 53_000, 4444,
                        List.of("uncommon-port", "repetition")));
    }

    /** Firewall logs put ICMP's type and code where TCP and UDP put ports, and -1 for protocols without ports. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("firewallTransports")
    void onlyTcpAndUdpFirewallRecordsAreJudgedByPort(String label, Transport transport, int sourcePort,
            int destinationPort, List<String> expected) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            events.add(firewall(400.0 * i, HOST, "8.8.8.8", transport, sourcePort, destinationPort, Verdict.ALLOW,
                    null));
        }
        List<Finding> findings = run(events);
        if (expected.isEmpty()) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).singleElement().satisfies(finding ->
                assertThat(signalNames(finding)).containsExactlyElementsOf(expected));
    }

    @Test
    void pingAllowedRightAfterADenialIsARetryWithoutAPort() {
        List<Finding> findings = run(List.of(
                firewall(0, HOST, "203.0.113.5", 443, Verdict.DENY, "ssl"),
                firewall(60, HOST, "203.0.113.5", Transport.ICMP, 8, 0, Verdict.ALLOW, "ping"),
                firewall(61, HOST, "203.0.113.5", Transport.ICMP, 8, 0, Verdict.ALLOW, "ping")));
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(signalNames(finding)).containsExactly("denied-then-allowed");
            assertThat(finding.destination().port()).isEqualTo(-1);
            assertThat(finding.reason()).isEqualTo("Host " + HOST + " made 2 allowed outbound icmp connections to "
                    + "203.0.113.5, minutes after the firewall denied it.");
        });
    }

    static Stream<Arguments> views() {
        return Stream.of(
                Arguments.of("Zeek only", true, false),
                Arguments.of("PAN-OS only", false, true),
                Arguments.of("Zeek and PAN-OS logging the same flows", true, true));
    }

    /** A sensor and a firewall that both log a flow count it once: the larger of their counts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    void flowsLoggedByASensorAndAFirewallAreCountedOnce(String label, boolean sensor, boolean firewall) {
        List<Event> events = new ArrayList<>();
        events.add(dns(0, HOST, "192.168.10.1", "updates.example.net", "203.0.113.9"));
        for (int i = 0; i < 6; i++) {
            if (sensor) {
                events.add(tcp(1 + 60.0 * i, HOST, "203.0.113.9", 4444, "http", 1_200, 4_800, "SF"));
            }
            if (firewall) {
                events.add(firewall(1 + 60.0 * i, HOST, "203.0.113.9", 4444, Verdict.ALLOW, "web-browsing"));
            }
        }
        assertThat(run(events)).singleElement().satisfies(finding -> {
            assertThat(finding.reason()).startsWith("Host " + HOST + " made 6 allowed outbound tcp connections to "
                    + "updates.example.net:4444, ");
            assertThat(finding.signals()).filteredOn(s -> s.name().equals("repetition")).singleElement()
                    .extracting(Signal::observed).isEqualTo("6 flows over 5 min");
        });
    }

    @Test
    void oneFindingPerEpisodeAndANewOneAfterSilence() {
        List<Event> events = new ArrayList<>(flows(5, "203.0.113.40", 1177, "http", "SF"));
        for (int i = 0; i < 5; i++) {
            events.add(tcp(3 * 3600 + 60.0 * i, HOST, "203.0.113.40", 1177, "http", 900, 900, "SF"));
        }
        List<Finding> findings = run(events);
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).uid()).isNotEqualTo(findings.get(1).uid());
    }

    @Test
    void stateExpiresAfterTheHostFallsQuiet() {
        DetectorHarness<?, ?> harness = new DetectorHarness<>(new EgressDetector(EgressDetector.Settings.DEFAULTS));
        flows(5, "203.0.113.40", 1177, "http", "SF").forEach(harness::accept);
        harness.accept(dns(400, HOST, "192.168.10.1", "a.example.org", "203.0.113.5"));
        assertThat(harness.liveKeys()).isEqualTo(1);
        harness.advanceTo(io.stagehunt.testing.SampleTraffic.at(400 + 5 * 3600));
        assertThat(harness.liveKeys()).isZero();
        assertThat(harness.findings()).hasSize(1);
        harness.finish();
    }

    @Test
    void beyondItsBoundTheLeastRecentDestinationIsReportedEarlyNotLost() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String to = "203.0." + (100 + i / 200) + "." + (i % 200 + 1);
            for (int flow = 0; flow < 2; flow++) {
                events.add(tcp(i + flow * 0.1, HOST, to, 4444, "http", 100, 100, "SF"));
            }
        }
        List<Finding> findings = run(events);
        assertThat(findings).hasSize(300);
        assertThat(findings).allSatisfy(f -> assertThat(f.signals()).extracting(Signal::name)
                .containsExactly("protocol-port-mismatch", "uncommon-port"));
    }

    @Test
    void ignoresInboundAndUdpResolverTraffic() {
        assertThat(run(List.of(
                tcp(1, "203.0.113.40", HOST, 4444, "http", 100, 100, "SF"),
                udp(2, HOST, "9.9.9.9", 53, "dns", 60, 120)))).isEmpty();
    }
}
