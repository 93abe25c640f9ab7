package io.stagehunt.detect.network.measure;

import java.io.Serializable;
import java.util.Arrays;

/**
 * "Have I seen this lately?" in fixed memory: two Bloom filters, the current generation and the previous
 * one. A value counts as seen while it is in either; {@link #rotate()} drops the older generation, so a value
 * is remembered for at least one and at most two rotation periods. Answers may be false positives (a value
 * taken as seen that was not), never false negatives within the horizon; with the default sizing and a
 * thousand values per generation the false-positive rate stays near 1 %. Not thread-safe.
 */
public final class RecencyFilter implements Serializable {

    private static final int HASHES = 3;

    private final int bits;
    private long[] current;
    private long[] previous;
    private int currentCount;

    /** @param bits bits per generation, a power of two, at least 64 */
    public RecencyFilter(int bits) {
        if (bits < 64 || Integer.bitCount(bits) != 1) {
            throw new IllegalArgumentException("bits must be a power of two >= 64: " + bits);
        }
        this.bits = bits;
        this.current = new long[bits / 64];
        this.previous = new long[bits / 64];
    }

    /** Whether the fingerprint was added in this or the previous generation (or collides with one that was). */
    public boolean mightContain(long fingerprint) {
        return contains(current, fingerprint) || contains(previous, fingerprint);
    }

    /** Adds the fingerprint to the current generation; returns true when it did not seem present before. */
    public boolean add(long fingerprint) {
        boolean seen = mightContain(fingerprint);
        if (!contains(current, fingerprint)) {
            currentCount++;
            long hash = fingerprint;
            for (int i = 0; i < HASHES; i++) {
                int bit = bitIndex(hash, i);
                current[bit >>> 6] |= 1L << bit;
            }
        }
        return !seen;
    }

    /** Starts a new generation and forgets the oldest. */
    public void rotate() {
        long[] recycled = previous;
        previous = current;
        Arrays.fill(recycled, 0L);
        current = recycled;
        currentCount = 0;
    }

    /**
     * Adds everything {@code other} remembers, both its generations (same size required), to this one's current
     * generation: what the other held in its older generation is remembered a little longer here.
     */
    public void absorb(RecencyFilter other) {
        if (other.bits != bits) {
            throw new IllegalArgumentException("filters differ in size: " + other.bits + " vs " + bits);
        }
        for (int i = 0; i < current.length; i++) {
            current[i] |= other.current[i] | other.previous[i];
        }
        currentCount += other.currentCount;
    }

    public void clear() {
        Arrays.fill(current, 0L);
        Arrays.fill(previous, 0L);
        currentCount = 0;
    }

    /** Values added to the current generation (distinct as far as the filter can tell). */
    public int currentCount() {
        return currentCount;
    }

    private boolean contains(long[] filter, long fingerprint) {
        for (int i = 0; i < HASHES; i++) {
            int bit = bitIndex(fingerprint, i);
            if ((filter[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Double hashing: the i-th probe is h1 + i*h2, both taken from the 64-bit fingerprint. */
    private int bitIndex(long fingerprint, int probe) {
        int h1 = (int) fingerprint;
        int h2 = (int) (fingerprint >>> 32) | 1;
        return (h1 + probe * h2) & (bits - 1);
    }
}
