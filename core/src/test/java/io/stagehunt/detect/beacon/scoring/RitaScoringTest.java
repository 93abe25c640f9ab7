package io.stagehunt.detect.beacon.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values are worked out by hand from RITA v5's published formulas. */
class RitaScoringTest {

    private static final RitaScoring.Settings SETTINGS = RitaScoring.Settings.DEFAULTS;
    private static final long DAY = 86_400;

    static Stream<Arguments> timestampCases() {
        return Stream.of(
                // intervals all 60 s: no skew, no deviation
                Arguments.of("clockwork", new long[] {0, 60, 120, 180, 240, 300}, 1.0),
                // intervals 10, 20, 30, 40, 100: Q1 15, Q2 30, Q3 70, skew 25/55; MAD 10 of median 30
                Arguments.of("skewed", new long[] {0, 10, 30, 60, 100, 200}, 0.606),
                // zero intervals (two connections in one second) are left out
                Arguments.of("duplicates ignored", new long[] {0, 0, 60, 120, 180}, 1.0),
                // intervals 1, 1, 1, 1000: quartiles 1, 1, 500.5; median equals Q1 so no skew; MAD 0
                Arguments.of("median equals lower quartile", new long[] {0, 1, 2, 3, 1003}, 1.0),
                // intervals 50, 60, 70: spread 20, no skew; MAD 10 of 60
                Arguments.of("symmetric spread", new long[] {0, 50, 110, 180}, 0.917));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timestampCases")
    void scoresIntervalRegularityAsRitaDoes(String name, long[] seconds, double expected) {
        assertThat(RitaScoring.timestampScore(seconds)).isEqualTo(expected, within(1e-9));
    }

    @Test
    void needsThreeNonZeroIntervalsForATimestampScore() {
        assertThat(RitaScoring.timestampScore(new long[] {0, 0, 0, 60, 120})).isNaN();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "constant size; 677 677 677 677; 1.0",
        // median 0: the MAD part scores 0 and the skew part 1
        "nothing sent; 0 0 0 0; 0.5",
        // sizes 100, 100, 100, 400: Q1 100, Q2 100, Q3 250: median equals Q1, no skew; MAD 0
        "one large upload; 100 100 100 400; 1.0",
        // sizes 100..500: Q1 150, Q2 300, Q3 450: no skew; MAD 100 of 300
        "spread sizes; 100 200 300 400 500; 0.833"})
    void scoresSizeRegularityAsRitaDoes(String name, String sizes, double expected) {
        long[] bytes = Stream.of(sizes.split(" ")).mapToLong(Long::parseLong).toArray();

        assertThat(RitaScoring.dataSizeScore(bytes)).isEqualTo(expected, within(1e-9));
    }

    @Test
    void flatHistogramScoresOneThroughTheCoefficientOfVariation() {
        long[] hourly = LongStream.range(0, 24).map(hour -> hour * 3600 + 1800).toArray();

        RitaScoring.Histogram histogram = RitaScoring.histogram(0, DAY, hourly, SETTINGS);

        assertThat(histogram.bins()).containsOnly(1);
        assertThat(histogram.variationScore()).isEqualTo(1.0);
        assertThat(histogram.nonEmptyBins()).isEqualTo(24);
        assertThat(histogram.longestRun()).isEqualTo(24);
        assertThat(histogram.score()).isEqualTo(1.0);
    }

    @Test
    void halfDayHistogramScoresOneThroughTheBimodalFit() {
        long[] halfDay = LongStream.range(0, 12).map(hour -> hour * 3600 + 60).toArray();

        RitaScoring.Histogram histogram = RitaScoring.histogram(0, DAY, halfDay, SETTINGS);

        // mean 0.5, deviation 0.5: variation 1, so the flatness score is 0; all 12 bars share one height
        assertThat(histogram.variationScore()).isEqualTo(0.0);
        assertThat(histogram.bimodalScore()).isEqualTo(1.0);
        assertThat(histogram.longestRun()).isEqualTo(12);
    }

    @Test
    void twoLevelHistogramFitsTwoModes() {
        long[] seconds = LongStream.range(0, 24)
                .flatMap(hour -> LongStream.range(0, hour % 2 == 0 ? 10 : 20).map(i -> hour * 3600 + i * 60))
                .toArray();

        RitaScoring.Histogram histogram = RitaScoring.histogram(0, DAY, seconds, SETTINGS);

        // bars of 10 and 20: mean 15, deviation 5, variation 1/3; the bimodal fit 24/23 is capped at 1
        assertThat(histogram.variationScore()).isEqualTo(0.667);
        assertThat(histogram.bimodalScore()).isEqualTo(1.0);
    }

    @Test
    void timestampsOutsideTheWindowFallInTheEndBins() {
        RitaScoring.Histogram histogram = RitaScoring.histogram(3600, DAY, new long[] {0, 3600, DAY, DAY + 10},
                SETTINGS);

        assertThat(histogram.bins()[0]).isEqualTo(2);
        assertThat(histogram.bins()[23]).isEqualTo(2);
    }

    @ParameterizedTest(name = "first {2} last {3} bars {4} run {5}")
    @CsvSource({
        // coverage 82800/86400 = 0.9583 rounds up to 0.959; a 24-bar run caps consistency at 1
        "0, 86400, 1800, 84600, 24, 24, 1.0",
        // coverage 0.25, consistency 6/12
        "0, 86400, 0, 21600, 6, 6, 0.5",
        // coverage 10800/86400 = 0.125, consistency 5/12 but fewer than 6 bars: no score
        "0, 86400, 0, 10800, 5, 5, 0.0",
        // coverage 0.4375 beats consistency 3/12 = 0.25
        "0, 86400, 0, 37800, 6, 3, 0.438"})
    void scoresDurationAsTheBetterOfCoverageAndConsistency(long start, long end, long first, long last, int bars,
            int run, double expected) {
        assertThat(RitaScoring.durationScore(start, end, first, last, bars, run, SETTINGS))
                .isEqualTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "{0} h")
    @CsvSource({"0.5, 0.0", "1, 0.2", "2.5, 0.3", "4, 0.4", "6, 0.5", "8, 0.6", "12, 0.8", "30, 0.8"})
    void gradesLongConnectionsInRitaBands(double hours, double expected) {
        assertThat(RitaScoring.bucketed(hours * 3600, 3600, 4 * 3600, 8 * 3600, 12 * 3600))
                .isEqualTo(expected, within(1e-9));
    }

    @Test
    void scoresAClockworkDayAsAPerfectBeacon() {
        long[] everyFiveMinutes = LongStream.range(0, 288).map(i -> i * 300).toArray();
        long[] sizes = LongStream.range(0, 288).map(i -> 512).toArray();

        RitaScoring.Result result = RitaScoring.score(0, DAY, everyFiveMinutes, sizes, SETTINGS);

        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.connections()).isEqualTo(288);
        assertThat(result.uniqueTimestamps()).isEqualTo(288);
    }

    @Test
    void weighsTheFourSubScoresEqually() {
        // 12 check-ins one hour apart in the first half of the day, sizes all different
        long[] seconds = LongStream.range(0, 12).map(hour -> hour * 3600).toArray();
        long[] sizes = {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200};

        RitaScoring.Result result = RitaScoring.score(0, DAY, seconds, sizes, SETTINGS);

        assertThat(result.timestamp()).isEqualTo(1.0);
        assertThat(result.histogram()).isEqualTo(1.0);
        assertThat(result.duration()).isEqualTo(1.0);
        // sizes: Q1 350, Q2 650, Q3 950, no skew; MAD 300 of 650
        assertThat(result.dataSize()).isEqualTo(0.769);
        assertThat(result.score()).isEqualTo(0.942);
    }

    @Test
    void declinesPairsWithTooFewDistinctTimestamps() {
        assertThat(RitaScoring.score(0, DAY, new long[] {0, 60, 120, 120, 120}, new long[] {1, 1, 1}, SETTINGS))
                .isNull();
    }
}
