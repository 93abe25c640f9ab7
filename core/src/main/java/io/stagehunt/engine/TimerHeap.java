package io.stagehunt.engine;

import java.util.Arrays;

/**
 * The pending timers of one runner: a binary min-heap of entries ordered by time, then by when they were
 * scheduled, in which each entry knows its own position. Moving a timer (every event of a key may move it) is
 * an in-place sift, not a new queue entry, so the heap holds exactly one entry per key with a timer and
 * allocates nothing once grown. Not thread-safe.
 *
 * @param <E> the entry type
 */
final class TimerHeap<E extends TimerHeap.Entry> {

    /** What the heap needs in its entries: the scheduled time, a tie-breaker and the position. */
    abstract static class Entry {
        long queuedTime;
        long queuedSequence;
        int heapIndex = -1;
    }

    private Entry[] heap = new Entry[64];
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
        return (E) heap[0];
    }

    /** Schedules the entry at {@code time}, or moves it there when it is already held. */
    void schedule(E entry, long time, long sequence) {
        boolean earlier = time < entry.queuedTime
                || time == entry.queuedTime && sequence < entry.queuedSequence;
        entry.queuedTime = time;
        entry.queuedSequence = sequence;
        if (entry.heapIndex < 0) {
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, size * 2);
            }
            entry.heapIndex = size;
            heap[size++] = entry;
            siftUp(entry.heapIndex);
        } else if (earlier) {
            siftUp(entry.heapIndex);
        } else {
            siftDown(entry.heapIndex);
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
        Entry last = heap[--size];
        heap[size] = null;
        if (index == size) {
            return;
        }
        heap[index] = last;
        last.heapIndex = index;
        siftDown(index);
        if (last.heapIndex == index) {
            siftUp(index);
        }
    }

    private void siftUp(int index) {
        Entry moving = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!before(moving, heap[parent])) {
                break;
            }
            place(heap[parent], index);
            index = parent;
        }
        place(moving, index);
    }

    private void siftDown(int index) {
        Entry moving = heap[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], moving)) {
                break;
            }
            place(heap[child], index);
            index = child;
        }
        place(moving, index);
    }

    private void place(Entry entry, int index) {
        heap[index] = entry;
        entry.heapIndex = index;
    }

    private static boolean before(Entry a, Entry b) {
        return a.queuedTime < b.queuedTime || a.queuedTime == b.queuedTime && a.queuedSequence < b.queuedSequence;
    }
}
