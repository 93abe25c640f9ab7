package io.stagehunt.detect.beacon.scoring;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Estimates the period of a series of check-ins from the intervals between them, in a way that survives what
 * real implants do: jitter (each sleep drawn around the period), dropped check-ins (intervals of two or three
 * periods), sleep windows (one long gap a night) and short lives (a first stage that calls thirty times and
 * is gone).
 *
 * <p>How: the densest cluster of intervals on a log scale proposes a period, together with its halves and
 * thirds (in case most check-ins were dropped) and the median interval. Each candidate is scored by
 * <em>excess concentration</em>: every interval is assigned to the nearest multiple {@code k} of the period
 * ({@code k <= maxMultiple}); it is on schedule when it lies within {@code tolerance * sqrt(k)} periods of that
 * multiple (jitter accumulates over dropped beats). Intervals spread smoothly would land on schedule with
 * probability {@code p = tolerance * sqrt(k) / 0.5}, the share of the cell around the multiple that the
 * window covers; the regularity is {@code sum(onSchedule - p) / sum(1 - p)} over all intervals, where an
 * interval shorter than half a period or longer than {@code maxMultiple} periods counts with {@code p = 0}.
 * A fixed timer scores 1, random (Poisson) arrivals about 0, whatever their rate. The candidate with the
 * highest regularity wins; near ties go to the candidate with more single-period intervals (the fundamental,
 * not a harmonic). The period is then refined as the median of {@code interval / k} over on-schedule
 * intervals. Beacons jittered beyond the tolerance have no sharp period, but their intervals stay bounded: a
 * second view scores the share of intervals within a factor of two of the median against the share random
 * intervals reach there, and the better of the two views wins. Check-ins spanning less than
 * {@code minSpanSeconds} (a burst, a page load) are not judged, and the significance of a fit grows with the
 * number of on-schedule intervals, because a few intervals fit some period by chance.
 *
 * <p>Stateless and thread-safe.
 */
public final class Periodicity {

    /** The cell around a multiple of the period spans half a period on each side. */
    private static final double CELL_HALF_WIDTH = 0.5;
    private static final double NEAR_TIE = 0.02;
    /** Share of exponential intervals within a factor of two of their median: 2^-1/2 - 2^-2. */
    static final double RANDOM_OCTAVE_SHARE = Math.sqrt(0.5) - 0.25;

    private Periodicity() {
    }

    /**
     * @param tolerance how far (in periods) an interval may stray from the period and still be on schedule;
     *     0.25 accepts the ±20 % jitter C2 frameworks offer
     * @param maxMultiple the most consecutive dropped check-ins bridged is {@code maxMultiple - 1}
     * @param minPeriodSeconds shorter candidate periods are not considered
     * @param minIntervals fewer intervals than this give no estimate
     * @param minSpanSeconds check-ins spanning less than this (a burst, a page load) give no estimate
     * @param significanceScale on-schedule intervals needed for a significance of 1 - 1/e
     */
    public record Settings(double tolerance, int maxMultiple, double minPeriodSeconds, int minIntervals,
            double minSpanSeconds, double significanceScale) implements Serializable {

        /**
         * Defaults. The shortest period, 1.5 s, sits above the detectors' one-second merge of connections that
         * form one check-in: merging dense traffic leaves intervals just over a second that are not a rhythm.
         */
        public static final Settings DEFAULTS = new Settings(0.25, 3, 1.5, 3, 60, 8.0);

        public Settings {
            if (tolerance <= 0 || tolerance >= CELL_HALF_WIDTH || maxMultiple < 1 || minPeriodSeconds <= 0
                    || minIntervals < 2 || minSpanSeconds < 0 || significanceScale <= 0) {
                throw new IllegalArgumentException("invalid periodicity settings: " + this);
            }
        }
    }

    /**
     * What the intervals say.
     *
     * @param periodSeconds the estimated period; NaN when there is none
     * @param jitter typical relative deviation of single-period intervals from the period: half the spread
     *     between their 10th and 90th percentiles (0.04 reads "±4 %")
     * @param intervals intervals examined
     * @param onSchedule intervals within tolerance of a multiple of the period
     * @param singlePeriod on-schedule intervals of exactly one period (the rest bridge dropped check-ins)
     * @param regularity excess concentration on the schedule, 0 (random) .. 1 (clockwork)
     * @param evidence on-schedule intervals weighed by how independent their check-ins are (a request on a
     *     connection already open counts less than a new connection)
     * @param significance how much that evidence supports the schedule: 1 - exp(-evidence / scale)
     */
    public record Estimate(double periodSeconds, double jitter, int intervals, int onSchedule, int singlePeriod,
            double regularity, double evidence, double significance) {

        public static Estimate none(int intervals) {
            return new Estimate(Double.NaN, Double.NaN, intervals, 0, 0, 0, 0, 0);
        }

        public boolean found() {
            return !Double.isNaN(periodSeconds);
        }

        /** Regularity weighed by its significance: the periodicity evidence, 0..1. */
        public double strength() {
            return regularity * significance;
        }
    }

    /** Estimates the period of check-ins given as sorted seconds (fractions allowed), each full evidence. */
    public static Estimate estimate(double[] sortedSeconds, Settings settings) {
        double[] weights = new double[sortedSeconds.length];
        Arrays.fill(weights, 1);
        return estimate(sortedSeconds, weights, settings);
    }

    /**
     * Estimates the period of check-ins given as sorted seconds, each with the weight (0..1) of the evidence
     * it carries; an interval carries the weight of the check-in that ends it.
     */
    public static Estimate estimate(double[] sortedSeconds, double[] weights, Settings settings) {
        int count = sortedSeconds.length - 1;
        if (count < settings.minIntervals()) {
            return Estimate.none(Math.max(count, 0));
        }
        double[] intervals = new double[count];
        double[] intervalWeights = new double[count];
        for (int i = 0; i < count; i++) {
            intervals[i] = sortedSeconds[i + 1] - sortedSeconds[i];
            intervalWeights[i] = weights[i + 1];
        }
        return estimateFromIntervals(intervals, intervalWeights, settings);
    }

    /** Estimates the period from intervals between consecutive check-ins, in order, each full evidence. */
    public static Estimate estimateFromIntervals(double[] intervals, Settings settings) {
        double[] weights = new double[intervals.length];
        Arrays.fill(weights, 1);
        return estimateFromIntervals(intervals, weights, settings);
    }

    /** Estimates the period from intervals between consecutive check-ins and the weight of each. */
    public static Estimate estimateFromIntervals(double[] intervals, double[] weights, Settings settings) {
        double span = 0;
        for (double interval : intervals) {
            span += interval;
        }
        if (intervals.length < settings.minIntervals() || span < settings.minSpanSeconds()) {
            return Estimate.none(intervals.length);
        }
        double[] sorted = intervals.clone();
        Arrays.sort(sorted);
        double densest = densestClusterCentre(sorted, settings.tolerance());
        double[] candidates = {densest, densest / 2, densest / 3, RitaScoring.median(sorted, 0, sorted.length)};

        Fit best = null;
        for (double candidate : candidates) {
            if (!(candidate >= settings.minPeriodSeconds())) {
                continue;
            }
            Fit fit = fit(intervals, weights, candidate, settings);
            if (best == null || better(fit, best)) {
                best = fit;
            }
        }
        if (best == null || best.onSchedule == 0) {
            return Estimate.none(intervals.length);
        }
        double refined = refinedPeriod(sorted, best, settings);
        if (refined >= settings.minPeriodSeconds()) {
            Fit refit = fit(intervals, weights, refined, settings);
            if (refit.regularity >= best.regularity - NEAR_TIE) {
                best = refit;
            }
        }
        Estimate scheduled = new Estimate(best.period, jitter(sorted, best, settings), intervals.length,
                best.onSchedule, best.singlePeriod, best.regularity, best.evidence,
                1 - Math.exp(-best.evidence / settings.significanceScale()));
        Estimate bounded = bounded(sorted, intervals, weights, settings);
        return bounded.regularity() > scheduled.regularity() ? bounded : scheduled;
    }

    /**
     * The heavy-jitter view: how many intervals lie within a factor of two of the median interval, against
     * the {@value #RANDOM_OCTAVE_SHARE} of random (exponential) intervals. A timer jittered by up to ±90 % never
     * strays that far, while random and human timing often do; it has no sharp period to fit, but its
     * intervals are bounded. The period is the median interval.
     */
    private static Estimate bounded(double[] sorted, double[] intervals, double[] weights, Settings settings) {
        int count = intervals.length;
        double median = RitaScoring.median(sorted, 0, sorted.length);
        if (!(median >= settings.minPeriodSeconds())) {
            return Estimate.none(count);
        }
        int from = 0;
        while (from < sorted.length && sorted[from] < median / 2) {
            from++;
        }
        int to = from;
        while (to < sorted.length && sorted[to] <= median * 2) {
            to++;
        }
        int within = to - from;
        double share = (double) within / count;
        double regularity = Math.max(0, Math.min(1, (share - RANDOM_OCTAVE_SHARE) / (1 - RANDOM_OCTAVE_SHARE)));
        double[] deviations = new double[within];
        for (int i = 0; i < within; i++) {
            deviations[i] = sorted[from + i] / median - 1;
        }
        double jitter = within == 0 ? Double.NaN
                : (quantile(deviations, within, 0.9) - quantile(deviations, within, 0.1)) / 2;
        double evidence = 0;
        for (int i = 0; i < count; i++) {
            if (intervals[i] >= median / 2 && intervals[i] <= median * 2) {
                evidence += weights[i];
            }
        }
        return new Estimate(median, jitter, count, within, within, regularity, evidence,
                1 - Math.exp(-evidence / settings.significanceScale()));
    }

    private static boolean better(Fit candidate, Fit incumbent) {
        if (candidate.regularity > incumbent.regularity + NEAR_TIE) {
            return true;
        }
        if (candidate.regularity < incumbent.regularity - NEAR_TIE) {
            return false;
        }
        if (candidate.singlePeriod != incumbent.singlePeriod) {
            return candidate.singlePeriod > incumbent.singlePeriod;
        }
        return candidate.regularity > incumbent.regularity;
    }

    /**
     * The median interval of the densest window of intervals whose extremes differ by the tolerance. The
     * intervals come sorted, and so do their logarithms ({@link Math#log} is semi-monotonic).
     */
    private static double densestClusterCentre(double[] sortedIntervals, double tolerance) {
        double[] logs = new double[sortedIntervals.length];
        int positive = 0;
        for (double interval : sortedIntervals) {
            if (interval > 0) {
                logs[positive++] = Math.log(interval);
            }
        }
        if (positive == 0) {
            return Double.NaN;
        }
        double width = Math.log((1 + tolerance) / (1 - tolerance));
        int bestFrom = 0;
        int bestTo = 1;
        int to = 0;
        for (int from = 0; from < positive; from++) {
            to = Math.max(to, from + 1);
            while (to < positive && logs[to] - logs[from] <= width) {
                to++;
            }
            if (to - from > bestTo - bestFrom) {
                bestFrom = from;
                bestTo = to;
            }
        }
        return Math.exp(RitaScoring.median(logs, bestFrom, bestTo));
    }

    /** How well the intervals fit a schedule with this period. */
    static Fit fit(double[] intervals, double[] weights, double period, Settings settings) {
        double excess = 0;
        double room = 0;
        int onSchedule = 0;
        int single = 0;
        double evidence = 0;
        for (int i = 0; i < intervals.length; i++) {
            double interval = intervals[i];
            double multiple = interval / period;
            long k = Math.round(multiple);
            if (k < 1 || k > settings.maxMultiple()) {
                room += 1;
                continue;
            }
            double halfWidth = Math.min(settings.tolerance() * Math.sqrt(k), CELL_HALF_WIDTH);
            double chance = halfWidth / CELL_HALF_WIDTH;
            boolean hit = Math.abs(multiple - k) <= halfWidth;
            if (hit) {
                onSchedule++;
                evidence += weights[i];
                if (k == 1) {
                    single++;
                }
            }
            excess += (hit ? 1 : 0) - chance;
            room += 1 - chance;
        }
        double regularity = room > 0 ? Math.max(0, Math.min(1, excess / room)) : 0;
        return new Fit(period, regularity, onSchedule, single, evidence);
    }

    /**
     * The median length of one beat over the on-schedule intervals. They come sorted, so the beats are too
     * unless some interval spans several beats; only then is a sort needed.
     */
    private static double refinedPeriod(double[] sortedIntervals, Fit fit, Settings settings) {
        double[] perBeat = new double[fit.onSchedule];
        int next = 0;
        for (double interval : sortedIntervals) {
            long k = onScheduleMultiple(interval, fit.period, settings);
            if (k > 0) {
                perBeat[next++] = interval / k;
            }
        }
        sortIfNeeded(perBeat, next);
        return next == 0 ? fit.period : RitaScoring.median(perBeat, 0, next);
    }

    /** Half the 10–90 % spread of the relative deviations, single-period intervals preferred. */
    private static double jitter(double[] sortedIntervals, Fit fit, Settings settings) {
        boolean singlesOnly = fit.singlePeriod >= settings.minIntervals();
        double[] deviations = new double[fit.onSchedule];
        int next = 0;
        for (double interval : sortedIntervals) {
            long k = onScheduleMultiple(interval, fit.period, settings);
            if (k > 0 && (k == 1 || !singlesOnly)) {
                deviations[next++] = interval / (k * fit.period) - 1;
            }
        }
        if (next == 0) {
            return Double.NaN;
        }
        sortIfNeeded(deviations, next);
        return (quantile(deviations, next, 0.9) - quantile(deviations, next, 0.1)) / 2;
    }

    private static void sortIfNeeded(double[] values, int count) {
        for (int i = 1; i < count; i++) {
            if (values[i] < values[i - 1]) {
                Arrays.sort(values, 0, count);
                return;
            }
        }
    }

    private static long onScheduleMultiple(double interval, double period, Settings settings) {
        double multiple = interval / period;
        long k = Math.round(multiple);
        if (k < 1 || k > settings.maxMultiple()) {
            return 0;
        }
        double halfWidth = Math.min(settings.tolerance() * Math.sqrt(k), CELL_HALF_WIDTH);
        return Math.abs(multiple - k) <= halfWidth ? k : 0;
    }

    /** Linear interpolation between order statistics of {@code sorted[0, count)}. */
    static double quantile(double[] sorted, int count, double probability) {
        double position = probability * (count - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    record Fit(double period, double regularity, int onSchedule, int singlePeriod, double evidence) {
    }
}
