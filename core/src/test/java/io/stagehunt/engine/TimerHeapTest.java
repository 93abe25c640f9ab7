package io.stagehunt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TimerHeapTest {

    private static final class Timer extends TimerHeap.Entry {
        final int id;

        Timer(int id) {
            this.id = id;
        }
    }

    @Test
    void firesInTimeOrderThenInScheduleOrder() {
        TimerHeap<Timer> heap = new TimerHeap<>();
        Timer a = new Timer(1);
        Timer b = new Timer(2);
        Timer c = new Timer(3);
        heap.schedule(a, 50, 1);
        heap.schedule(b, 20, 2);
        heap.schedule(c, 20, 3);
        assertThat(List.of(heap.removeFirst().id, heap.removeFirst().id, heap.removeFirst().id))
                .containsExactly(2, 3, 1);
        assertThat(heap.size()).isZero();
    }

    @Test
    void movingATimerKeepsOneEntryPerTimer() {
        TimerHeap<Timer> heap = new TimerHeap<>();
        Timer timer = new Timer(1);
        for (int i = 0; i < 1_000; i++) {
            heap.schedule(timer, 1_000 - i, i);
        }
        assertThat(heap.size()).isOne();
        assertThat(heap.first().queuedTime).isEqualTo(1);
        assertThat(heap.firstTime()).isEqualTo(1);
        heap.remove(timer);
        heap.remove(timer);
        assertThat(heap.size()).isZero();
        assertThat(heap.holds(timer)).isFalse();
    }

    /** Random schedules, moves and removals against an ordered set doing the same. */
    @Test
    void agreesWithAnOrderedSetUnderRandomMovesAndRemovals() {
        Random random = new Random(7);
        TimerHeap<Timer> heap = new TimerHeap<>();
        Comparator<Timer> order = Comparator.<Timer>comparingLong(t -> t.queuedTime)
                .thenComparingLong(t -> t.queuedSequence);
        TreeSet<Timer> expected = new TreeSet<>(order);
        List<Timer> timers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            timers.add(new Timer(i));
        }
        long sequence = 0;
        for (int step = 0; step < 200_000; step++) {
            Timer timer = timers.get(random.nextInt(timers.size()));
            int action = random.nextInt(10);
            if (action < 6) {
                expected.remove(timer);
                heap.schedule(timer, random.nextInt(10_000), ++sequence);
                expected.add(timer);
            } else if (action < 8) {
                heap.remove(timer);
                expected.remove(timer);
            } else if (heap.size() > 0) {
                assertThat(heap.firstTime()).isEqualTo(expected.first().queuedTime);
                assertThat(heap.removeFirst()).isSameAs(expected.pollFirst());
            }
            assertThat(heap.size()).isEqualTo(expected.size());
        }
        while (heap.size() > 0) {
            assertThat(heap.removeFirst()).isSameAs(expected.pollFirst());
        }
    }
}
