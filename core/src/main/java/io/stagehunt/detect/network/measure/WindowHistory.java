package io.stagehunt.detect.network.measure;

import java.io.Serializable;

/**
 * The values of the last {@code capacity} windows of one measure (queries per window, new destinations per
 * minute ...), oldest overwritten first, with their median and MAD. Fixed memory. Not thread-safe.
 */
public final class WindowHistory implements Serializable {

    private final double[] values;
    private int next;
    private int size;

    public WindowHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.values = new double[capacity];
    }

    public void push(double value) {
        values[next] = value;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    /** Pushes {@code count} zero windows (a quiet gap), at most a full history's worth. */
    public void pushZeros(long count) {
        long bounded = Math.min(count, values.length);
        for (long i = 0; i < bounded; i++) {
            push(0);
        }
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return values.length;
    }

    public double median() {
        return RobustStatistics.median(values, size);
    }

    public double mad() {
        return RobustStatistics.mad(values, size, median());
    }

    public double sum() {
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += values[i];
        }
        return total;
    }

    public double max() {
        double highest = Double.NaN;
        for (int i = 0; i < size; i++) {
            highest = Double.isNaN(highest) ? values[i] : Math.max(highest, values[i]);
        }
        return highest;
    }
}
