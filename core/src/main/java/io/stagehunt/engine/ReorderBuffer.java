package io.stagehunt.engine;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * A priority queue for input that is mostly in order already: elements no smaller than the last one in order
 * are appended to a run in constant time, only the others go to a heap. The smallest element is the smaller of
 * the two heads, so elements leave in exactly the order one heap would give. Not thread-safe.
 *
 * @param <E> the elements; their natural order must be total
 */
final class ReorderBuffer<E extends Comparable<E>> {

    private final ArrayDeque<E> run = new ArrayDeque<>();
    private final PriorityQueue<E> stragglers = new PriorityQueue<>();

    void add(E element) {
        E last = run.peekLast();
        if (last == null || last.compareTo(element) <= 0) {
            run.addLast(element);
        } else {
            stragglers.add(element);
        }
    }

    /** The smallest element, or null when empty. */
    E peek() {
        E inOrder = run.peekFirst();
        E straggler = stragglers.peek();
        if (inOrder == null) {
            return straggler;
        }
        return straggler == null || inOrder.compareTo(straggler) <= 0 ? inOrder : straggler;
    }

    /** Removes and returns the smallest element, or null when empty. */
    E poll() {
        E smallest = peek();
        if (smallest != null) {
            if (smallest == run.peekFirst()) {
                run.pollFirst();
            } else {
                stragglers.poll();
            }
        }
        return smallest;
    }

    int size() {
        return run.size() + stragglers.size();
    }

    boolean isEmpty() {
        return run.isEmpty() && stragglers.isEmpty();
    }
}
