package io.stagehunt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReorderBufferTest {

    /** Leaves in exactly a heap's order whatever the share of stragglers, with adds and polls interleaved. */
    @ParameterizedTest(name = "{0} % out of order")
    @ValueSource(ints = {0, 5, 50, 100})
    void leavesInTheOrderOfOneHeap(int percentLate) {
        Random random = new Random(percentLate);
        ReorderBuffer<Long> buffer = new ReorderBuffer<>();
        PriorityQueue<Long> heap = new PriorityQueue<>();
        List<Long> fromBuffer = new ArrayList<>();
        List<Long> fromHeap = new ArrayList<>();
        long clock = 0;
        for (int i = 0; i < 20_000; i++) {
            clock += random.nextInt(3);
            long value = random.nextInt(100) < percentLate ? clock - random.nextInt(500) : clock;
            buffer.add(value);
            heap.add(value);
            while (random.nextInt(3) == 0 && !heap.isEmpty()) {
                assertThat(buffer.peek()).isEqualTo(heap.peek());
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
