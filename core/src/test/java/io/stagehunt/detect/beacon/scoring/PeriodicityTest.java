package io.stagehunt.detect.beacon.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stagehunt.detect.beacon.CheckInSchedules;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PeriodicityTest {

    private static final Periodicity.Settings SETTINGS = Periodicity.Settings.DEFAULTS;

    static Stream<Arguments> beacons() {
        return Stream.of(
                Arguments.of("clockwork every 60 s", CheckInSchedules.clockwork(0, 60, 200), 60.0, 0.99),
                Arguments.of("jittered ±20 % around 60 s", CheckInSchedules.jittered(0, 60, 0.2, 300, 1), 60.0,
                        0.9),
                Arguments.of("jittered ±20 % around 1 h for a day", CheckInSchedules.jittered(0, 3600, 0.2, 24, 2),
                        3600.0, 0.8),
                Arguments.of("30 % of check-ins dropped", CheckInSchedules.dropped(0, 300, 0.1, 200, 0.3, 3), 300.0,
                        0.9),
                Arguments.of("asleep outside office hours",
                        CheckInSchedules.officeHours(0, 120, 0.15, 9, 3, 4), 120.0, 0.9),
                Arguments.of("short-lived first stage: 30 check-ins every 10 s",
                        CheckInSchedules.jittered(0, 10, 0.05, 30, 5), 10.0, 0.95),
                Arguments.of("two-second test beacon", CheckInSchedules.jittered(0, 2, 0.02, 150, 6), 2.0, 0.99),
                Arguments.of("intervals drawn between 2 and 3.6 s",
                        CheckInSchedules.jittered(0, 2.8, 0.28, 150, 7), 2.8, 0.5),
                Arguments.of("jittered ±80 %: no sharp period, but bounded intervals",
                        CheckInSchedules.jittered(0, 8, 0.8, 120, 8), 8.0, 0.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("beacons")
    void findsThePeriodOfBeacons(String scenario, double[] times, double period, double minStrength) {
        Periodicity.Estimate estimate = Periodicity.estimate(times, SETTINGS);

        assertThat(estimate.found()).as(scenario).isTrue();
        assertThat(estimate.periodSeconds()).as(scenario).isCloseTo(period, within(period * 0.1));
        assertThat(estimate.strength()).as(scenario).isGreaterThanOrEqualTo(minStrength);
    }

    static Stream<Arguments> nonBeacons() {
        return Stream.of(
                Arguments.of("random arrivals every 60 s on average", CheckInSchedules.poisson(0, 60, 300, 11)),
                Arguments.of("random arrivals every 10 min on average", CheckInSchedules.poisson(0, 600, 100, 12)),
                Arguments.of("random arrivals, few", CheckInSchedules.poisson(0, 300, 12, 13)),
                Arguments.of("a person browsing for a working day", CheckInSchedules.browsing(0, 8, 14)),
                Arguments.of("another person browsing", CheckInSchedules.browsing(0, 8, 15)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonBeacons")
    void findsLittlePeriodicityInRandomOrHumanTraffic(String scenario, double[] times) {
        Periodicity.Estimate estimate = Periodicity.estimate(times, SETTINGS);

        assertThat(estimate.strength()).as(scenario).isLessThan(0.25);
    }

    @Test
    void reportsJitterAsHalfTheCentralSpread() {
        Periodicity.Estimate tight = Periodicity.estimate(CheckInSchedules.jittered(0, 60, 0.04, 400, 21), SETTINGS);
        Periodicity.Estimate loose = Periodicity.estimate(CheckInSchedules.jittered(0, 60, 0.2, 400, 22), SETTINGS);

        // uniform ±j jitter has its 10th and 90th percentiles at ±0.8 j
        assertThat(tight.jitter()).isCloseTo(0.032, within(0.01));
        assertThat(loose.jitter()).isCloseTo(0.16, within(0.03));
    }

    @Test
    void prefersTheFundamentalOverItsHarmonics() {
        Periodicity.Estimate estimate = Periodicity.estimate(CheckInSchedules.clockwork(0, 45, 100), SETTINGS);

        assertThat(estimate.periodSeconds()).isEqualTo(45.0, within(1e-9));
        assertThat(estimate.singlePeriod()).isEqualTo(99);
        assertThat(estimate.jitter()).isEqualTo(0.0, within(1e-12));
    }

    @Test
    void needsAtLeastThreeIntervals() {
        assertThat(Periodicity.estimate(new double[] {0, 60, 120}, SETTINGS).found()).isFalse();
        assertThat(Periodicity.estimate(new double[] {0, 60, 120, 180}, SETTINGS).found()).isTrue();
    }

    @Test
    void ignoresPeriodsShorterThanTheMinimum() {
        Periodicity.Estimate estimate =
                Periodicity.estimate(CheckInSchedules.clockwork(0, 1.2, 200), SETTINGS);

        assertThat(estimate.found()).isFalse();
    }

    @Test
    void judgesNothingFromABurstBrieferThanAMinute() {
        Periodicity.Estimate burst = Periodicity.estimate(CheckInSchedules.clockwork(0, 4.5, 12), SETTINGS);
        Periodicity.Estimate minute = Periodicity.estimate(CheckInSchedules.clockwork(0, 4.5, 15), SETTINGS);

        assertThat(burst.found()).isFalse();
        assertThat(minute.found()).isTrue();
    }

    @Test
    void significanceGrowsWithOnScheduleIntervals() {
        double few = Periodicity.estimate(CheckInSchedules.clockwork(0, 60, 4), SETTINGS).significance();
        double many = Periodicity.estimate(CheckInSchedules.clockwork(0, 60, 40), SETTINGS).significance();

        assertThat(few).isCloseTo(1 - Math.exp(-3 / 8.0), within(1e-9));
        assertThat(many).isGreaterThan(0.99);
    }
}
