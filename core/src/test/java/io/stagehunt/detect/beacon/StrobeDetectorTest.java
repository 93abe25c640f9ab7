package io.stagehunt.detect.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Severity;
import io.stagehunt.engine.DetectorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrobeDetectorTest {

    private static final String TARGET = "198.51.100.20";

    @Test
    void reportsAChannelBusierThanOnceASecondForADay() {
        Traffic host = new Traffic("10.2.0.5");
        for (double time : CheckInSchedules.clockwork(0, 0.9, 100_000)) {
            host.flow(time, TARGET, 443, 120);
        }

        List<Finding> findings = DetectorHarness.run(new StrobeDetector(), host.events());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.detectorId()).isEqualTo("strobe");
            assertThat(finding.destination().label()).isEqualTo("198.51.100.20:443");
            assertThat(finding.score()).isBetween(0.7, 0.9);
            assertThat(finding.severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.techniques()).containsExactly("T1071.001");
            assertThat(finding.reason()).startsWith("10.2.0.5 connected to 198.51.100.20 86,")
                    .contains("more often than once a second, in 22 of 22 hours.");
        });
    }

    @Test
    void aBusyChannelBelowTheThresholdIsNoStrobe() {
        Traffic host = new Traffic("10.2.0.6");
        for (double time : CheckInSchedules.clockwork(0, 1.5, 110_000)) {
            host.flow(time, TARGET, 8080, 80);
        }

        assertThat(DetectorHarness.run(new StrobeDetector(), host.events())).isEmpty();
    }

    /**
     * Just under once a second never makes 86,400 in a day: counted in whole hours, a day's window holds 24 of
     * them, not the 25 that the hour it starts in would add.
     */
    @Test
    void justUnderOnceASecondIsNoStrobeHoweverLong() {
        Traffic host = new Traffic("10.2.0.8");
        for (double time : CheckInSchedules.clockwork(0, 1 / 0.98, 100_000)) {
            host.flow(time, TARGET, 443, 120);
        }

        assertThat(DetectorHarness.run(new StrobeDetector(), host.events())).isEmpty();
    }

    @Test
    void reportsALastingStrobeOncePerReportingPeriod() {
        Traffic host = new Traffic("10.2.0.7");
        for (double time : CheckInSchedules.clockwork(0, 0.8, 400_000)) {
            host.flow(time, TARGET, 5222, 60);
        }

        List<Finding> findings = DetectorHarness.run(new StrobeDetector(), host.events());

        // 88.9 h of strobing: reported on crossing the threshold (19.2 h in), then a day and two days later
        assertThat(findings).hasSize(3).extracting(Finding::uid).doesNotHaveDuplicates();
        assertThat(findings).allSatisfy(finding -> assertThat(finding.techniques()).containsExactly("T1071"));
    }

    @Test
    void dnsLookupsThroughAResolverAreNotCounted() {
        Traffic host = new Traffic("10.2.0.8");
        for (double time : CheckInSchedules.clockwork(0, 0.5, 200_000)) {
            host.flow(time, "10.0.0.2", 53, 60, "SF", "dns", false);
        }

        assertThat(DetectorHarness.run(new StrobeDetector(), host.events())).isEmpty();
    }
}
