package io.stagehunt.detect.network.fanout;

import static io.stagehunt.detect.network.SyntheticTraffic.HOUR;
import static io.stagehunt.detect.network.SyntheticTraffic.MINUTE;
import static io.stagehunt.detect.network.SyntheticTraffic.SECOND;
import static io.stagehunt.detect.network.SyntheticTraffic.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Severity;
import io.stagehunt.detect.network.SyntheticTraffic;
import io.stagehunt.engine.DetectorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FanoutDetectorTest {

    private static final String VICTIM = "10.1.2.4";
    private static final String NEIGHBOUR = "10.1.2.3";

    /** Both hosts browse for two hours; at 10:30 the victim looks up 80 generated names within 40 s. */
    private static SyntheticTraffic huntAmidBrowsing(long seed) {
        return new SyntheticTraffic("fanout", seed)
                .browsing(NEIGHBOUR, START, START + 2 * HOUR, 6)
                .browsing(VICTIM, START, START + 2 * HOUR, 6)
                .generatedLookups(VICTIM, START + 90 * MINUTE, 80, SECOND / 2, 0.75);
    }

    @Test
    void reportsTheHostHuntingThroughGeneratedNames() {
        List<Finding> findings = DetectorHarness.run(new FanoutDetector(), huntAmidBrowsing(1).events());

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.host().label()).isEqualTo(VICTIM);
        assertThat(finding.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(finding.techniques()).containsExactly("T1104", "T1568");
        assertThat(finding.firstSeenMicros()).isBetween(START + 89 * MINUTE, START + 91 * MINUTE);
        assertThat(finding.reason()).startsWith(VICTIM + " contacted ").contains(".com");
        assertThat(finding.evidence()).hasSize(FanoutHostState.EVIDENCE);
    }

    @Test
    void staysQuietWhileHostsBrowseEvenWhenAPageFansOutToManySites() {
        SyntheticTraffic traffic = new SyntheticTraffic("browsing", 2)
                .browsing(NEIGHBOUR, START, START + 2 * HOUR, 6);
        for (int i = 0; i < 40; i++) {
            String name = "cdn" + i + ".publisher" + (i % 13) + (i % 2 == 0 ? ".com" : ".net");
            traffic.lookupA(START + HOUR + i * 500_000L, NEIGHBOUR, name, SyntheticTraffic.publicAddress(i));
        }

        assertThat(DetectorHarness.run(new FanoutDetector(), traffic.events())).isEmpty();
    }

    @Test
    void popularDestinationsDoNotCount() {
        SyntheticTraffic traffic = new SyntheticTraffic("popular", 3);
        String[] popular = {"microsoft.com", "google.com", "akamaiedge.net", "cloudfront.net", "apple.com"};
        for (int i = 0; i < 200; i++) {
            traffic.lookupA(START + i * 200_000L, VICTIM, "x" + i + "." + popular[i % popular.length]);
        }

        assertThat(DetectorHarness.run(new FanoutDetector(), traffic.events())).isEmpty();
    }

    @Test
    void internalScanningIsLeftToOtherDetectors() {
        SyntheticTraffic traffic = new SyntheticTraffic("scan", 4);
        for (int i = 0; i < 250; i++) {
            traffic.failedAttempt(START + i * 100_000L, VICTIM, "10.1.3." + (i + 1), 445);
        }

        assertThat(DetectorHarness.run(new FanoutDetector(), traffic.events())).isEmpty();
    }

    @Test
    void anExternalSweepIsScanningNotStaging() {
        SyntheticTraffic traffic = new SyntheticTraffic("sweep", 5)
                .browsing(VICTIM, START, START + HOUR, 6);
        for (int i = 0; i < 200; i++) {
            traffic.failedAttempt(START + 40 * MINUTE + i * 100_000L, VICTIM, "198.51.100." + (i + 1), 22);
        }

        assertThat(DetectorHarness.run(new FanoutDetector(), traffic.events())).isEmpty();
    }

    @Test
    void aHardCodedListOfAddressesTriedWithoutLookupsIsReported() {
        SyntheticTraffic traffic = new SyntheticTraffic("list", 6)
                .browsing(VICTIM, START, START + HOUR, 6);
        for (int i = 0; i < 30; i++) {
            String address = (20 + i * 7) + "." + (i * 13 % 250) + ".7." + (i + 1);
            traffic.failedAttempt(START + 40 * MINUTE + i * SECOND, VICTIM, address, 8443);
        }

        List<Finding> findings = DetectorHarness.run(new FanoutDetector(), traffic.events());

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).techniques()).containsExactly("T1104");
        assertThat(findings.get(0).reason()).contains("reached without any lookup");
    }

    @Test
    void findsTheSameHuntWhenRecordsArriveOutOfOrder() {
        List<Finding> findings = DetectorHarness.run(new FanoutDetector(),
                huntAmidBrowsing(7).eventsOutOfOrder(10 * SECOND));

        assertThat(findings).extracting(finding -> finding.host().label()).containsExactly(VICTIM);
    }

    /** Two new sites a minute for {@code minutes} minutes: a host's ordinary pace. */
    private static void quietMinutes(SyntheticTraffic traffic, long from, int minutes) {
        for (int minute = 0; minute < minutes; minute++) {
            for (int site = 0; site < 2; site++) {
                long time = from + minute * MINUTE + (10 + 20 * site) * SECOND;
                traffic.lookupA(time, VICTIM, "www.shop" + (time / SECOND % 100_000) + ".example", "203.0.113."
                        + (minute % 200 + 1));
            }
        }
    }

    /** Thirty failing lookups of new domains a minute for nine minutes. */
    private static void huntForNineMinutes(SyntheticTraffic traffic, long from, String label) {
        for (int i = 0; i < 270; i++) {
            traffic.lookupA(from + i * 2 * SECOND, VICTIM, label + i + "stage.com");
        }
    }

    private static String countBaseline(Finding finding) {
        return finding.signals().stream().filter(signal -> signal.name().equals("new_destinations"))
                .findFirst().orElseThrow().baseline();
    }

    @ParameterizedTest(name = "{0} quiet minutes")
    @CsvSource(delimiter = '|', value = {
            "5 | no baseline yet (5 active windows): weighed half",
            "10 | usually at most 5 per window (median 2, MAD 0.0 over 10 active windows)"})
    void anEpisodeIsJudgedAgainstTheWindowsBeforeItNotItsOwn(int quiet, String baseline) {
        SyntheticTraffic traffic = new SyntheticTraffic("baseline", 9);
        quietMinutes(traffic, START, quiet);
        huntForNineMinutes(traffic, START + quiet * MINUTE, "hunt");

        List<Finding> findings = DetectorHarness.run(new FanoutDetector(), traffic.events());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(countBaseline(finding)).isEqualTo(baseline);
            assertThat(finding.signals().get(0).contribution()).isPositive();
        });
    }

    @Test
    void anEpisodeIsComparedWithTheWindowsBeforeItAndLaterEpisodesWithItToo() {
        SyntheticTraffic traffic = new SyntheticTraffic("baseline", 9);
        quietMinutes(traffic, START, 10);
        huntForNineMinutes(traffic, START + 10 * MINUTE, "first");
        quietMinutes(traffic, START + 20 * MINUTE, 10);
        huntForNineMinutes(traffic, START + 30 * MINUTE, "second");

        List<Finding> findings = DetectorHarness.run(new FanoutDetector(), traffic.events());

        assertThat(findings).hasSize(2);
        assertThat(countBaseline(findings.get(0)))
                .isEqualTo("usually at most 5 per window (median 2, MAD 0.0 over 10 active windows)");
        // the first episode's nine windows are in the second one's baseline, which still sees an outlier
        assertThat(countBaseline(findings.get(1)))
                .isEqualTo("usually at most 5 per window (median 2, MAD 0.0 over 29 active windows)");
        assertThat(findings).allSatisfy(finding -> assertThat(finding.signals().get(0).contribution()).isPositive());
    }

    /** A hunt outlasting the longest episode is told in two findings that share no contact. */
    @Test
    void anEpisodeCutAtItsMaximumLengthIsNotRepeatedByTheNext() {
        SyntheticTraffic traffic = new SyntheticTraffic("long hunt", 10);
        quietMinutes(traffic, START, 10);
        for (int i = 0; i < 450; i++) {
            traffic.lookupA(START + 10 * MINUTE + i * 2 * SECOND, VICTIM, "long" + i + "stage.com");
        }

        List<Finding> findings = DetectorHarness.run(new FanoutDetector(), traffic.events());

        assertThat(findings).hasSize(2);
        assertThat(findings.get(1).firstSeenMicros()).isGreaterThan(findings.get(0).lastSeenMicros());
        int told = 0;
        for (Finding finding : findings) {
            String observed = finding.signals().get(0).observed();
            told += Integer.parseInt(observed.substring(observed.indexOf("; ") + 2, observed.indexOf(" in the")));
        }
        assertThat(told).isEqualTo(450);
    }

    @Test
    void leavesNoStateBehindAfterTheInputEnds() {
        DetectorHarness<?, ?> harness = new DetectorHarness<>(new FanoutDetector());
        huntAmidBrowsing(8).events().forEach(harness::accept);
        assertThat(harness.liveKeys()).isEqualTo(2);

        harness.finish();

        assertThat(harness.liveKeys()).isZero();
        assertThat(harness.findings()).hasSize(1);
    }
}
