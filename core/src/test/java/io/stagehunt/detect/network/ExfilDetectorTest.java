package io.stagehunt.detect.network;

import static io.stagehunt.testing.SampleTraffic.at;
import static io.stagehunt.testing.SampleTraffic.file;
import static io.stagehunt.testing.SampleTraffic.firewall;
import static io.stagehunt.testing.SampleTraffic.firewallFlow;
import static io.stagehunt.testing.SampleTraffic.http;
import static io.stagehunt.testing.SampleTraffic.icmp;
import static io.stagehunt.testing.SampleTraffic.tcp;
import static io.stagehunt.testing.SampleTraffic.tls;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.engine.DetectorHarness;
import io.stagehunt.event.Event;
import io.stagehunt.event.FirewallDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExfilDetectorTest {

    private static final String HOST = "10.20.0.31";
    private static final double HOUR = 3600;
    private static final long MB = 1_000_000;

    /** Runs the events in time order, as the pipeline delivers them. */
    private static List<Finding> run(List<? extends Event> events) {
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(java.util.Comparator.comparingLong(Event::timeMicros));
        return DetectorHarness.run(new ExfilDetector(ExfilDetector.Settings.DEFAULTS), ordered);
    }

    /** Twelve ordinary hours: a few web sessions sending 1.5 to 2.6 MB an hour and receiving far more. */
    private static List<Event> ordinaryHours() {
        List<Event> events = new ArrayList<>();
        for (int hour = 0; hour < 12; hour++) {
            long sent = (15 + (hour * 7) % 11) * 100_000L;
            events.add(tcp(hour * HOUR + 600, HOST, "198.51.100.10", 443, "ssl", sent / 2, 20 * MB, "SF"));
            events.add(tcp(hour * HOUR + 1800, HOST, "198.51.100.11", 443, "ssl", sent / 2, 8 * MB, "SF"));
        }
        return events;
    }

    private static List<Event> afterOrdinaryHours(Function<Double, List<Event>> hour13) {
        List<Event> events = ordinaryHours();
        events.addAll(hour13.apply(12 * HOUR));
        return events;
    }

    private static List<String> names(Finding finding) {
        return finding.signals().stream().map(Signal::name).toList();
    }

    static Stream<Arguments> uploads() {
        return Stream.of(
                Arguments.of("a large one-way upload to a new destination",
                        (Function<Double, List<Event>>) start -> List.of(
                                tcp(start + 60, HOST, "203.0.113.66", 443, "ssl", 400 * MB, MB, "SF")),
                        List.of("upload-volume", "asymmetry", "new-destination-for-host"), "T1041"),
                Arguments.of("a firewall's count of a one-way upload",
                        (Function<Double, List<Event>>) start -> List.of(
                                firewallFlow(start + 60, HOST, "203.0.113.66", 443, "ssl", 400 * MB, MB)),
                        List.of("upload-volume", "asymmetry", "new-destination-for-host"), "T1041"),
                Arguments.of("a firewall log that counts only the bytes sent (CEF in= without out=)",
                        (Function<Double, List<Event>>) start -> List.of(
                                firewallFlow(start + 60, HOST, "203.0.113.66", 443, "ssl", 400 * MB, -1)),
                        List.of("upload-volume", "new-destination-for-host"), "T1041"),
                Arguments.of("a two-way call of the same size",
                        (Function<Double, List<Event>>) start -> List.of(
                                tcp(start + 60, HOST, "198.51.100.10", 3478, null, 400 * MB, 800 * MB, "SF")),
                        List.of("upload-volume"), "T1041"),
                Arguments.of("a one-way upload to a port ordinary client software does not use",
                        (Function<Double, List<Event>>) start -> List.of(
                                tcp(start + 60, HOST, "203.0.113.77", 1337, null, 40 * MB, 3_000, "RSTR")),
                        List.of("upload-volume", "asymmetry", "uncommon-port", "new-destination-for-host"),
                        "T1571"),
                Arguments.of("a ping tunnel's upload: ICMP has no port to be uncommon",
                        (Function<Double, List<Event>>) start -> List.of(
                                icmp(start + 60, HOST, "203.0.113.78", 8, 0, 40 * MB, 3_000)),
                        List.of("upload-volume", "asymmetry", "new-destination-for-host"), "T1041"),
                Arguments.of("a two-way video call on a port of its own is no uncommon-port upload",
                        (Function<Double, List<Event>>) start -> List.of(
                                tcp(start + 60, HOST, "198.51.100.10", 8801, null, 400 * MB, 800 * MB, "SF")),
                        List.of("upload-volume"), "T1041"),
                Arguments.of("mail submission of 30 MB",
                        (Function<Double, List<Event>>) start -> List.of(
                                tcp(start + 60, HOST, "203.0.113.25", 587, "smtp", 30 * MB, 40_000, "SF")),
                        List.of("upload-volume", "asymmetry", "new-destination-for-host", "upload-protocol"),
                        "T1048"),
                Arguments.of("web form posts totalling 15 MB",
                        (Function<Double, List<Event>>) start -> {
                            List<Event> posts = new ArrayList<>();
                            for (int i = 0; i < 5; i++) {
                                posts.add(http(start + 60 * i, HOST, "198.51.100.11", 80, "POST", "forms.example.org",
                                        "/upload", "Mozilla/5.0", 3 * MB, 300));
                            }
                            return posts;
                        },
                        List.of("upload-volume", "upload-protocol"), "T1041"),
                Arguments.of("twenty equal chunks",
                        (Function<Double, List<Event>>) start -> {
                            List<Event> chunks = new ArrayList<>();
                            for (int i = 0; i < 20; i++) {
                                chunks.add(tcp(start + 60 * i, HOST, "198.51.100.11", 443, "ssl",
                                        MB + (i % 3) * 5_000, 2_000, "SF"));
                            }
                            return chunks;
                        },
                        List.of("upload-volume", "asymmetry", "uniform-chunks"), "T1030"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploads")
    void judgesUploadsAgainstTheHostsOwnBaseline(String label, Function<Double, List<Event>> hour13,
            List<String> expected, String technique) {
        List<Finding> findings = run(afterOrdinaryHours(hour13));
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(names(finding)).containsExactlyElementsOf(expected);
            assertThat(finding.techniques()).contains(technique).last().isEqualTo("T1104");
            assertThat(finding.score()).isEqualTo(Finding.scoreOf(finding.signals()));
            assertThat(finding.firstSeenMicros()).isEqualTo(at(12 * HOUR));
            assertThat(finding.reason()).startsWith("Host " + HOST + " sent ").endsWith(".");
        });
    }

    @Test
    void aLargeOneWayUploadToANewDestinationReachesTheMediumBand() {
        Finding finding = run(afterOrdinaryHours(start -> List.of(
                tcp(start + 60, HOST, "203.0.113.66", 443, "ssl", 400 * MB, MB, "SF")))).get(0);
        assertThat(finding.score()).isCloseTo(0.65, Offset.offset(1e-9));
        assertThat(finding.signals().get(0).baseline())
                .startsWith("this host's usual upload per hour: median 2.0 MB, deviation 300.0 kB over 12 windows");
        assertThat(finding.reason()).contains("400.0 MB").contains("400 times what it received")
                .contains("a destination it had never sent to");
    }

    @Test
    void uploadsWithinTheHostsUsualVolumeStaySilent() {
        List<Event> events = ordinaryHours();
        for (int hour = 0; hour < 14; hour++) {
            events.add(tcp(hour * HOUR + 900, HOST, "198.51.100.50", 22, "ssh", 12 * MB + hour * 100_000,
                    200_000, "SF"));
        }
        List<Finding> findings = run(events);
        assertThat(findings).allSatisfy(finding -> assertThat(finding.firstSeenMicros()).isLessThan(at(6 * HOUR)));
    }

    @Test
    void smallUploadsAreNeverJudged() {
        assertThat(run(afterOrdinaryHours(start -> List.of(
                tcp(start + 60, HOST, "203.0.113.66", 443, "ssl", 9 * MB, 1_000, "SF"))))).isEmpty();
    }

    @Test
    void withoutHistoryOnlyAbsoluteVolumeAndShapeCount() {
        Finding finding = run(List.of(tcp(60, HOST, "203.0.113.66", 443, "ssl", 80 * MB, 200_000, "SF"))).get(0);
        assertThat(names(finding)).containsExactly("upload-volume", "asymmetry");
        assertThat(finding.signals().get(0).baseline()).startsWith("no baseline yet (0 of 6 windows)");
        assertThat(finding.confidence()).isEqualTo(0.6);
    }

    @Test
    void fileUploadsAndTlsNamesAreAttributed() {
        List<Event> events = afterOrdinaryHours(start -> List.of(
                tls(start + 10, HOST, "203.0.113.90", 443, "drop.example.net", null),
                file(start + 20, HOST, "203.0.113.90", "HTTP", "application/zip", 25 * MB, true),
                tcp(start + 20, HOST, "203.0.113.90", 443, "ssl", 26 * MB, 50_000, "SF")));
        Finding finding = run(events).get(0);
        assertThat(finding.destination().domain()).isEqualTo("drop.example.net");
        assertThat(finding.signals()).filteredOn(s -> s.name().equals("upload-protocol")).singleElement()
                .extracting(Signal::observed).isEqualTo("HTTP uploads of 25.0 MB in 1 file");
    }

    @Test
    void firewallAndSensorViewsOfOneFlowAreNotAddedTogether() {
        FirewallDecision logged = new FirewallDecision(at(60), io.stagehunt.event.Host.of(
                io.stagehunt.testing.SampleTraffic.ip(HOST)), firewall(60, HOST, "203.0.113.66", 443,
                FirewallDecision.Verdict.ALLOW, "ssl").provenance(), "fw1", FirewallDecision.Verdict.ALLOW, "allow",
                io.stagehunt.event.Transport.TCP, io.stagehunt.testing.SampleTraffic.ip(HOST), 50_000,
                io.stagehunt.testing.SampleTraffic.ip("203.0.113.66"), 443, io.stagehunt.event.Direction.OUTBOUND,
                "ssl", 80 * MB, 200_000);
        Finding finding = run(List.of(logged,
                tcp(60, HOST, "203.0.113.66", 443, "ssl", 80 * MB, 200_000, "SF"))).get(0);
        assertThat(finding.reason()).contains("sent 80.0 MB");
    }

    @Test
    void anIpv6DestinationIsWrittenInBracketsBeforeItsPort() {
        Finding finding = run(List.of(
                tcp(60, "fd00:20::4:17", "2001:db8::1337", 1337, null, 40 * MB, 3_000, "RSTR"))).get(0);
        assertThat(finding.reason()).startsWith("Host fd00:20::4:17 sent 40.0 MB to [2001:db8::1337]:1337 in an hour");
    }

    /** Ten mail submissions of {@code size} each, logged by Zeek and by a PAN-OS firewall alike. */
    private static List<Event> mailSeenTwice(long size) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(tcp(60.0 * i, HOST, "203.0.113.25", 587, "smtp", size, 4_000, "SF"));
            events.add(firewallFlow(60.0 * i, HOST, "203.0.113.25", 587, "smtp", size, 4_000));
        }
        return events;
    }

    static Stream<Arguments> viewsOfTheSameFlows() {
        return Stream.of(
                Arguments.of("12 MB of mail", 1_200_000L, "SMTP 12.0 MB", "10 flows of 1.2 MB ±0 %"),
                Arguments.of("6 MB of mail stays under the 10 MB threshold", 600_000L, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("viewsOfTheSameFlows")
    void theSensorsAndTheFirewallsCountsOfTheSameFlowsAreComparedNotAdded(String label, long size,
            String protocol, String chunks) {
        List<Finding> findings = run(mailSeenTwice(size));
        if (protocol == null) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.signals()).filteredOn(s -> s.name().equals("upload-protocol")).singleElement()
                    .extracting(Signal::observed).isEqualTo(protocol);
            assertThat(finding.signals()).filteredOn(s -> s.name().equals("uniform-chunks")).singleElement()
                    .extracting(Signal::observed).isEqualTo(chunks);
        });
    }

    @Test
    void stateExpiresOnceTheHostIsIdleAndTheWindowIsJudged() {
        DetectorHarness<?, ?> harness = new DetectorHarness<>(new ExfilDetector(ExfilDetector.Settings.DEFAULTS));
        harness.accept(tcp(60, HOST, "203.0.113.66", 443, "ssl", 80 * MB, 200_000, "SF"));
        harness.advanceTo(at(HOUR + 1));
        assertThat(harness.findings()).hasSize(1);
        assertThat(harness.liveKeys()).isEqualTo(1);
        harness.advanceTo(at(26 * HOUR));
        assertThat(harness.liveKeys()).isZero();
        harness.finish();
    }

    @Test
    void manyDestinationsInOneWindowStayWithinTheBound() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            events.add(tcp(i, HOST, "203.0." + (i / 200) + "." + (i % 200 + 1), 443, "ssl", 100_000 + i, 500_000,
                    "SF"));
        }
        events.add(tcp(500, HOST, "198.51.100.200", 443, "ssl", 60 * MB, 5_000, "SF"));
        List<Finding> findings = run(events);
        assertThat(findings).singleElement().satisfies(finding ->
                assertThat(finding.destination().ip().toString()).isEqualTo("198.51.100.200"));
    }
}
