package io.stagehunt.detect.network.dns;

import static io.stagehunt.detect.network.SyntheticTraffic.HOUR;
import static io.stagehunt.detect.network.SyntheticTraffic.MINUTE;
import static io.stagehunt.detect.network.SyntheticTraffic.SECOND;
import static io.stagehunt.detect.network.SyntheticTraffic.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Severity;
import io.stagehunt.detect.network.SyntheticTraffic;
import io.stagehunt.engine.DetectorHarness;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Transport;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsSurgeDetectorTest {

    private static final String STEADY = "10.1.2.3";
    private static final String INFECTED = "10.1.2.4";

    /** Two workstations browsing steadily for three hours; at 11:00 one starts hunting through generated names. */
    private static SyntheticTraffic steadyHostsThenASurge(long seed) {
        return new SyntheticTraffic("surge", seed)
                .browsing(STEADY, START, START + 3 * HOUR, 8)
                .browsing(INFECTED, START, START + 3 * HOUR, 8)
                .generatedLookups(INFECTED, START + 2 * HOUR + 30 * SECOND, 300, SECOND / 2, 0.8);
    }

    @Test
    void reportsTheSurgingHostAndNotTheSteadyOne() {
        List<Finding> findings = DetectorHarness.run(new DnsSurgeDetector(), steadyHostsThenASurge(1).events());

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.host().label()).isEqualTo(INFECTED);
        assertThat(finding.severity()).isIn(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL);
        assertThat(finding.firstSeenMicros()).isEqualTo(START + 2 * HOUR);
        assertThat(finding.reason()).startsWith(INFECTED + " made ").contains("NXDOMAIN");
        assertThat(finding.signals().get(0).baseline()).contains("median");
        assertThat(finding.evidence()).isNotEmpty();
    }

    @Test
    void findsTheSameSurgeWhenRecordsArriveOutOfOrder() {
        List<Finding> findings = DetectorHarness.run(new DnsSurgeDetector(),
                steadyHostsThenASurge(2).eventsOutOfOrder(20 * SECOND));

        assertThat(findings).extracting(finding -> finding.host().label()).containsExactly(INFECTED);
    }

    @Test
    void neverFiresOnAHostsFirstWindowHoweverBusy() {
        SyntheticTraffic traffic = new SyntheticTraffic("first", 3)
                .generatedLookups(INFECTED, START, 2000, 100_000L, 0.9);

        assertThat(DetectorHarness.run(new DnsSurgeDetector(), traffic.events())).isEmpty();
    }

    @Test
    void aMerelyBusierHourIsALowFindingAtMost() {
        SyntheticTraffic traffic = new SyntheticTraffic("busier", 4)
                .browsing(STEADY, START, START + 2 * HOUR, 6)
                .browsing(STEADY, START + 2 * HOUR, START + 2 * HOUR + 10 * MINUTE, 120);

        List<Finding> findings = DetectorHarness.run(new DnsSurgeDetector(), traffic.events());

        assertThat(findings).isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.LOW));
    }

    @Test
    void aResolverThatServesOtherHostsIsNotReportedForTheirDemand() {
        SyntheticTraffic alone = resolverLookups(5);
        SyntheticTraffic serving = resolverLookups(5);
        for (long time = START; time < START + 3 * HOUR; time += MINUTE) {
            serving.connection(time, STEADY, "10.0.0.53", 53, Transport.UDP, ConnectionOutcome.ESTABLISHED,
                    10_000, 40, 120);
            serving.connection(time + SECOND, INFECTED, "10.0.0.53", 53, Transport.UDP,
                    ConnectionOutcome.ESTABLISHED, 10_000, 40, 120);
        }

        assertThat(DetectorHarness.run(new DnsSurgeDetector(), alone.events())).hasSize(1);
        assertThat(DetectorHarness.run(new DnsSurgeDetector(), serving.events())).isEmpty();
    }

    /** A scanner sweeping the host's proxy and resolver ports, refused or unanswered, makes it no forwarder. */
    @Test
    void aScannersProbesMakeNoForwarder() {
        SyntheticTraffic scanned = resolverLookups(8);
        for (int port : new int[] {53, 3128, 8080, 8888}) {
            scanned.connection(START + HOUR + port, "10.9.9.9", "10.0.0.53", port, Transport.TCP,
                    ConnectionOutcome.REJECTED, 0, 0, 0);
            scanned.connection(START + HOUR + port + SECOND, "10.9.9.10", "10.0.0.53", port, Transport.TCP,
                    ConnectionOutcome.NO_REPLY, 0, 0, 0);
        }

        assertThat(DetectorHarness.run(new DnsSurgeDetector(), scanned.events())).singleElement()
                .satisfies(finding -> assertThat(finding.reason()).doesNotContain("for other hosts"));
    }

    private static SyntheticTraffic resolverLookups(long seed) {
        return new SyntheticTraffic("resolver", seed)
                .browsing("10.0.0.53", START, START + 2 * HOUR, 6)
                .browsing("10.0.0.53", START + 2 * HOUR, START + 2 * HOUR + 5 * MINUTE, 200);
    }

    @Test
    void leavesNoStateBehindAfterTheInputEnds() {
        DetectorHarness<?, ?> harness = new DetectorHarness<>(new DnsSurgeDetector());
        steadyHostsThenASurge(6).events().forEach(harness::accept);
        assertThat(harness.liveKeys()).isEqualTo(2);

        harness.finish();

        assertThat(harness.liveKeys()).isZero();
    }

    @Test
    void forgetsAHostAfterAFullHistoryOfQuietWindows() {
        DetectorHarness<?, ?> harness = new DetectorHarness<>(new DnsSurgeDetector());
        steadyHostsThenASurge(7).events().forEach(harness::accept);
        DnsSurgeDetector.Settings settings = DnsSurgeDetector.Settings.DEFAULTS;

        harness.advanceTo(START + 3 * HOUR + (settings.historyWindows() + 2) * settings.windowMicros());

        assertThat(harness.liveKeys()).isZero();
    }
}
