package io.stagehunt.detect.network.measure;

import java.util.Arrays;

/**
 * Outlier-resistant summaries of a small sample: the median, the median absolute deviation (MAD), and a
 * robust z-score built from them. One burst in the history moves neither, unlike the mean and standard
 * deviation, which is why baselines use them. Pure functions; thread-safe.
 */
public final class RobustStatistics {

    /** Scales a MAD to the standard deviation it estimates for normally distributed data. */
    public static final double MAD_TO_SIGMA = 1.4826;

    private RobustStatistics() {
    }

    /** The median of the first {@code count} values; NaN when count is 0. Does not modify the array. */
    public static double median(double[] values, int count) {
        if (count <= 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int middle = count / 2;
        return count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The median absolute deviation from {@code center} of the first {@code count} values; NaN when empty. */
    public static double mad(double[] values, int count, double center) {
        if (count <= 0) {
            return Double.NaN;
        }
        double[] deviations = new double[count];
        for (int i = 0; i < count; i++) {
            deviations[i] = Math.abs(values[i] - center);
        }
        return median(deviations, count);
    }

    /**
     * How many robust standard deviations {@code value} lies above {@code median}. The spread is never taken
     * below {@code minimumSpread}, so that a perfectly steady history (MAD 0) does not turn every small change
     * into an infinite score.
     */
    public static double robustZ(double value, double median, double mad, double minimumSpread) {
        double spread = Math.max(MAD_TO_SIGMA * mad, minimumSpread);
        return (value - median) / spread;
    }
}
