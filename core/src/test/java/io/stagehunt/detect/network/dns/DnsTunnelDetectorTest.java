package io.stagehunt.detect.network.dns;

import static io.stagehunt.detect.network.SyntheticTraffic.HOUR;
import static io.stagehunt.detect.network.SyntheticTraffic.MINUTE;
import static io.stagehunt.detect.network.SyntheticTraffic.SECOND;
import static io.stagehunt.detect.network.SyntheticTraffic.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Severity;
import io.stagehunt.detect.Signal;
import io.stagehunt.detect.network.SyntheticTraffic;
import io.stagehunt.engine.DetectorHarness;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Event;
import io.stagehunt.event.Transport;
import io.stagehunt.net.PublicSuffixList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DnsTunnelDetectorTest {

    private static final String VICTIM = "10.1.2.3";
    private static final String NEIGHBOUR = "10.1.2.4";

    /** A workstation browsing for an hour while a dnscat2-style TXT tunnel runs for ten minutes. */
    private static SyntheticTraffic tunnelAmidBrowsing(long seed) {
        return new SyntheticTraffic("tunnel", seed)
                .browsing(VICTIM, START, START + HOUR, 4)
                .txtTunnel(VICTIM, "updates-cdn.example", START + 10 * MINUTE, 600, SECOND);
    }

    @Test
    void reportsTheTunnelNamingHostAndDomain() {
        List<Finding> findings = DetectorHarness.run(new DnsTunnelDetector(), tunnelAmidBrowsing(1).events());

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.host().label()).isEqualTo(VICTIM);
        assertThat(finding.destination().domain()).isEqualTo("updates-cdn.example");
        assertThat(finding.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(finding.techniques()).containsExactly("T1071.004", "T1572");
        assertThat(finding.reason()).startsWith(VICTIM + " sent ").contains("updates-cdn.example");
        assertThat(finding.signals()).extracting(Signal::name).contains("unique_subdomains", "never_connected");
        assertThat(finding.score()).isEqualTo(Finding.scoreOf(finding.signals()));
        assertThat(finding.evidence()).isNotEmpty().hasSizeLessThanOrEqualTo(DomainTraffic.EVIDENCE);
    }

    /**
     * iodine's raw encoding fills the labels left of its domain with any byte, NULL queries carry the answers,
     * and Zeek logs every byte outside printable ASCII as an escape.
     */
    @Test
    void findsATunnelWhoseNamesHoldRawBytes() {
        SyntheticTraffic traffic = new SyntheticTraffic("raw", 12).browsing(VICTIM, START, START + HOUR, 4);
        Random random = traffic.random();
        for (int i = 0; i < 600; i++) {
            traffic.dns(START + 10 * MINUTE + i * SECOND, VICTIM, escapedBytes(random, 50) + ".t.tun-relay.example",
                    DnsNames.TYPE_NULL, 0, List.of(escapedBytes(random, 100)));
        }

        List<Finding> findings = DetectorHarness.run(new DnsTunnelDetector(), traffic.events());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.host().label()).isEqualTo(VICTIM);
            assertThat(finding.destination().domain()).isEqualTo("tun-relay.example");
            assertThat(finding.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
            assertThat(finding.signals()).filteredOn(signal -> signal.name().equals("subdomain_shape"))
                    .singleElement().satisfies(shape -> {
                        assertThat(shape.observed()).endsWith("600 holding bytes no host name holds");
                        assertThat(shape.contribution()).isEqualTo(TunnelScoring.SHAPE_WEIGHT);
                    });
            // 600 names of 50 raw bytes and 2 label characters, each escaped byte counted once
            assertThat(finding.reason()).contains("carrying 30.5 kB of unique subdomain text");
        });
    }

    /**
     * A tunnel answering its A queries with the site proxy's address, which the host contacts all day anyway,
     * gets no credit for answers used: only connections to outside addresses count.
     */
    @Test
    void answersPointingAtInternalServersDoNotCountAsUsed() {
        SyntheticTraffic traffic = new SyntheticTraffic("forged", 13).browsing(VICTIM, START, START + HOUR, 4);
        for (int i = 0; i < 600; i++) {
            long time = START + 10 * MINUTE + i * SECOND;
            traffic.lookupA(time, VICTIM, traffic.hex(30) + ".t.forged-answers.example", "10.0.0.3");
            if (i % 5 == 0) {
                traffic.connection(time + SECOND / 2, VICTIM, "10.0.0.3", 3128, Transport.TCP,
                        ConnectionOutcome.ESTABLISHED, SECOND, 900, 4000);
            }
        }

        List<Finding> findings = DetectorHarness.run(new DnsTunnelDetector(), traffic.events());

        assertThat(findings).filteredOn(finding -> finding.destination().domain().equals("forged-answers.example"))
                .singleElement().satisfies(finding -> assertThat(finding.signals()).extracting(Signal::name)
                        .contains("never_connected").doesNotContain("answers_used"));
    }

    private static String escapedBytes(Random random, int count) {
        StringBuilder text = new StringBuilder(count * 4);
        for (int i = 0; i < count; i++) {
            text.append(String.format(Locale.ROOT, "\\x%02x", 128 + random.nextInt(128)));
        }
        return text.toString();
    }

    @Test
    void staysQuietOnACdnWithManyHashedSubdomainsThatTheHostFetchesFrom() {
        SyntheticTraffic traffic = new SyntheticTraffic("cdn", 2)
                .browsing(NEIGHBOUR, START, START + HOUR, 4)
                .hashedCdn(NEIGHBOUR, "cdn-objects.example", START + 5 * MINUTE, 600, 3 * SECOND);

        assertThat(DetectorHarness.run(new DnsTunnelDetector(), traffic.events())).isEmpty();
    }

    @Test
    void tellsTheTunnelFromTheCdnWhenBothHostsShareTheLog() {
        SyntheticTraffic traffic = tunnelAmidBrowsing(3)
                .browsing(NEIGHBOUR, START, START + HOUR, 4)
                .hashedCdn(NEIGHBOUR, "cdn-objects.example", START + 5 * MINUTE, 600, 3 * SECOND);

        List<Finding> findings = DetectorHarness.run(new DnsTunnelDetector(), traffic.events());

        assertThat(findings).extracting(finding -> finding.host().label() + " " + finding.destination().domain())
                .containsExactly(VICTIM + " updates-cdn.example");
    }

    @Test
    void findsTheSameTunnelWhenRecordsArriveOutOfOrder() {
        SyntheticTraffic traffic = tunnelAmidBrowsing(4);
        List<Event> shuffled = traffic.eventsOutOfOrder(30 * SECOND);

        List<Finding> findings = DetectorHarness.run(new DnsTunnelDetector(), shuffled);

        assertThat(findings).extracting(finding -> finding.destination().domain())
                .containsExactly("updates-cdn.example");
    }

    @Test
    void reportsWhileTheTunnelRunsNotOnlyAtTheEndOfTheDay() {
        DetectorHarness<?, ?> harness = new DetectorHarness<>(new DnsTunnelDetector());
        tunnelAmidBrowsing(5).events().forEach(harness::accept);
        harness.advanceTo(START + HOUR + 15 * MINUTE);

        assertThat(harness.findings()).hasSize(1);
        assertThat(harness.findings().get(0).lastSeenMicros()).isLessThan(START + 25 * MINUTE);
    }

    @Test
    void leavesNoStateBehindAfterTheInputEnds() {
        DetectorHarness<?, ?> harness = new DetectorHarness<>(new DnsTunnelDetector());
        tunnelAmidBrowsing(6).events().forEach(harness::accept);
        assertThat(harness.liveKeys()).isEqualTo(1);

        harness.finish();

        assertThat(harness.liveKeys()).isZero();
    }

    @Test
    void dropsAQuietHostAfterTheIdleTimeWithoutWaitingForTheEnd() {
        DetectorHarness<?, ?> harness = new DetectorHarness<>(new DnsTunnelDetector());
        tunnelAmidBrowsing(7).events().forEach(harness::accept);

        harness.advanceTo(START + HOUR + DnsTunnelDetector.Settings.DEFAULTS.idleMicros() + SECOND);

        assertThat(harness.liveKeys()).isZero();
    }

    @Test
    void ignoresTrustedLookupServicesReverseLookupsAndOthersQueriesToAnInternalServer() {
        SyntheticTraffic traffic = new SyntheticTraffic("noise", 8);
        for (int i = 0; i < 400; i++) {
            long time = START + i * SECOND;
            traffic.lookupA(time, VICTIM, traffic.hex(40) + ".zen.spamhaus.org", "127.0.0.2");
            traffic.dns(time, VICTIM, (i % 250) + "." + (i / 250) + ".113.203.in-addr.arpa", 12, 0,
                    List.of("host" + i + ".example.net"));
        }

        assertThat(DetectorHarness.run(new DnsTunnelDetector(), traffic.events())).isEmpty();
    }

    /** A trusted entry may name a service below its registered domain, written as an allowlist writes it. */
    @Test
    void trustsServicesNamedBelowTheirRegisteredDomain() {
        DnsTunnelDetector.Settings trusting = new DnsTunnelDetector.Settings(24 * HOUR, 2 * HOUR, 10 * MINUTE, 10,
                List.of(100, 500, 800, 1000), 4096, 128, 1024, 512, 0.25, List.of("*.AVQS.McAfee.example."));
        SyntheticTraffic traffic = new SyntheticTraffic("trusted", 14)
                .txtTunnel(VICTIM, "avqs.mcafee.example", START, 600, SECOND)
                .txtTunnel(NEIGHBOUR, "updates.mcafee.example", START, 600, SECOND);

        List<Finding> findings = DetectorHarness.run(new DnsTunnelDetector(trusting, PublicSuffixList.bundled()),
                traffic.events());

        assertThat(findings).extracting(finding -> finding.host().label()).containsExactly(NEIGHBOUR);
    }

    /** A domain reported when a full table dropped it, then queried again, is not reported twice in a window. */
    @Test
    void aDomainDroppedAfterItsReportIsNotReportedAgainInTheWindow() {
        DnsTunnelDetector.Settings oneDomain = new DnsTunnelDetector.Settings(24 * HOUR, 2 * HOUR, 10 * MINUTE, 10,
                List.of(100, 500, 800, 1000), 4096, 1, 1024, 512, 0.25, List.of());
        SyntheticTraffic traffic = new SyntheticTraffic("evicted", 15)
                .txtTunnel(VICTIM, "updates-cdn.example", START, 300, SECOND)
                .lookupA(START + 6 * MINUTE, VICTIM, "www.news.example", "203.0.113.80")
                .txtTunnel(VICTIM, "updates-cdn.example", START + 7 * MINUTE, 300, SECOND);

        List<Finding> findings = DetectorHarness.run(new DnsTunnelDetector(oneDomain, PublicSuffixList.bundled()),
                traffic.events());

        assertThat(findings).extracting(finding -> finding.destination().domain())
                .containsExactly("updates-cdn.example");
    }

    @Test
    void boundsItsMemoryPerHostWhenAHostQueriesThousandsOfDomains() {
        DnsTunnelDetector.Settings small = new DnsTunnelDetector.Settings(24 * HOUR, 2 * HOUR, 10 * MINUTE, 10,
                List.of(100, 500, 800, 1000), 4096, 16, 64, 32, 0.25, List.of());
        SyntheticTraffic traffic = new SyntheticTraffic("many", 9)
                .txtTunnel(VICTIM, "updates-cdn.example", START, 2000, SECOND / 2);
        for (int i = 0; i < 3000; i++) {
            traffic.lookupA(START + i * 300_000L, VICTIM, "www.site" + i + ".example", "203.0.113.9");
        }

        List<Finding> findings = DetectorHarness.run(new DnsTunnelDetector(small, PublicSuffixList.bundled()),
                traffic.events());

        assertThat(findings).extracting(finding -> finding.destination().domain())
                .containsExactly("updates-cdn.example");
        assertThat(findings.get(0).signals().get(0).observed()).isEqualTo("at least 64 distinct subdomains");
    }
}
