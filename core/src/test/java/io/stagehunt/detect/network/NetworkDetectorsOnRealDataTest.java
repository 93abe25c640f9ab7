package io.stagehunt.detect.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Severity;
import io.stagehunt.detect.network.burst.BurstThenSustainedDetector;
import io.stagehunt.detect.network.dns.DnsSurgeDetector;
import io.stagehunt.detect.network.dns.DnsTunnelDetector;
import io.stagehunt.detect.network.fanout.FanoutDetector;
import io.stagehunt.testing.SharedData;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The four detectors of this package family on real public logs: quiet on benign traffic, and the DGA hunt of
 * the Simda capture found by {@code fanout}. Skips when the data is absent.
 */
class NetworkDetectorsOnRealDataTest {

    private static List<Detector<?, ?>> detectors() {
        return List.of(new DnsTunnelDetector(), new DnsSurgeDetector(), new FanoutDetector(),
                new BurstThenSustainedDetector());
    }

    @Test
    void benignPeriodicTrafficBehindAProxyProducesNothingAboveTheLowBand() {
        RealDataRun run = RealDataRun.of(detectors(), SharedData.path("zeek/rita-proxy-rolling"));

        assertThat(run.summary().events()).isGreaterThan(10_000);
        assertThat(run.findings()).allSatisfy(finding ->
                assertThat(finding.severity()).isIn(Severity.INFORMATIONAL, Severity.LOW));
        assertThat(run.summary().detectors()).allSatisfy(stats -> assertThat(stats.keysLeft()).isZero());
    }

    /**
     * A benign host over four days of the CTU-50 normal capture (attacks against it from outside are inbound
     * and not our concern). Measured: days 008, 010 and 011 produce no finding; day 012 produces two
     * {@code burst-then-sustained} findings of the medium band (Ubuntu's connectivity check retried until the
     * network came up, then polled every 5 minutes; a Slack websocket reconnecting), explained in
     * docs/detectors/burst-then-sustained.md. Nothing reaches the high band.
     */
    @ParameterizedTest(name = "{0}: at most {1} findings, none high")
    @CsvSource({
        "zeek/ctu/008-zeek-mixed, 0",
        "zeek/ctu/010-zeek-mixed, 0",
        "zeek/ctu/011-zeek-mixed, 0",
        "zeek/ctu/012-zeek-mixed, 2",
    })
    void aBenignWorkstationOverDaysStaysBelowTheHighBand(String dataset, int measured) {
        RealDataRun run = RealDataRun.of(detectors(), SharedData.path(dataset));

        assertThat(run.summary().events()).isGreaterThan(5_000);
        assertThat(run.findings()).hasSizeLessThanOrEqualTo(measured);
        assertThat(run.findings()).allSatisfy(finding ->
                assertThat(finding.severity()).isIn(Severity.INFORMATIONAL, Severity.LOW, Severity.MEDIUM));
        assertThat(run.summary().detectors()).allSatisfy(stats -> assertThat(stats.keysLeft()).isZero());
    }

    /** Simda looks up a fresh batch of generated names every few minutes: each batch is an episode. */
    @Test
    void fanoutFindsBothHostsHuntingThroughSimdaGeneratedDomains() {
        RealDataRun run = RealDataRun.of(detectors(), SharedData.path("zeek/ctu/005-zeek-scenario-malicious"));

        List<Finding> fanouts = run.findingsOf(FanoutDetector.ID);
        assertThat(fanouts).extracting(finding -> finding.host().label())
                .containsOnly("fd77:48a1:c0bb:0:b96c:506d:6c7f:e8be", "192.168.1.116")
                .contains("fd77:48a1:c0bb:0:b96c:506d:6c7f:e8be", "192.168.1.116");
        assertThat(fanouts).allSatisfy(finding -> assertThat(finding.reason()).contains("names cut to one pattern"));
    }
}
