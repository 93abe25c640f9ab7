package io.stagehunt.engine;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The runner's timer heap under the load a busy detector puts on it: {@code keys} timers, of which three in four
 * operations move one later (an event of its key) and one in four fires the earliest and sets it again (a timer
 * that fires and keeps its state). Beside it, the same operations on a {@link PriorityQueue}, which cannot move an
 * entry: a move adds a new record, and records a later move made stale are skipped when they reach the head. The
 * entries carry some payload and are shuffled after they are allocated, so that, as in a run, entries that meet in
 * the heap lie apart in memory. Scores are operations per second; in package {@code engine} because the heap is
 * the runner's own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(TimerHeapBenchmark.OPERATIONS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class TimerHeapBenchmark {

    static final int OPERATIONS = 1 << 20;
    private static final long SPREAD = 1_000_000;

    @Param({"16384"})
    public int keys;

    private Timer[] heapTimers;
    private Timer[] queueTimers;
    private TimerHeap<Timer> heap;
    private PriorityQueue<Pending> queue;
    private long sequence;

    /** A key's timer, with a little of the state a real slot points to. */
    static final class Timer extends TimerHeap.Entry {
        final long[] payload = new long[6];
    }

    /** The baseline's queue record: a timer as it was set; stale once the timer has been set again. */
    private record Pending(long time, long sequence, Timer timer) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    @Setup
    public void fill() {
        heapTimers = shuffledTimers(new SplittableRandom(7));
        queueTimers = shuffledTimers(new SplittableRandom(7));
        heap = new TimerHeap<>();
        queue = new PriorityQueue<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < keys; i++) {
            long time = random.nextLong(SPREAD);
            heap.schedule(heapTimers[i], time, ++sequence);
            set(queueTimers[i], time);
        }
    }

    private Timer[] shuffledTimers(SplittableRandom random) {
        Timer[] timers = new Timer[keys];
        for (int i = 0; i < keys; i++) {
            timers[i] = new Timer();
        }
        for (int i = keys - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Timer swap = timers[i];
            timers[i] = timers[j];
            timers[j] = swap;
        }
        return timers;
    }

    private void set(Timer timer, long time) {
        timer.queuedTime = time;
        timer.queuedSequence = ++sequence;
        queue.add(new Pending(time, timer.queuedSequence, timer));
    }

    @Benchmark
    public long timerHeap() {
        SplittableRandom random = new SplittableRandom(11);
        long fired = 0;
        for (int i = 0; i < OPERATIONS; i++) {
            if ((i & 3) == 0) {
                Timer first = heap.removeFirst();
                fired += first.queuedTime;
                heap.schedule(first, first.queuedTime + 1 + random.nextLong(SPREAD), ++sequence);
            } else {
                Timer moved = heapTimers[random.nextInt(keys)];
                heap.schedule(moved, moved.queuedTime + random.nextLong(SPREAD / 5), ++sequence);
            }
        }
        return fired;
    }

    @Benchmark
    public long baselinePriorityQueue() {
        SplittableRandom random = new SplittableRandom(11);
        long fired = 0;
        for (int i = 0; i < OPERATIONS; i++) {
            if ((i & 3) == 0) {
                Pending first = queue.poll();
                while (first.sequence() != first.timer().queuedSequence) {
                    first = queue.poll();
                }
                fired += first.time();
                set(first.timer(), first.time() + 1 + random.nextLong(SPREAD));
            } else {
                Timer moved = queueTimers[random.nextInt(keys)];
                set(moved, moved.queuedTime + random.nextLong(SPREAD / 5));
            }
        }
        return fired;
    }
}
