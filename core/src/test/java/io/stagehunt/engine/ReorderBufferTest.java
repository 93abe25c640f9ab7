package io.stagehunt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReorderBufferTest {

    /** An element as one heap would order it: by time, then by the order it was added. */
    private record Entry(long time, long sequence) {
    }

    /**
     * Leaves in exactly a heap's order whatever the share of stragglers, with adds and polls interleaved, through
     * the run's growth and its wrapping around its arrays.
     */
    @ParameterizedTest(name = "{0} % out of order")
    @ValueSource(ints = {0, 5, 50, 100})
    void leavesInTheOrderOfOneHeap(int percentLate) {
        Random random = new Random(percentLate);
        ReorderBuffer<Entry> buffer = new ReorderBuffer<>();
        PriorityQueue<Entry> heap = new PriorityQueue<>(
                Comparator.comparingLong(Entry::time).thenComparingLong(Entry::sequence));
        List<Entry> fromBuffer = new ArrayList<>();
        List<Entry> fromHeap = new ArrayList<>();
        long clock = 0;
        for (int i = 0; i < 20_000; i++) {
            clock += random.nextInt(3);
            long time = random.nextInt(100) < percentLate ? clock - random.nextInt(500) : clock;
            Entry entry = new Entry(time, i);
            buffer.add(time, i, entry);
            heap.add(entry);
            // polls lag behind adds at times, so the run grows to hundreds and wraps
            while (random.nextInt(i % 5_000 < 2_500 ? 3 : 2) == 0 && !heap.isEmpty()) {
                assertThat(buffer.peekTime()).isEqualTo(heap.peek().time());
                fromBuffer.add(buffer.poll());
                fromHeap.add(heap.poll());
            }
            assertThat(buffer.size()).isEqualTo(heap.size());
        }
        while (!heap.isEmpty()) {
            fromBuffer.add(buffer.poll());
            fromHeap.add(heap.poll());
        }

        assertThat(fromBuffer).isEqualTo(fromHeap);
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.poll()).isNull();
    }
}
