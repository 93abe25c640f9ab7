package io.stagehunt.detect.beacon;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates check-in times (seconds) the way implants and people produce them, for scoring and detector
 * tests. Every generator is deterministic for a given seed.
 */
public final class CheckInSchedules {

    private CheckInSchedules() {
    }

    /** A fixed timer. */
    public static double[] clockwork(double start, double period, int count) {
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            times[i] = start + i * period;
        }
        return times;
    }

    /** Each sleep drawn uniformly within ±jitter of the period, as C2 frameworks' jitter settings do. */
    public static double[] jittered(double start, double period, double jitter, int count, long seed) {
        Random random = new Random(seed);
        double[] times = new double[count];
        double time = start;
        for (int i = 0; i < count; i++) {
            times[i] = time;
            time += period * (1 + jitter * (2 * random.nextDouble() - 1));
        }
        return times;
    }

    /** A jittered timer whose check-ins are each lost with the given probability (never the first). */
    public static double[] dropped(double start, double period, double jitter, int beats, double dropProbability,
            long seed) {
        Random random = new Random(seed);
        List<Double> kept = new ArrayList<>();
        double time = start;
        for (int i = 0; i < beats; i++) {
            if (i == 0 || random.nextDouble() >= dropProbability) {
                kept.add(time);
            }
            time += period * (1 + jitter * (2 * random.nextDouble() - 1));
        }
        return toArray(kept);
    }

    /** A jittered timer that sleeps outside office hours: active {@code activeHours} a day, for several days. */
    public static double[] officeHours(double start, double period, double jitter, double activeHours, int days,
            long seed) {
        Random random = new Random(seed);
        List<Double> times = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            double dayStart = start + day * 86_400.0;
            double time = dayStart;
            while (time < dayStart + activeHours * 3600) {
                times.add(time);
                time += period * (1 + jitter * (2 * random.nextDouble() - 1));
            }
        }
        return toArray(times);
    }

    /** Arrivals at random (a Poisson process) with the given mean interval. */
    public static double[] poisson(double start, double meanInterval, int count, long seed) {
        Random random = new Random(seed);
        double[] times = new double[count];
        double time = start;
        for (int i = 0; i < count; i++) {
            times[i] = time;
            time += -meanInterval * Math.log(1 - random.nextDouble());
        }
        return times;
    }

    /**
     * A person browsing: sessions of a few to a few dozen requests seconds apart, separated by pauses of
     * minutes to an hour, over a working day.
     */
    public static double[] browsing(double start, double hours, long seed) {
        Random random = new Random(seed);
        List<Double> times = new ArrayList<>();
        double time = start;
        double end = start + hours * 3600;
        while (time < end) {
            int requests = 3 + random.nextInt(30);
            for (int i = 0; i < requests && time < end; i++) {
                times.add(time);
                time += -4 * Math.log(1 - random.nextDouble()) + 0.2;
            }
            time += -1200 * Math.log(1 - random.nextDouble()) + 30;
        }
        return toArray(times);
    }

    private static double[] toArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
