package io.stagehunt.detect.beacon.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stagehunt.detect.beacon.CheckInSchedules;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BeaconScoringTest {

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("perfect beacon, constant size", CheckInSchedules.clockwork(0, 60, 300),
                        constant(300, 680), 0.99, 1.0),
                Arguments.of("jittered ±20 %, constant size", CheckInSchedules.jittered(0, 60, 0.2, 300, 1),
                        constant(300, 680), 0.95, 1.0),
                Arguments.of("30 % dropped check-ins", CheckInSchedules.dropped(0, 300, 0.1, 200, 0.3, 3),
                        constant(200, 420), 0.9, 1.0),
                Arguments.of("asleep at night", CheckInSchedules.officeHours(0, 120, 0.15, 9, 3, 4),
                        constant(900, 300), 0.95, 1.0),
                Arguments.of("short-lived: 30 check-ins every 10 s", CheckInSchedules.jittered(0, 10, 0.05, 30, 5),
                        constant(30, 250), 0.9, 1.0),
                Arguments.of("random arrivals, varied sizes", CheckInSchedules.poisson(0, 60, 300, 11),
                        varied(300, 17), 0.0, 0.1),
                Arguments.of("human browsing, varied sizes", CheckInSchedules.browsing(0, 8, 14), varied(600, 18),
                        0.0, 0.1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scoresBeaconsHighAndEverythingElseLow(String scenario, double[] times, long[] sizes, double min,
            double max) {
        Periodicity.Estimate estimate = Periodicity.estimate(times, Periodicity.Settings.DEFAULTS);

        BeaconScoring.Breakdown breakdown = BeaconScoring.score(estimate, sizes, BeaconScoring.Settings.DEFAULTS);

        assertThat(breakdown.score()).as(scenario).isBetween(min, max);
        assertThat(breakdown.periodicity() + breakdown.persistence() + breakdown.sizes())
                .isEqualTo(breakdown.score(), within(1e-12));
    }

    @Test
    void unknownSizesCountHalf() {
        Periodicity.Estimate estimate = Periodicity.estimate(CheckInSchedules.clockwork(0, 60, 300),
                Periodicity.Settings.DEFAULTS);

        BeaconScoring.Breakdown breakdown = BeaconScoring.score(estimate, new long[0], BeaconScoring.Settings.DEFAULTS);

        assertThat(breakdown.sizeShare()).isNaN();
        assertThat(breakdown.typicalSize()).isEqualTo(-1);
        assertThat(breakdown.sizes()).isEqualTo(0.1, within(1e-3));
        assertThat(breakdown.score()).isEqualTo(0.9, within(1e-3));
    }

    @Test
    void irregularChannelsEarnNothingFromVolumeOrSize() {
        Periodicity.Estimate none = Periodicity.Estimate.none(500);

        BeaconScoring.Breakdown breakdown = BeaconScoring.score(none, constant(500, 100),
                BeaconScoring.Settings.DEFAULTS);

        assertThat(breakdown.score()).isZero();
    }

    @Test
    void sizeConsistencyToleratesTenPercentOrSixteenBytes() {
        assertThat(BeaconScoring.sizeConsistency(new long[] {1000, 1090, 910, 1200})).isEqualTo(0.75);
        assertThat(BeaconScoring.sizeConsistency(new long[] {40, 55, 25, 60})).isEqualTo(0.75);
        assertThat(BeaconScoring.sizeConsistency(new long[] {40, 55})).isNaN();
    }

    private static long[] constant(int count, long size) {
        long[] sizes = new long[count];
        java.util.Arrays.fill(sizes, size);
        return sizes;
    }

    private static long[] varied(int count, long seed) {
        Random random = new Random(seed);
        long[] sizes = new long[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = 200 + random.nextInt(20_000);
        }
        return sizes;
    }
}
