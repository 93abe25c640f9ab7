package io.stagehunt.engine;

import io.stagehunt.event.Event;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges event sources into one stream in event-time order. Sources are opened when event time reaches their
 * first event. A bounded reorder buffer (by time span and by count) absorbs disorder within a source, such as
 * Zeek writing a connection when it ends but stamping it with its start; an event older than what was already
 * emitted is still delivered at once and counted as late, never dropped. Not thread-safe.
 */
public final class TimeOrderedMerge {

    private final PriorityQueue<EventSource> pending =
            new PriorityQueue<>(Comparator.comparingLong(EventSource::firstTimeMicros));
    private final PriorityQueue<Head> active = new PriorityQueue<>();
    /** Mostly in order already: within one input only long flows, stamped with their start, come late. */
    private final ReorderBuffer<Event> buffer = new ReorderBuffer<>();
    private final long windowMicros;
    private final int maxBuffered;
    private long sequence;
    private long newestSeen = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;
    private long late;
    private int peakBuffered;

    /**
     * @param windowMicros how far behind the newest event an event may arrive and still be put in order
     * @param maxBuffered the most events held for reordering; beyond it the oldest is released early
     */
    public TimeOrderedMerge(List<? extends EventSource> sources, long windowMicros, int maxBuffered) {
        if (windowMicros < 0 || maxBuffered < 1) {
            throw new IllegalArgumentException("window must be >= 0 and buffer >= 1");
        }
        this.windowMicros = windowMicros;
        this.maxBuffered = maxBuffered;
        pending.addAll(sources);
    }

    /** The next event in time order, or null when every source is done. */
    public Event next() {
        while (true) {
            if (!buffer.isEmpty()) {
                long oldest = buffer.peekTime();
                boolean settled = oldest <= saturatedMinus(newestSeen, windowMicros);
                if (settled || buffer.size() >= maxBuffered || exhausted()) {
                    watermark = Math.max(watermark, oldest);
                    return buffer.poll();
                }
            } else if (exhausted()) {
                return null;
            }
            pull();
        }
    }

    /** Event time up to which the stream is complete, apart from late events. */
    public long watermarkMicros() {
        return watermark;
    }

    public long lateEvents() {
        return late;
    }

    public int peakBuffered() {
        return peakBuffered;
    }

    private boolean exhausted() {
        return active.isEmpty() && pending.isEmpty();
    }

    /** Moves one event from the earliest source into the reorder buffer. */
    private void pull() {
        long nextActive = active.isEmpty() ? Long.MAX_VALUE : active.peek().time;
        while (!pending.isEmpty() && (pending.peek().firstTimeMicros() <= nextActive || active.isEmpty())) {
            activate(pending.poll());
            nextActive = active.isEmpty() ? Long.MAX_VALUE : active.peek().time;
        }
        Head head = active.poll();
        if (head == null) {
            return;
        }
        Event event = head.event;
        if (head.time < watermark) {
            late++;
        }
        newestSeen = Math.max(newestSeen, head.time);
        buffer.add(head.time, sequence++, event);
        peakBuffered = Math.max(peakBuffered, buffer.size());
        advance(head);
    }

    private void activate(EventSource source) {
        try {
            source.open();
        } catch (IOException e) {
            source.failed(e);
            return;
        } catch (RuntimeException e) {
            source.failed(unexpected(e));
            return;
        }
        advance(new Head(source));
    }

    /** Moves a source's head on to its next event; a source keeps one head for all its events. */
    private void advance(Head head) {
        try {
            Event event = head.source.next();
            if (event != null) {
                head.moveTo(event, sequence++);
                active.add(head);
            }
        } catch (IOException e) {
            head.source.failed(e);
            head.source.close();
        } catch (RuntimeException e) {
            // readers quarantine what one record does to them; a defect beyond that ends this file, not the run
            head.source.failed(unexpected(e));
            head.source.close();
        }
    }

    /** A reader's defect as the failure of its file; named by class only, as its message may quote the file. */
    private static IOException unexpected(RuntimeException e) {
        return new IOException("reader failed (" + e.getClass().getName() + ")", e);
    }

    /** Closes every source still open, for runs that stop early. */
    public void close() {
        List<Head> open = new ArrayList<>(active);
        active.clear();
        for (Head head : open) {
            head.source.close();
        }
        pending.clear();
    }

    private static long saturatedMinus(long value, long amount) {
        return value == Long.MIN_VALUE ? Long.MIN_VALUE : value - amount;
    }

    /** The next event of an open source; the time is copied out so ordering needs no call into the event. */
    private static final class Head implements Comparable<Head> {
        final EventSource source;
        long time;
        long sequence;
        Event event;

        Head(EventSource source) {
            this.source = source;
        }

        void moveTo(Event next, long order) {
            event = next;
            time = next.timeMicros();
            sequence = order;
        }

        @Override
        public int compareTo(Head other) {
            return TimeOrder.compare(time, sequence, other.time, other.sequence);
        }
    }
}
