package io.stagehunt.engine;

import java.util.Arrays;

/**
 * The pending timers of one runner: a min-heap of entries ordered by time, then by when they were scheduled, in
 * which each entry knows its own position. Moving a timer (every event of a key may move it) is an in-place
 * sift, not a new queue entry, so the heap holds exactly one entry per key with a timer and allocates nothing
 * once grown. Not thread-safe.
 *
 * <p>The heap is 4-ary and keeps each position's time and sequence in arrays of its own. A sift then compares
 * keys that lie side by side in memory and touches only the entries it moves: with tens of thousands of keys,
 * the entries are scattered over the heap and each one read is a likely cache miss, and a binary heap's
 * removal read two of them per level over twice as many levels.
 *
 * @param <E> the entry type
 */
final class TimerHeap<E extends TimerHeap.Entry> {

    private static final int ARITY = 4;

    /** What the heap needs in its entries: the scheduled time, a tie-breaker and the position. */
    abstract static class Entry {
        long queuedTime;
        long queuedSequence;
        int heapIndex = -1;
    }

    private Entry[] entries = new Entry[64];
    private long[] times = new long[64];
    private long[] sequences = new long[64];
    private int size;

    int size() {
        return size;
    }

    boolean holds(E entry) {
        return entry.heapIndex >= 0;
    }

    /** The earliest entry; the heap must not be empty. */
    @SuppressWarnings("unchecked")
    E first() {
        return (E) entries[0];
    }

    /** The earliest entry's time, read without touching the entry; the heap must not be empty. */
    long firstTime() {
        return times[0];
    }

    /** Schedules the entry at {@code time}, or moves it there when it is already held. */
    void schedule(E entry, long time, long sequence) {
        boolean earlier = before(time, sequence, entry.queuedTime, entry.queuedSequence);
        entry.queuedTime = time;
        entry.queuedSequence = sequence;
        int index = entry.heapIndex;
        if (index < 0) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size * 2);
                times = Arrays.copyOf(times, size * 2);
                sequences = Arrays.copyOf(sequences, size * 2);
            }
            siftUp(entry, size++);
        } else if (earlier) {
            siftUp(entry, index);
        } else {
            siftDown(entry, index);
        }
    }

    /** Removes and returns the earliest entry; the heap must not be empty. */
    E removeFirst() {
        E first = first();
        remove(first);
        return first;
    }

    /** Removes the entry if it is held. */
    void remove(E entry) {
        int index = entry.heapIndex;
        if (index < 0) {
            return;
        }
        entry.heapIndex = -1;
        Entry last = entries[--size];
        entries[size] = null;
        if (index == size) {
            return;
        }
        if (siftDown(last, index) == index) {
            siftUp(last, index);
        }
    }

    /** Places {@code moving} at {@code index} or above it, wherever its key belongs. */
    private void siftUp(Entry moving, int index) {
        long time = moving.queuedTime;
        long sequence = moving.queuedSequence;
        while (index > 0) {
            int parent = (index - 1) / ARITY;
            if (!before(time, sequence, parent)) {
                break;
            }
            place(entries[parent], times[parent], sequences[parent], index);
            index = parent;
        }
        place(moving, time, sequence, index);
    }

    /** Places {@code moving} at {@code index} or below it, wherever its key belongs; returns where. */
    private int siftDown(Entry moving, int index) {
        long time = moving.queuedTime;
        long sequence = moving.queuedSequence;
        while (true) {
            int first = ARITY * index + 1;
            if (first >= size) {
                break;
            }
            int least = first;
            int end = Math.min(first + ARITY, size);
            for (int child = first + 1; child < end; child++) {
                if (before(times[child], sequences[child], least)) {
                    least = child;
                }
            }
            if (!before(times[least], sequences[least], time, sequence)) {
                break;
            }
            place(entries[least], times[least], sequences[least], index);
            index = least;
        }
        place(moving, time, sequence, index);
        return index;
    }

    private void place(Entry entry, long time, long sequence, int index) {
        entries[index] = entry;
        times[index] = time;
        sequences[index] = sequence;
        entry.heapIndex = index;
    }

    /** Whether the key (time, sequence) comes before the key at {@code index}. */
    private boolean before(long time, long sequence, int index) {
        return before(time, sequence, times[index], sequences[index]);
    }

    private static boolean before(long time, long sequence, long otherTime, long otherSequence) {
        return TimeOrder.compare(time, sequence, otherTime, otherSequence) < 0;
    }
}
