package io.stagehunt.detect.network.measure;

import java.io.Serializable;

/**
 * A set of fingerprints that holds at most {@code capacity} of them. It starts small and doubles as it fills;
 * once full it stops admitting new values and reports itself saturated, so that its size is then a lower
 * bound ("at least 1024 distinct names"). Open addressing with linear probing over a {@code long[]}, because
 * detectors keep one per key and boxed sets would cost ten times the memory. Not thread-safe.
 */
public final class FingerprintSet implements Serializable {

    private static final int INITIAL_SLOTS = 8;

    private final int capacity;
    private long[] slots = new long[INITIAL_SLOTS];
    private int size;
    private boolean saturated;

    /** @param capacity the most fingerprints held, at least 1 */
    public FingerprintSet(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Adds a fingerprint (never 0; see {@link Fingerprints}). Returns true when it was new and admitted; false
     * when already present, or when new but the set is full (which marks it saturated).
     */
    public boolean add(long fingerprint) {
        int mask = slots.length - 1;
        int index = (int) fingerprint & mask;
        while (slots[index] != 0) {
            if (slots[index] == fingerprint) {
                return false;
            }
            index = (index + 1) & mask;
        }
        if (size >= capacity) {
            saturated = true;
            return false;
        }
        slots[index] = fingerprint;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    public boolean contains(long fingerprint) {
        int mask = slots.length - 1;
        int index = (int) fingerprint & mask;
        while (slots[index] != 0) {
            if (slots[index] == fingerprint) {
                return true;
            }
            index = (index + 1) & mask;
        }
        return false;
    }

    public int size() {
        return size;
    }

    /** Whether a new value was turned away because the set was full: {@link #size()} is then a lower bound. */
    public boolean saturated() {
        return saturated;
    }

    public void clear() {
        slots = new long[INITIAL_SLOTS];
        size = 0;
        saturated = false;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long value : old) {
            if (value != 0) {
                int index = (int) value & mask;
                while (slots[index] != 0) {
                    index = (index + 1) & mask;
                }
                slots[index] = value;
            }
        }
    }

    @Override
    public String toString() {
        return "FingerprintSet[size=" + size + (saturated ? "+" : "") + ", capacity=" + capacity + ", slots="
                + slots.length + "]";
    }

    /** For tests: the table length, to show that memory stays bounded. */
    int slotCount() {
        return slots.length;
    }
}
