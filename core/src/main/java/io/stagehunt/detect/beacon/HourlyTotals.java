package io.stagehunt.detect.beacon;

import java.io.Serializable;

/**
 * Sums per hour of event time over a sliding span of hours: connection counts for strobes, durations for long
 * connections. Fixed size (the window's hours plus two), so a channel's state does not grow with its traffic;
 * an hour that falls out of the span is forgotten. Not thread-safe.
 */
final class HourlyTotals implements Serializable {

    static final long HOUR_MICROS = 3_600_000_000L;

    private final double[] totals;
    /** The newest hour (epoch hours) held; slot {@code hour % length} holds hour {@code hour}. */
    private long newestHour = Long.MIN_VALUE;
    /** The sum of every hour held, kept as amounts come and hours go: a bound on any {@link #sum}. */
    private double held;

    HourlyTotals(long windowMicros) {
        this.totals = new double[(int) Math.max(1, (windowMicros + HOUR_MICROS - 1) / HOUR_MICROS) + 2];
    }

    static long hourOf(long micros) {
        return Math.floorDiv(micros, HOUR_MICROS);
    }

    /**
     * Where a window of {@code windowMicros} ending at {@code endMicros} starts when it is counted in whole
     * hours: the first hour boundary inside it, so that the hour it starts in, partly outside, is not counted
     * whole (a day's window would otherwise sum 25 hours).
     */
    static long windowStart(long endMicros, long windowMicros) {
        return Math.floorDiv(endMicros - windowMicros + HOUR_MICROS - 1, HOUR_MICROS) * HOUR_MICROS;
    }

    /** Adds to the hour of {@code micros}; amounts for hours older than the span are dropped. */
    void add(long micros, double amount) {
        long hour = hourOf(micros);
        if (newestHour == Long.MIN_VALUE) {
            newestHour = hour;
        }
        if (hour > newestHour) {
            long cleared = Math.min(hour - newestHour, totals.length);
            for (long step = 1; step <= cleared; step++) {
                totals[slot(newestHour + step)] = 0;
            }
            newestHour = hour;
            held = 0;
            for (double total : totals) {
                held += total;
            }
        }
        if (hour <= newestHour - totals.length) {
            return;
        }
        totals[slot(hour)] += amount;
        held += amount;
    }

    /**
     * Whether {@link #sum} over any range may reach {@code amount}: false when all hours held together fall short,
     * which spares summing hour by hour for the many channels that never come near a threshold. Amounts are
     * non-negative; the margin covers rounding in the running total.
     */
    boolean mayReach(double amount) {
        return held >= amount - 1e-6 * Math.max(1, amount);
    }

    /** The sum over the hours from {@code fromMicros}'s hour up to {@code toMicros}'s hour. */
    double sum(long fromMicros, long toMicros) {
        double sum = 0;
        for (long hour = Math.max(hourOf(fromMicros), newestHour - totals.length + 1);
                hour <= Math.min(hourOf(toMicros), newestHour); hour++) {
            sum += totals[slot(hour)];
        }
        return sum;
    }

    /** Hours in the range with a non-zero total. */
    int activeHours(long fromMicros, long toMicros) {
        int active = 0;
        for (long hour = Math.max(hourOf(fromMicros), newestHour - totals.length + 1);
                hour <= Math.min(hourOf(toMicros), newestHour); hour++) {
            if (totals[slot(hour)] > 0) {
                active++;
            }
        }
        return active;
    }

    private int slot(long hour) {
        return (int) Math.floorMod(hour, (long) totals.length);
    }
}
