package io.stagehunt.detect.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stagehunt.detect.Finding;
import io.stagehunt.engine.DetectorHarness;
import io.stagehunt.event.Connection;
import io.stagehunt.event.Event;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LongConnectionDetectorTest {

    private static final String SERVER = "192.0.2.44";

    @ParameterizedTest(name = "{0} h")
    @CsvSource({"2.5, 0.3", "6, 0.5", "8, 0.6", "13, 0.8"})
    void gradesCumulativeDurationInRitaBands(double hours, double score) {
        Traffic host = new Traffic("10.3.0.5");
        host.longFlow(0, SERVER, 443, hours * 3600, false);

        List<Finding> findings = DetectorHarness.run(new LongConnectionDetector(), host.events());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.detectorId()).isEqualTo("long-connection");
            assertThat(finding.score()).isEqualTo(score, within(1e-9));
            assertThat(finding.techniques()).containsExactly("T1573", "T1071");
            assertThat(finding.reason()).startsWith("10.3.0.5 stayed connected to 192.0.2.44 for ");
        });
    }

    @Test
    void lessThanAnHourIsNotReported() {
        Traffic host = new Traffic("10.3.0.6");
        host.longFlow(0, SERVER, 443, 3000, false);

        assertThat(DetectorHarness.run(new LongConnectionDetector(), host.events())).isEmpty();
    }

    @Test
    void anOpenConnectionCountsAndItsClosingRecordReplacesIt() {
        Traffic host = new Traffic("10.3.0.7");
        host.record(0, "Copen1", SERVER, 22, "ssh", 3 * 3600, true);
        host.record(0, "Copen1", SERVER, 22, "ssh", 5 * 3600, false);

        List<Finding> findings = DetectorHarness.run(new LongConnectionDetector(), host.events());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.score()).isEqualTo(0.45, within(1e-9));
            assertThat(finding.reason()).contains("for 5 h in one connection.");
            assertThat(finding.techniques()).containsExactly("T1071");
        });
    }

    @Test
    void aStillOpenConnectionIsReportedAsOpen() {
        Traffic host = new Traffic("10.3.0.8");
        host.record(0, "Copen2", SERVER, 4444, null, 2 * 3600, true);

        List<Finding> findings = DetectorHarness.run(new LongConnectionDetector(), host.events());

        assertThat(findings).singleElement().satisfies(finding ->
                assertThat(finding.reason()).endsWith("for 2 h in one connection, one still open."));
    }

    @Test
    void manyShortConnectionsAddUpAndAreReportedAgainWhenTheyReachAHigherBand() {
        Traffic host = new Traffic("10.3.0.9");
        for (int i = 0; i < 1200; i++) {
            host.record(i * 60.0, "Cs" + i, SERVER, 8443, "ssl", 10, false);
        }

        List<Finding> findings = DetectorHarness.run(new LongConnectionDetector(), host.events());

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).score()).isEqualTo(0.2, within(1e-9));
        assertThat(findings.get(0).reason()).contains("for 60 min in 360 connections (the longest 10 s)");
        assertThat(findings.get(1).score()).isEqualTo(0.2 + 0.2 * 8400 / 10800, within(1e-9));
        assertThat(findings.get(1).reason()).contains("for 3.3 h in 1,200 connections");
    }

    /**
     * A channel older than the window: its total is the window's, and the sentence says its connection count and
     * longest connection go back further, instead of setting a lifetime's figures beside a day's total.
     */
    @Test
    void aChannelOlderThanTheWindowSaysSinceWhenItsCountsRun() {
        Traffic host = new Traffic("10.3.0.12");
        host.longFlow(0, "198.51.100.30", 443, 10 * 3600, false);
        for (double time = 600; time < 3 * 86_400; time += 600) {
            host.longFlow(time, "198.51.100.30", 443, 120, false);
        }

        List<Finding> findings = DetectorHarness.run(new LongConnectionDetector(), host.events());

        // reported when the 10 h flow came, then once a day: the later days no longer hold the 10 h flow
        assertThat(findings).hasSize(3);
        assertThat(findings.get(0).reason()).isEqualTo(
                "10.3.0.12 stayed connected to 198.51.100.30 for 10 h in one connection.");
        assertThat(findings.get(2).reason())
                .containsPattern(" for 4\\.\\d h in its last 24 h \\(2\\d\\d connections since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ,"
                        + " the longest 10 h\\)\\.");
    }

    /**
     * Sensors log a flow when it ends: the record of a nine-hour tunnel comes nine hours after its CONNECT, while
     * the host's other traffic has moved event time on. It still finds the target its request named.
     */
    @Test
    void aSessionLoggedHoursLaterStillFindsItsName() {
        Traffic host = new Traffic("10.3.0.11");
        host.tunnel(0, "10.0.0.3", 3128, "vpn.example.org", 9 * 3600);
        for (double time = 60; time < 9 * 3600; time += 600) {
            host.flow(time, "10.0.0.3", 3128, 900);
        }
        List<Event> events = host.events();
        Event flowRecord = events.stream().filter(event -> event instanceof Connection connection
                && connection.durationMicros() > 3600_000_000L).findFirst().orElseThrow();
        DetectorHarness<PairKey, ?> harness = new DetectorHarness<>(new LongConnectionDetector());
        events.stream().filter(event -> event != flowRecord).forEach(harness::accept);
        harness.advanceTo(Traffic.micros(9 * 3600));
        harness.accept(flowRecord);
        harness.finish();

        assertThat(harness.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.destination().domain()).isEqualTo("vpn.example.org");
            assertThat(finding.reason()).contains("vpn.example.org through proxy 10.0.0.3:3128 for 9 h");
        });
    }

    @Test
    void reportsATunnelAgainstItsTargetNotTheProxy() {
        Traffic host = new Traffic("10.3.0.10");
        host.tunnel(0, "10.0.0.3", 3128, "vpn.example.org", 9 * 3600);

        List<Finding> findings = DetectorHarness.run(new LongConnectionDetector(), host.events());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.destination().domain()).isEqualTo("vpn.example.org");
            assertThat(finding.destination().port()).isEqualTo(443);
            assertThat(finding.reason()).contains("vpn.example.org through proxy 10.0.0.3:3128 for 9 h");
        });
    }
}
