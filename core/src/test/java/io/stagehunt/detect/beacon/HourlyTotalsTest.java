package io.stagehunt.detect.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HourlyTotalsTest {

    private static final long HOUR = HourlyTotals.HOUR_MICROS;

    @Test
    void sumsTheHoursOfARangeAndForgetsHoursThatLeaveTheSpan() {
        HourlyTotals totals = new HourlyTotals(24 * HOUR);
        totals.add(0, 5);
        totals.add(HOUR + 1, 7);
        assertThat(totals.sum(0, 2 * HOUR)).isEqualTo(12);
        assertThat(totals.sum(HOUR, 2 * HOUR)).isEqualTo(7);
        totals.add(30 * HOUR, 1);
        assertThat(totals.sum(0, 30 * HOUR)).as("hours 0 and 1 left the 26-hour span").isEqualTo(1);
        assertThat(totals.mayReach(2)).isFalse();
        assertThat(totals.mayReach(1)).isTrue();
    }

    /** A day counted in whole hours starts at the first hour boundary inside it: 24 hours, never 25. */
    @ParameterizedTest(name = "a day ending at {0} min starts at {1} min")
    @CsvSource({"1470, 60", "1440, 0", "1441, 60", "1500, 60", "1501, 120"})
    void aWindowCountedInWholeHoursStartsAtTheFirstBoundaryInsideIt(long endMinutes, long startMinutes) {
        long minute = HOUR / 60;

        assertThat(HourlyTotals.windowStart(endMinutes * minute, 24 * HOUR)).isEqualTo(startMinutes * minute);
    }

    /** The running bound never says no where some range does reach the amount, and is tight after a gap. */
    @Test
    void mayReachNeverDeniesARangeThatReaches() {
        Random random = new Random(11);
        HourlyTotals totals = new HourlyTotals(24 * HOUR);
        long time = 0;
        for (int step = 0; step < 20_000; step++) {
            time += (long) (random.nextDouble() * (random.nextInt(20) == 0 ? 30 : 0.5) * HOUR);
            totals.add(time - (long) (random.nextDouble() * 3 * HOUR), random.nextDouble() * 900);
            double widest = totals.sum(time - 40 * HOUR, time);
            assertThat(totals.mayReach(widest)).isTrue();
            assertThat(totals.mayReach(widest * 1.01 + 1)).isFalse();
        }
    }
}
