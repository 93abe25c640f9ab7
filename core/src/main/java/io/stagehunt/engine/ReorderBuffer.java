package io.stagehunt.engine;

import java.util.PriorityQueue;

/**
 * A priority queue by (time, sequence) for input that is mostly in order already: elements no smaller than the
 * last one in order are appended to a run in constant time, only the others go to a heap. The smallest element is
 * the smaller of the two heads, so elements leave in exactly the order one heap would give. The run keeps times
 * and sequences in arrays of their own beside the elements, so that the events passing through in order, nearly
 * all of them, need no wrapper object each. Not thread-safe.
 *
 * @param <E> the elements
 */
final class ReorderBuffer<E> {

    /** Capacity of the run's arrays: always a power of two, so that positions wrap with a mask. */
    private static final int INITIAL_CAPACITY = 64;

    private long[] times = new long[INITIAL_CAPACITY];
    private long[] sequences = new long[INITIAL_CAPACITY];
    private Object[] elements = new Object[INITIAL_CAPACITY];
    /** Index of the run's first element; the run wraps around the arrays. */
    private int first;
    private int runSize;
    private final PriorityQueue<Straggler<E>> stragglers = new PriorityQueue<>();

    void add(long time, long sequence, E element) {
        if (runSize > 0) {
            int last = index(runSize - 1);
            if (TimeOrder.compare(times[last], sequences[last], time, sequence) > 0) {
                stragglers.add(new Straggler<>(time, sequence, element));
                return;
            }
        }
        if (runSize == elements.length) {
            grow();
        }
        int slot = index(runSize);
        times[slot] = time;
        sequences[slot] = sequence;
        elements[slot] = element;
        runSize++;
    }

    /** The smallest element's time; only when not empty. */
    long peekTime() {
        return runFirst() ? times[first] : stragglers.element().time;
    }

    /** Removes and returns the smallest element, or null when empty. */
    E poll() {
        if (isEmpty()) {
            return null;
        }
        if (!runFirst()) {
            return stragglers.poll().element;
        }
        @SuppressWarnings("unchecked")
        E smallest = (E) elements[first];
        elements[first] = null;
        first = (first + 1) & (elements.length - 1);
        runSize--;
        return smallest;
    }

    int size() {
        return runSize + stragglers.size();
    }

    boolean isEmpty() {
        return runSize == 0 && stragglers.isEmpty();
    }

    /** Whether the run's head is the smallest element (the buffer not being empty). */
    private boolean runFirst() {
        if (runSize == 0) {
            return false;
        }
        Straggler<E> straggler = stragglers.peek();
        return straggler == null
                || TimeOrder.compare(times[first], sequences[first], straggler.time, straggler.sequence) <= 0;
    }

    private int index(int position) {
        return (first + position) & (elements.length - 1);
    }

    private void grow() {
        int capacity = elements.length * 2;
        long[] newTimes = new long[capacity];
        long[] newSequences = new long[capacity];
        Object[] newElements = new Object[capacity];
        for (int i = 0; i < runSize; i++) {
            int from = index(i);
            newTimes[i] = times[from];
            newSequences[i] = sequences[from];
            newElements[i] = elements[from];
        }
        times = newTimes;
        sequences = newSequences;
        elements = newElements;
        first = 0;
    }

    private record Straggler<E>(long time, long sequence, E element) implements Comparable<Straggler<E>> {
        @Override
        public int compareTo(Straggler<E> other) {
            return TimeOrder.compare(time, sequence, other.time, other.sequence);
        }
    }
}
