package io.stagehunt.engine;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.event.Event;
import io.stagehunt.event.EventKinds;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hosts one detector in process: its keyed state, one timer per key, and the check that every key holding
 * state has a timer (so all state expires). Not thread-safe; one runner per detector per pipeline.
 *
 * @param <K> the detector's key type
 * @param <S> the detector's state type
 */
final class DetectorRunner<K, S> {

    /** Timers one key may fire at the end of input before the detector is deemed to never let go. */
    private static final int MAX_FINAL_FIRINGS = 10_000;

    private final Detector<K, S> detector;
    private final Consumer<Finding> findings;
    private final Map<K, Slot<K, S>> slots = new HashMap<>();
    private final TimerHeap<Slot<K, S>> timers = new TimerHeap<>();
    private final Map<Class<?>, Boolean> accepted = new IdentityHashMap<>();
    private final ObservedSpan span;
    private final Context context = new Context();
    private final Consumer<K> dispatch = this::dispatch;
    private Event current;
    private EventKinds inputKinds = EventKinds.ANY;
    private long watermark = Long.MIN_VALUE;
    private long sequence;
    private long eventsSeen;
    private long timersFired;
    private long timersQueued;
    private long peakKeys;

    DetectorRunner(Detector<K, S> detector, Consumer<Finding> findings) {
        this(detector, findings, new ObservedSpan());
    }

    /** A runner of a pipeline, whose span the pipeline keeps for all its runners. */
    DetectorRunner(Detector<K, S> detector, Consumer<Finding> findings, ObservedSpan span) {
        this.detector = detector;
        this.findings = findings;
        this.span = span;
    }

    /** What the run's inputs can produce, for the detector to ask; any kind until told. */
    void inputKinds(EventKinds kinds) {
        this.inputKinds = kinds;
    }

    Detector<K, S> detector() {
        return detector;
    }

    /** One event of the run, whatever its type: extends the span, then delivers it if the detector wants it. */
    void onEvent(Event event) {
        span.include(event.timeMicros());
        if (accepts(event.getClass())) {
            deliver(event);
        }
    }

    /** Whether the detector wants events of this type; asked once per type. */
    boolean accepts(Class<? extends Event> type) {
        Boolean wanted = accepted.get(type);
        if (wanted == null) {
            wanted = detector.accepts(type);
            accepted.put(type, wanted);
        }
        return wanted;
    }

    /** An event the detector accepts, whose time the span already includes. */
    void deliver(Event event) {
        eventsSeen++;
        current = event;
        detector.keysOf(event, dispatch);
        current = null;
    }

    private void dispatch(K key) {
        Slot<K, S> slot = slots.get(key);
        S before = slot == null ? null : slot.state;
        if (slot == null) {
            slot = new Slot<>(key);
        }
        context.bind(slot);
        S after = detector.onEvent(key, before, current, context);
        store(slot, after);
    }

    /** Fires every timer at or before {@code time}, in time order. */
    void advanceTo(long time) {
        watermark = Math.max(watermark, time);
        fireDue(time, Integer.MAX_VALUE);
    }

    /** End of input: fires timers until no key holds state. */
    void finish() {
        watermark = Long.MAX_VALUE;
        long firings = fireDue(Long.MAX_VALUE, MAX_FINAL_FIRINGS * Math.max(1, slots.size()));
        if (!slots.isEmpty()) {
            throw new IllegalStateException("detector '" + detector.id() + "' still holds " + slots.size()
                    + " keys after " + firings + " final timer firings: its state never expires");
        }
    }

    private long fireDue(long time, long maxFirings) {
        long firings = 0;
        while (timers.size() > 0 && timers.firstTime() <= time && firings < maxFirings) {
            Slot<K, S> slot = timers.removeFirst();
            long due = slot.queuedTime;
            if (slot.wantedTime > due) {
                // moved later since it was queued (see store): queue it where, and in the order, it was set
                timers.schedule(slot, slot.wantedTime, slot.wantedSequence);
                timersQueued++;
                continue;
            }
            firings++;
            timersFired++;
            slot.timer = Long.MIN_VALUE;
            context.bind(slot);
            S after = detector.onTimer(slot.key, slot.state, due, context);
            if (after != null && slot.timer <= due && time != Long.MAX_VALUE) {
                throw new IllegalStateException("detector '" + detector.id() + "' set the timer for " + slot.key
                        + " no later than the timer that just fired: event time would never move on");
            }
            store(slot, after);
        }
        return firings;
    }

    private void store(Slot<K, S> slot, S state) {
        if (state == null) {
            if (slot.live) {
                slot.live = false;
                slots.remove(slot.key);
            }
            timers.remove(slot);
            return;
        }
        if (slot.timer == Long.MIN_VALUE) {
            throw new IllegalStateException("detector '" + detector.id() + "' keeps state for " + slot.key
                    + " without a timer: every key holding state must have one, or its state never expires");
        }
        slot.state = state;
        if (!slot.live) {
            slot.live = true;
            slots.put(slot.key, slot);
            peakKeys = Math.max(peakKeys, slots.size());
        }
        boolean queued = timers.holds(slot);
        if (!queued || slot.timer != slot.wantedTime) {
            slot.wantedTime = slot.timer;
            slot.wantedSequence = ++sequence;
            // A timer moved later stays queued at its earlier time and is re-queued when that time comes:
            // detectors that push an idle deadline on with every event would otherwise reorder the heap each time.
            if (!queued || slot.wantedTime < slot.queuedTime) {
                timers.schedule(slot, slot.wantedTime, slot.wantedSequence);
                timersQueued++;
            }
        }
    }

    int liveKeys() {
        return slots.size();
    }

    /** Timers pending: one per key holding state, no more. */
    int queuedTimers() {
        return timers.size();
    }

    long eventsSeen() {
        return eventsSeen;
    }

    /** Timers that fired and reached the detector. */
    long timersFired() {
        return timersFired;
    }

    /** Times a timer entered the queue or moved within it. */
    long timersQueued() {
        return timersQueued;
    }

    long peakKeys() {
        return peakKeys;
    }

    /** A key's state and timer; {@code live} while the key is in the map. */
    private static final class Slot<K, S> extends TimerHeap.Entry {
        final K key;
        S state;
        boolean live;
        long timer = Long.MIN_VALUE;
        /** The timer as last set, and its place among timers set for the same time; may lie after the queued. */
        long wantedTime = Long.MIN_VALUE;
        long wantedSequence;

        Slot(K key) {
            this.key = key;
        }
    }

    private final class Context implements DetectorContext {
        private Slot<K, S> slot;

        void bind(Slot<K, S> target) {
            this.slot = target;
        }

        @Override
        public void emit(Finding finding) {
            findings.accept(finding);
        }

        @Override
        public void setTimer(long timeMicros) {
            slot.timer = timeMicros;
        }

        @Override
        public long timer() {
            return slot.timer;
        }

        @Override
        public long watermarkMicros() {
            return watermark;
        }

        @Override
        public EventKinds inputKinds() {
            return inputKinds;
        }

        @Override
        public long observedSinceMicros() {
            return span.sinceMicros();
        }

        @Override
        public long observedUntilMicros() {
            return span.untilMicros();
        }
    }
}
