package io.stagehunt.detect.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

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
