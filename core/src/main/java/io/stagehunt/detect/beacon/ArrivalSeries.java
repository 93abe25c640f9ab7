package io.stagehunt.detect.beacon;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The arrivals of one channel inside the sliding window: time, bytes sent and what they count for, kept
 * sorted by time (late records are inserted in place).
 *
 * <p>Bounded: up to {@code cap} arrivals are kept exactly, so RITA's statistics are exact for any channel
 * with at most {@code cap} arrivals in its window. When the cap is reached the series keeps every other
 * arrival and from then on one in {@link #stride()} new ones; each kept arrival then stands for
 * {@code stride} arrivals. Counts are scaled by the stride, and the interval and size statistics are computed
 * on the thinned series: RITA's Bowley skewness and MAD ratio are scale-free, and a period seen every
 * {@code stride} beats is divided back, so the results stay close while memory stays fixed. Not thread-safe.
 */
final class ArrivalSeries implements Serializable {

    /** Counts for RITA: a new flow record (retransmissions included, kept-alive requests not). */
    static final byte RITA = 1;
    /** Counts as a check-in for stagehunt's own analysis (flows and kept-alive requests, not retransmissions). */
    static final byte OWN = 2;
    /** Marks a flow record that nobody answered. */
    static final byte UNANSWERED = 4;

    private static final int INITIAL_CAPACITY = 8;

    private final int cap;
    private long[] times = new long[INITIAL_CAPACITY];
    private int[] bytes = new int[INITIAL_CAPACITY];
    private byte[] flags = new byte[INITIAL_CAPACITY];
    private int size;
    private int stride = 1;
    private long offered;

    ArrivalSeries(int cap) {
        if (cap < 2) {
            throw new IllegalArgumentException("cap must be at least 2");
        }
        this.cap = cap;
    }

    /** Adds an arrival; with thinning in force only one in {@link #stride()} is kept. */
    void add(long timeMicros, long bytesOut, byte kind) {
        offered++;
        if (stride > 1 && offered % stride != 0) {
            return;
        }
        if (size == cap) {
            thin();
        }
        if (size == times.length) {
            int capacity = Math.min(cap, times.length * 2);
            times = Arrays.copyOf(times, capacity);
            bytes = Arrays.copyOf(bytes, capacity);
            flags = Arrays.copyOf(flags, capacity);
        }
        int at = size;
        while (at > 0 && times[at - 1] > timeMicros) {
            at--;
        }
        if (at < size) {
            System.arraycopy(times, at, times, at + 1, size - at);
            System.arraycopy(bytes, at, bytes, at + 1, size - at);
            System.arraycopy(flags, at, flags, at + 1, size - at);
        }
        times[at] = timeMicros;
        bytes[at] = (int) Math.min(Integer.MAX_VALUE, Math.max(-1, bytesOut));
        flags[at] = kind;
        size++;
    }

    private void thin() {
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            times[kept] = times[i];
            bytes[kept] = bytes[i];
            flags[kept] = flags[i];
            kept++;
        }
        size = kept;
        stride *= 2;
    }

    /** Forgets arrivals before {@code cutoffMicros}. */
    void dropBefore(long cutoffMicros) {
        int first = 0;
        while (first < size && times[first] < cutoffMicros) {
            first++;
        }
        if (first == 0) {
            return;
        }
        size -= first;
        System.arraycopy(times, first, times, 0, size);
        System.arraycopy(bytes, first, bytes, 0, size);
        System.arraycopy(flags, first, flags, 0, size);
        if (size == 0) {
            // an emptied window restarts exact
            stride = 1;
            offered = 0;
        }
    }

    int size() {
        return size;
    }

    int stride() {
        return stride;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long newestMicros() {
        return size == 0 ? Long.MIN_VALUE : times[size - 1];
    }

    /**
     * stagehunt's check-ins among the arrivals in {@code [fromMicros, toMicros]}, and how many flow records
     * those are; RITA's lists come from {@link #ritaArrivals}, needed only when a report may go out.
     */
    Selection select(long fromMicros, long toMicros, long mergeMicros, double requestWeight) {
        int from = firstAtOrAfter(fromMicros);
        int to = firstAfter(from, toMicros);
        double[] checkIns = new double[to - from];
        double[] checkInWeights = new double[to - from];
        long[] checkInBytes = new long[to - from];
        int flows = 0;
        int unanswered = 0;
        int own = 0;
        int ownSized = 0;
        long lastCheckIn = Long.MIN_VALUE;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = from; i < to; i++) {
            if ((flags[i] & RITA) != 0) {
                flows++;
                unanswered += (flags[i] & UNANSWERED) != 0 ? 1 : 0;
            }
            if ((flags[i] & OWN) != 0) {
                // a request on a connection already open is less independent evidence than a new connection
                double weight = (flags[i] & RITA) != 0 ? 1 : requestWeight;
                // parts of one check-in (a second connection a moment later) count once
                if (lastCheckIn == Long.MIN_VALUE || times[i] - lastCheckIn >= mergeMicros) {
                    checkInWeights[own] = weight;
                    checkIns[own++] = times[i] / 1e6;
                    lastCheckIn = times[i];
                    if (bytes[i] >= 0) {
                        checkInBytes[ownSized++] = bytes[i];
                    }
                } else {
                    checkInWeights[own - 1] = Math.max(checkInWeights[own - 1], weight);
                }
            }
            first = Math.min(first, times[i]);
            last = Math.max(last, times[i]);
        }
        return new Selection(fitted(checkIns, own), fitted(checkInWeights, own), fitted(checkInBytes, ownSized),
                first, last, stride, to - from, flows, unanswered);
    }

    /** RITA's lists for the flow records in {@code [fromMicros, toMicros]}: start seconds and bytes sent. */
    RitaArrivals ritaArrivals(long fromMicros, long toMicros) {
        int from = firstAtOrAfter(fromMicros);
        int to = firstAfter(from, toMicros);
        long[] seconds = new long[to - from];
        long[] sizes = new long[to - from];
        int flows = 0;
        int sized = 0;
        for (int i = from; i < to; i++) {
            if ((flags[i] & RITA) != 0) {
                seconds[flows++] = Math.floorDiv(times[i], 1_000_000L);
                if (bytes[i] >= 0) {
                    sizes[sized++] = bytes[i];
                }
            }
        }
        return new RitaArrivals(fitted(seconds, flows), fitted(sizes, sized));
    }

    private int firstAtOrAfter(long micros) {
        int index = 0;
        while (index < size && times[index] < micros) {
            index++;
        }
        return index;
    }

    private int firstAfter(int from, long micros) {
        int index = from;
        while (index < size && times[index] <= micros) {
            index++;
        }
        return index;
    }

    /** The first {@code length} values; the array itself when it holds just those, as it mostly does. */
    private static long[] fitted(long[] values, int length) {
        return length == values.length ? values : Arrays.copyOf(values, length);
    }

    private static double[] fitted(double[] values, int length) {
        return length == values.length ? values : Arrays.copyOf(values, length);
    }

    /**
     * Whether at least {@code wanted} arrivals (scaled by the stride) came after {@code afterMicros}, i.e. are not
     * yet reported; stops counting once they have.
     */
    boolean hasAfter(long afterMicros, long wanted) {
        long count = 0;
        for (int i = size - 1; i >= 0 && times[i] > afterMicros && count < wanted; i--) {
            count += stride;
        }
        return count >= wanted;
    }

    /**
     * One window's arrivals as stagehunt's analysis takes them.
     *
     * @param checkIns check-in times in seconds for stagehunt's analysis
     * @param checkInWeights the evidence each check-in carries: 1 for a new connection, less for a request on
     *     a connection already open
     * @param checkInBytes bytes sent of those check-ins whose size is known
     * @param firstMicros the window's first arrival
     * @param lastMicros its last
     * @param stride how many arrivals each kept one stands for
     * @param kept arrivals kept in the window
     * @param flows flow records among them (retransmissions included, as RITA counts)
     * @param unansweredFlows those of them nobody answered
     */
    record Selection(double[] checkIns, double[] checkInWeights, long[] checkInBytes, long firstMicros,
            long lastMicros, int stride, int kept, int flows, int unansweredFlows) {

        /** The share of the window's flow records that nobody answered. */
        double unansweredShare() {
            return flows == 0 ? 0 : (double) unansweredFlows / flows;
        }

        long connections() {
            return (long) flows * stride;
        }

        long checkInCount() {
            return (long) checkIns.length * stride;
        }
    }

    /**
     * One window's flow records as RITA lists them.
     *
     * @param seconds start seconds of the flow records (retransmissions included)
     * @param bytes bytes sent of those whose size is known
     */
    record RitaArrivals(long[] seconds, long[] bytes) {
    }
}
