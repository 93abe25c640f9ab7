package io.stagehunt.detect.network.burst;

import static io.stagehunt.detect.network.SyntheticTraffic.HOUR;
import static io.stagehunt.detect.network.SyntheticTraffic.MINUTE;
import static io.stagehunt.detect.network.SyntheticTraffic.SECOND;
import static io.stagehunt.detect.network.SyntheticTraffic.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.detect.network.SyntheticTraffic;
import io.stagehunt.engine.DetectorHarness;
import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Event;
import io.stagehunt.event.Transport;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BurstThenSustainedDetectorTest {

    private static final String VICTIM = "10.1.2.4";
    private static final String STAGER = "198.51.100.23";
    private static final String C2 = "198.51.100.77";

    /** An hour of browsing; then eight refused attempts to a stager, and a minute later a beacon to a new server. */
    private static SyntheticTraffic burstThenBeacon(long seed) {
        SyntheticTraffic traffic = new SyntheticTraffic("stage", seed).browsing(VICTIM, START, START + 2 * HOUR, 3);
        long burst = START + HOUR;
        for (int i = 0; i < 8; i++) {
            traffic.connection(burst + i * 4 * SECOND, VICTIM, STAGER, 8080, Transport.TCP,
                    i % 2 == 0 ? ConnectionOutcome.NO_REPLY : ConnectionOutcome.REJECTED, 0, 0, 0);
        }
        return traffic.beacon(VICTIM, C2, 8443, burst + 90 * SECOND, 20, MINUTE, 0.1);
    }

    @Test
    void reportsTheBurstAndTheBeaconThatFollowedIt() {
        List<Event> events = burstThenBeacon(1).events();
        List<Finding> findings = DetectorHarness.run(new BurstThenSustainedDetector(), events);

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.host().label()).isEqualTo(VICTIM);
        assertThat(finding.destination().ip()).hasToString(C2);
        assertThat(finding.destination().port()).isEqualTo(8443);
        assertThat(finding.techniques()).containsExactly("T1104");
        assertThat(finding.signals()).extracting(Signal::name).startsWith("burst", "sustained");
        assertThat(finding.signals().get(0).observed()).startsWith("8 attempts (8 failed");
        assertThat(finding.signals().get(1).observed()).contains("connections to " + C2 + ":8443 every ");
        assertThat(finding.evidence()).as("evidence holds the first attempt and the first check-in").contains(
                firstTo(events, STAGER).provenance(), firstTo(events, C2).provenance());
        assertThat(finding.firstSeenMicros()).isEqualTo(START + HOUR);
        assertThat(finding.reason()).contains("8 failed or cut-short connection attempts").contains("(new to this host)");
    }

    /**
     * A workstation whose blocked trackers make a burst of refused attempts every three hours, none of them
     * followed by anything sustained, always has a burst pending. A mail server it checks all day at irregular
     * times stays known to it: when the tenth hour's burst is followed by a long session with it, that session
     * is not "new to this host".
     */
    @Test
    void aDestinationUsedAllDayStaysKnownWhileBurstsKeepComing() {
        String tracker = "203.0.113.66";
        String mailServer = "198.51.100.50";
        SyntheticTraffic traffic = new SyntheticTraffic("busy", 9);
        Random random = traffic.random();
        for (long time = START; time < START + 10 * HOUR; time += (long) (-Math.log(1 - random.nextDouble()) * 10
                * MINUTE)) {
            traffic.connection(time, VICTIM, mailServer, 993, Transport.TCP, ConnectionOutcome.ESTABLISHED,
                    2 * SECOND, 2_000, 9_000);
        }
        for (long burst = START + 5 * MINUTE; burst < START + 11 * HOUR; burst += 3 * HOUR) {
            for (int i = 0; i < 8; i++) {
                traffic.connection(burst + i * 3 * SECOND, VICTIM, tracker, 443, Transport.TCP,
                        ConnectionOutcome.REJECTED, 0, 0, 0);
            }
        }
        traffic.connection(START + 9 * HOUR + 7 * MINUTE, VICTIM, mailServer, 993, Transport.TCP,
                ConnectionOutcome.ESTABLISHED, 40 * MINUTE, 20_000, 90_000);
        // every sequence reported, however low it scores: what is checked is what the sentence claims
        BurstThenSustainedDetector.Settings defaults = BurstThenSustainedDetector.Settings.DEFAULTS;
        BurstThenSustainedDetector.Settings everything = new BurstThenSustainedDetector.Settings(
                defaults.burstWindowMicros(), defaults.minBurstAttempts(), defaults.maxBurstAttempts(),
                defaults.maxBurstTargets(), defaults.shortConnectionMicros(), defaults.followMicros(),
                defaults.confirmMicros(), defaults.minRepeats(), defaults.minIntervalMicros(),
                defaults.maxIntervalCv(), defaults.longConnectionMicros(), defaults.maxCandidates(),
                defaults.maxPendingBursts(), defaults.memoryMicros(), 0, defaults.ignoredPorts(),
                defaults.popularNetworks());

        List<Finding> findings = DetectorHarness.run(new BurstThenSustainedDetector(everything), traffic.events());

        assertThat(findings).isNotEmpty().allSatisfy(finding -> {
            assertThat(finding.destination().ip()).hasToString(mailServer);
            assertThat(finding.reason()).contains("40-minute connection").doesNotContain("new to this host");
        });
    }

    /** The host's own TLS handshake names the server: the finding does too, so allowlists can match it. */
    @Test
    void namesTheSustainedDestinationAsTheHostsTlsSessionsDid() {
        SyntheticTraffic traffic = burstThenBeacon(2)
                .tls(START + HOUR + 91 * SECOND, VICTIM, C2, 8443, "sync.cdn-relay.example")
                .tls(START + HOUR + 92 * SECOND, "10.1.2.99", C2, 8443, "other-host.example");

        List<Finding> findings = DetectorHarness.run(new BurstThenSustainedDetector(), traffic.events());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.destination().domain()).isEqualTo("sync.cdn-relay.example");
            assertThat(finding.destination().ip()).hasToString(C2);
            assertThat(finding.reason()).contains("sync.cdn-relay.example:8443 (" + C2 + ")");
        });
    }

    private static Connection firstTo(List<Event> events, String address) {
        return events.stream().filter(Connection.class::isInstance)
                .map(Connection.class::cast)
                .filter(connection -> connection.responder().toString().equals(address)).findFirst().orElseThrow();
    }

    @Test
    void aPortScanFollowedByTheSameBeaconIsNotABurstButAScan() {
        SyntheticTraffic traffic = new SyntheticTraffic("scan", 2).browsing(VICTIM, START, START + 2 * HOUR, 3);
        long scan = START + HOUR;
        for (int port = 1; port <= 500; port++) {
            traffic.connection(scan + port * 20_000L, VICTIM, STAGER, port, Transport.TCP, ConnectionOutcome.REJECTED,
                    0, 0, 0);
        }
        traffic.beacon(VICTIM, C2, 8443, scan + 90 * SECOND, 20, MINUTE, 0.1);

        assertThat(DetectorHarness.run(new BurstThenSustainedDetector(), traffic.events())).isEmpty();
    }

    @Test
    void neitherPhaseAloneIsReported() {
        SyntheticTraffic burstOnly = new SyntheticTraffic("burst", 3).browsing(VICTIM, START, START + 2 * HOUR, 3);
        for (int i = 0; i < 8; i++) {
            burstOnly.failedAttempt(START + HOUR + i * 4 * SECOND, VICTIM, STAGER, 8080);
        }
        SyntheticTraffic beaconOnly = new SyntheticTraffic("beacon", 3).browsing(VICTIM, START, START + 2 * HOUR, 3)
                .beacon(VICTIM, C2, 8443, START + HOUR, 20, MINUTE, 0.1);

        assertThat(DetectorHarness.run(new BurstThenSustainedDetector(), burstOnly.events())).isEmpty();
        assertThat(DetectorHarness.run(new BurstThenSustainedDetector(), beaconOnly.events())).isEmpty();
    }

    @Test
    void aBeaconStartingLongAfterTheBurstIsNotItsSequel() {
        SyntheticTraffic traffic = new SyntheticTraffic("late", 4).browsing(VICTIM, START, START + 3 * HOUR, 3);
        for (int i = 0; i < 8; i++) {
            traffic.failedAttempt(START + HOUR + i * 4 * SECOND, VICTIM, STAGER, 8080);
        }
        traffic.beacon(VICTIM, C2, 8443, START + HOUR + 30 * MINUTE, 20, MINUTE, 0.1);

        assertThat(DetectorHarness.run(new BurstThenSustainedDetector(), traffic.events())).isEmpty();
    }

    @Test
    void pairsALongConnectionThatIsLoggedOnlyWhenItEnds() {
        SyntheticTraffic traffic = new SyntheticTraffic("shell", 5).browsing(VICTIM, START, START + 3 * HOUR, 3);
        for (int i = 0; i < 8; i++) {
            traffic.failedAttempt(START + HOUR + i * 4 * SECOND, VICTIM, C2, 4444);
        }
        List<Event> events = traffic.events();
        DetectorHarness<?, ?> harness = new DetectorHarness<>(new BurstThenSustainedDetector());
        events.stream().filter(event -> event.timeMicros() < START + HOUR + 100 * MINUTE).forEach(harness::accept);
        SyntheticTraffic shell = new SyntheticTraffic("shell-end", 6).connection(START + HOUR + 2 * MINUTE, VICTIM, C2,
                4444, Transport.TCP, ConnectionOutcome.ESTABLISHED, 95 * MINUTE, 80_000, 2_000_000);
        shell.events().forEach(harness::accept);
        harness.finish();

        assertThat(harness.findings()).hasSize(1);
        assertThat(harness.findings().get(0).signals().get(1).observed()).contains("lasting 95.0 min");
        assertThat(harness.findings().get(0).reason()).contains("the destination it had been retrying");
        // the finding lasts until the shell's connection ended, not only until it began
        assertThat(harness.findings().get(0).lastSeenMicros()).isEqualTo(START + HOUR + 97 * MINUTE);
    }

    @Test
    void findsTheSameSequenceWhenRecordsArriveOutOfOrder() {
        List<Finding> findings = DetectorHarness.run(new BurstThenSustainedDetector(),
                burstThenBeacon(7).eventsOutOfOrder(15 * SECOND));

        assertThat(findings).extracting(finding -> finding.destination().ip().toString()).containsExactly(C2);
    }

    @Test
    void leavesNoStateBehindAfterTheInputEnds() {
        DetectorHarness<?, ?> harness = new DetectorHarness<>(new BurstThenSustainedDetector());
        burstThenBeacon(8).events().forEach(harness::accept);
        assertThat(harness.liveKeys()).isEqualTo(1);

        harness.finish();

        assertThat(harness.liveKeys()).isZero();
    }
}
