package io.stagehunt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Event;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOrderedMergeTest {

    private static final long SECOND = 1_000_000L;

    @Test
    void mergesSourcesAndRepairsDisorderWithinTheWindow() {
        FakeSource a = new FakeSource(times(0, 10, 5, 20, 15, 30));
        FakeSource b = new FakeSource(times(3, 12, 25));
        TimeOrderedMerge merge = new TimeOrderedMerge(List.of(a, b), 10 * SECOND, 1000);

        assertThat(drain(merge)).containsExactly(0L, 3L, 5L, 10L, 12L, 15L, 20L, 25L, 30L);
        assertThat(merge.lateEvents()).isZero();
    }

    @Test
    void deliversEventsOlderThanTheWindowAtOnceAndCountsThemLate() {
        FakeSource a = new FakeSource(times(0, 100, 200, 300, 50, 400));
        TimeOrderedMerge merge = new TimeOrderedMerge(List.of(a), 10 * SECOND, 1000);

        List<Long> order = drain(merge);
        assertThat(order).containsExactlyInAnyOrder(0L, 50L, 100L, 200L, 300L, 400L);
        assertThat(merge.lateEvents()).isEqualTo(1);
    }

    @Test
    void boundsTheReorderBufferByCount() {
        List<Long> many = new ArrayList<>();
        for (long i = 0; i < 10_000; i++) {
            many.add(i);
        }
        FakeSource a = new FakeSource(many);
        TimeOrderedMerge merge = new TimeOrderedMerge(List.of(a), Long.MAX_VALUE / 4, 64);

        assertThat(drain(merge)).hasSize(10_000).isSorted();
        assertThat(merge.peakBuffered()).isLessThanOrEqualTo(64);
    }

    @Test
    void opensASourceOnlyWhenEventTimeReachesIt() {
        FakeSource early = new FakeSource(times(0, 1, 2, 3));
        FakeSource late = new FakeSource(times(1000, 1001));
        TimeOrderedMerge merge = new TimeOrderedMerge(List.of(late, early), 0, 1000);

        merge.next();
        merge.next();
        assertThat(late.opened).isFalse();
        assertThat(drain(merge)).containsExactly(2L, 3L, 1000L, 1001L);
        assertThat(late.opened).isTrue();
    }

    @Test
    void goesOnWithOtherSourcesWhenOneFails() {
        FakeSource broken = new FakeSource(times(0, 1));
        broken.failAfter = 1;
        FakeSource good = new FakeSource(times(0, 2, 4));
        TimeOrderedMerge merge = new TimeOrderedMerge(List.of(broken, good), 0, 1000);

        assertThat(drain(merge)).containsExactly(0L, 0L, 2L, 4L);
        assertThat(broken.failure).isNotNull();
    }

    /** A reader's defect ends its own file, noted, and not the run; the note names no value from the file. */
    @Test
    void goesOnWithOtherSourcesWhenOneBreaksUnexpectedly() {
        FakeSource broken = new FakeSource(times(0, 1));
        broken.failAfter = 1;
        broken.unexpectedly = true;
        FakeSource good = new FakeSource(times(0, 2, 4));
        TimeOrderedMerge merge = new TimeOrderedMerge(List.of(broken, good), 0, 1000);

        assertThat(drain(merge)).containsExactly(0L, 0L, 2L, 4L);
        assertThat(broken.failure).hasMessage("reader failed (java.lang.IllegalStateException)");
    }

    private static List<Long> times(long... seconds) {
        List<Long> list = new ArrayList<>();
        for (long second : seconds) {
            list.add(second);
        }
        return list;
    }

    private static List<Long> drain(TimeOrderedMerge merge) {
        List<Long> seconds = new ArrayList<>();
        for (Event event = merge.next(); event != null; event = merge.next()) {
            seconds.add(event.timeMicros() / SECOND);
        }
        return seconds;
    }

    private static final class FakeSource implements EventSource {
        private final Deque<Long> seconds;
        private final long first;
        boolean opened;
        int failAfter = Integer.MAX_VALUE;
        boolean unexpectedly;
        int delivered;
        IOException failure;

        FakeSource(List<Long> seconds) {
            this.seconds = new ArrayDeque<>(seconds);
            this.first = seconds.isEmpty() ? Long.MIN_VALUE : seconds.get(0) * SECOND;
        }

        @Override
        public long firstTimeMicros() {
            return first;
        }

        @Override
        public void open() {
            opened = true;
        }

        @Override
        public Event next() throws IOException {
            if (delivered == failAfter) {
                if (unexpectedly) {
                    throw new IllegalStateException("value from the file: <script>");
                }
                throw new IOException("disk gone");
            }
            Long second = seconds.poll();
            if (second == null) {
                return null;
            }
            delivered++;
            return EngineEvents.outbound(second, "10.0.0.5", "198.51.100.7", 443);
        }

        @Override
        public void close() {
        }

        @Override
        public void failed(IOException error) {
            failure = error;
        }
    }
}
