package io.stagehunt.detect.beacon.scoring;

import java.io.Serializable;
import java.util.Arrays;

/**
 * RITA v5's published beacon scoring, reproduced as pure functions so that stagehunt can report a score an
 * analyst who knows RITA can compare with. Formulas follow RITA v5 (activecm/rita, {@code analysis/beacons.go})
 * and its defaults ({@code config.go}); quartiles and medians follow the Go statistics library RITA uses
 * (Tukey's hinges: Q1 and Q3 are the medians of the lower and upper halves, the middle value excluded for an
 * odd count). Every sub-score is rounded to three decimals as RITA does.
 *
 * <p>Inputs are whole seconds, as RITA stores timestamps ({@code DateTime}); arrays given to these functions
 * are never modified. Stateless and thread-safe.
 */
public final class RitaScoring {

    /** RITA's histogram spans the observation window in 24 bins ("hours" of a one-day window). */
    public static final int HISTOGRAM_BINS = 24;

    private RitaScoring() {
    }

    /**
     * RITA's beacon parameters.
     *
     * @param minUniqueTimestamps fewest distinct timestamps a pair needs to be scored (RITA: 4)
     * @param histogramModeSensitivity width of a bimodal-fit bucket, as a share of the tallest bar (0.05)
     * @param bimodalOutlierRemoval bars ignored by the bimodal fit as outliers (1)
     * @param bimodalMinHours fewest non-empty bars for the bimodal fit to count (11)
     * @param durationMinHours fewest non-empty bars for the duration score to count (6)
     * @param durationIdealHours consecutive bars that earn a full consistency score (12)
     */
    public record Settings(
            int minUniqueTimestamps, double timestampWeight, double dataSizeWeight, double durationWeight,
            double histogramWeight, double histogramModeSensitivity, int bimodalOutlierRemoval,
            int bimodalMinHours, int durationMinHours, int durationIdealHours) implements Serializable {

        /** RITA v5's defaults: equal weights. */
        public static final Settings DEFAULTS = new Settings(4, 0.25, 0.25, 0.25, 0.25, 0.05, 1, 11, 6, 12);

        public Settings {
            double weights = timestampWeight + dataSizeWeight + durationWeight + histogramWeight;
            if (Math.abs(weights - 1) > 1e-9 || minUniqueTimestamps < 4 || durationMinHours < 1
                    || durationIdealHours < 1 || bimodalMinHours < 3 || histogramModeSensitivity < 0
                    || histogramModeSensitivity > 1 || bimodalOutlierRemoval < 0) {
                throw new IllegalArgumentException("invalid RITA beacon settings: " + this);
            }
        }
    }

    /**
     * A pair's RITA-compatible beacon score and its four sub-scores, each 0..1.
     *
     * @param histogram the connection counts per bin of the observation window
     */
    public record Result(
            double score, double timestamp, double dataSize, double histogram, double duration, int connections,
            int uniqueTimestamps, int[] histogramBins) {
    }

    /** The dispersion of a distribution as RITA scores it: the mean of a skewness score and a MAD score. */
    public record Dispersion(double score, double skewness, double medianAbsoluteDeviation) {
    }

    /** The 24-bin connection histogram and what RITA derives from it. */
    public record Histogram(int[] bins, int nonEmptyBins, int longestRun, double variationScore,
            double bimodalScore, double score) {
    }

    /**
     * Scores one pair, or returns null when RITA would not score it: fewer than
     * {@link Settings#minUniqueTimestamps()} distinct timestamps, fewer than three non-zero intervals, an empty
     * window, or a pair whose first and last connection fall in the same second.
     *
     * @param windowStart the observation window's first second (RITA: the later of the data's first second
     *     and the last second minus 24 hours)
     * @param windowEnd the observation window's last second
     * @param timestamps every connection's start second, in any order, duplicates kept
     * @param bytes every connection's bytes sent by the internal host; may hold fewer values than timestamps
     *     when some sizes are unknown
     */
    public static Result score(long windowStart, long windowEnd, long[] timestamps, long[] bytes, Settings settings) {
        if (windowEnd <= windowStart || timestamps.length == 0) {
            return null;
        }
        long[] sorted = timestamps.clone();
        Arrays.sort(sorted);
        int unique = uniqueCount(sorted);
        if (unique < settings.minUniqueTimestamps() || sorted[0] == sorted[sorted.length - 1]) {
            return null;
        }
        double timestamp = timestampScore(sorted);
        if (Double.isNaN(timestamp)) {
            return null;
        }
        double dataSize = bytes.length >= 3 ? dataSizeScore(bytes) : 0;
        Histogram histogram = histogram(windowStart, windowEnd, sorted, settings);
        double duration = durationScore(windowStart, windowEnd, sorted[0], sorted[sorted.length - 1],
                histogram.nonEmptyBins(), histogram.longestRun(), settings);
        double total = round3(timestamp * settings.timestampWeight() + dataSize * settings.dataSizeWeight()
                + duration * settings.durationWeight() + histogram.score() * settings.histogramWeight());
        return new Result(total, timestamp, dataSize, histogram.score(), duration, sorted.length, unique,
                histogram.bins());
    }

    /**
     * The regularity of the intervals between connections: dispersion of the non-zero intervals between
     * sorted timestamps; NaN when there are fewer than three non-zero intervals.
     */
    public static double timestampScore(long[] sortedSeconds) {
        int positive = 0;
        for (int i = 1; i < sortedSeconds.length; i++) {
            if (sortedSeconds[i] > sortedSeconds[i - 1]) {
                positive++;
            }
        }
        if (positive < 3) {
            return Double.NaN;
        }
        double[] intervals = new double[positive];
        int next = 0;
        for (int i = 1; i < sortedSeconds.length; i++) {
            long interval = sortedSeconds[i] - sortedSeconds[i - 1];
            if (interval > 0) {
                intervals[next++] = interval;
            }
        }
        Arrays.sort(intervals);
        // RITA scores a median interval under one second as perfectly regular (default MAD score 1).
        return dispersion(intervals, 1).score();
    }

    /** The regularity of the bytes the internal host sent per connection; needs at least three sizes. */
    public static double dataSizeScore(long[] bytes) {
        double[] sizes = new double[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            sizes[i] = bytes[i];
        }
        Arrays.sort(sizes);
        // A median size under one byte says nothing about regularity: RITA's default MAD score is 0 here.
        return dispersion(sizes, 0).score();
    }

    /**
     * Bowley skewness and median absolute deviation of sorted values, each turned into a 0..1 score and
     * averaged. The skewness counts only when the inter-quartile range is at least 10 and the median differs
     * from both quartiles, which keeps near-constant data from looking skewed.
     */
    public static Dispersion dispersion(double[] sorted, double medianBelowOneScore) {
        if (sorted.length < 3) {
            throw new IllegalArgumentException("dispersion needs at least three values");
        }
        int half = sorted.length / 2;
        double q1 = median(sorted, 0, half);
        double q2 = median(sorted, 0, sorted.length);
        double q3 = median(sorted, sorted.length - half, sorted.length);
        double spread = q3 - q1;
        double skewness = 0;
        if (spread >= 10 && q2 != q1 && q2 != q3) {
            skewness = (q1 + q3 - 2 * q2) / spread;
        }
        double skewScore = 1 - Math.abs(skewness);

        double[] deviations = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            deviations[i] = Math.abs(sorted[i] - q2);
        }
        Arrays.sort(deviations);
        double mad = median(deviations, 0, deviations.length);
        double madScore = q2 >= 1 ? (q2 - mad) / q2 : medianBelowOneScore;
        if (madScore < 0 || Double.isNaN(madScore)) {
            madScore = 0;
        }
        return new Dispersion(round3((skewScore + madScore) / 2), skewness, mad);
    }

    /**
     * Counts connections in {@link #HISTOGRAM_BINS} equal bins over the window and scores how flat (coefficient
     * of variation) or two-level (bimodal fit) the bars are; the better of the two wins. Timestamps before the
     * window count in the first bin and after it in the last, as in RITA.
     */
    public static Histogram histogram(long windowStart, long windowEnd, long[] sortedSeconds, Settings settings) {
        int[] bins = new int[HISTOGRAM_BINS];
        double step = (double) (windowEnd - windowStart) / HISTOGRAM_BINS;
        int bin = 0;
        for (long second : sortedSeconds) {
            while (bin < HISTOGRAM_BINS - 1 && second >= upperEdge(windowStart, windowEnd, step, bin)) {
                bin++;
            }
            bins[bin]++;
        }

        int nonEmpty = 0;
        int tallest = 0;
        for (int count : bins) {
            if (count > 0) {
                nonEmpty++;
            }
            tallest = Math.max(tallest, count);
        }
        int longestRun = longestCircularRun(bins);

        double mean = (double) sortedSeconds.length / HISTOGRAM_BINS;
        double squares = 0;
        for (int count : bins) {
            squares += (count - mean) * (count - mean);
        }
        double variation = Math.sqrt(squares / HISTOGRAM_BINS) / mean;
        double variationScore = variation > 1 ? 0 : Math.min(1, round3(1 - variation));

        double bimodalScore = bimodalFit(bins, nonEmpty, tallest, settings);
        return new Histogram(bins, nonEmpty, longestRun, variationScore, bimodalScore,
                Math.max(variationScore, bimodalScore));
    }

    private static double upperEdge(long windowStart, long windowEnd, double step, int bin) {
        return bin == HISTOGRAM_BINS - 1 ? windowEnd : windowStart + (bin + 1) * step;
    }

    /** The longest run of non-empty bars, wrapping from the last bar to the first, at most the bar count. */
    private static int longestCircularRun(int[] bins) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < bins.length * 2; i++) {
            if (bins[i % bins.length] > 0) {
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
        }
        return Math.min(longest, bins.length);
    }

    /**
     * Bars are grouped by height in buckets of {@code ceil(tallest * sensitivity)}; the share of bars in the
     * two fullest buckets (one outlier bar forgiven) is the fit. It counts only with enough non-empty bars,
     * because one or two bars always fit two modes.
     */
    private static double bimodalFit(int[] bins, int nonEmpty, int tallest, Settings settings) {
        if (nonEmpty < settings.bimodalMinHours()) {
            return 0;
        }
        int bucketSize = (int) Math.ceil(tallest * settings.histogramModeSensitivity());
        int[] heights = new int[bins.length];
        int[] members = new int[bins.length];
        int buckets = 0;
        for (int count : bins) {
            if (count == 0) {
                continue;
            }
            int height = count / bucketSize * bucketSize;
            int index = 0;
            while (index < buckets && heights[index] != height) {
                index++;
            }
            if (index == buckets) {
                heights[buckets++] = height;
            }
            members[index]++;
        }
        int largest = 0;
        int second = 0;
        for (int i = 0; i < buckets; i++) {
            if (members[i] > largest) {
                second = largest;
                largest = members[i];
            } else if (members[i] > second) {
                second = members[i];
            }
        }
        double fit = (largest + second) / Math.max(nonEmpty - settings.bimodalOutlierRemoval(), 1.0);
        return Math.min(1, round3(fit));
    }

    /**
     * How much of the window the pair covers: the larger of the share of the window between its first and last
     * connection and its longest run of consecutive non-empty bars against the ideal run; 0 when fewer bars
     * than {@link Settings#durationMinHours()} hold connections. Both shares round up to three decimals.
     */
    public static double durationScore(long windowStart, long windowEnd, long first, long last, int nonEmptyBins,
            int longestRun, Settings settings) {
        if (windowEnd <= windowStart || last <= first || nonEmptyBins < settings.durationMinHours()) {
            return 0;
        }
        double coverage = Math.min(1, ceil3((double) (last - first) / (windowEnd - windowStart)));
        double consistency = Math.min(1, ceil3((double) longestRun / settings.durationIdealHours()));
        return Math.max(coverage, consistency);
    }

    /**
     * RITA's graduated score for a value against four thresholds: 0 below {@code base}, then rising linearly
     * through 0.2 at {@code base}, 0.4 at {@code low}, 0.6 at {@code medium} to 0.8 at {@code high} and above.
     * Used for long connections (1, 4, 8, 12 hours).
     */
    public static double bucketed(double value, double base, double low, double medium, double high) {
        if (value < base) {
            return 0;
        }
        if (value < low) {
            return 0.2 + (value - base) / (low - base) * 0.2;
        }
        if (value < medium) {
            return 0.4 + (value - low) / (medium - low) * 0.2;
        }
        return 0.6 + (Math.min(value, high) - medium) / (high - medium) * 0.2;
    }

    static int uniqueCount(long[] sorted) {
        int unique = sorted.length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                unique++;
            }
        }
        return unique;
    }

    /** The median of {@code sorted[from, to)}. */
    static double median(double[] sorted, int from, int to) {
        int count = to - from;
        int middle = from + count / 2;
        return count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static double ceil3(double value) {
        return Math.ceil(value * 1000) / 1000.0;
    }
}
