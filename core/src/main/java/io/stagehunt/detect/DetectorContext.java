package io.stagehunt.detect;

import io.stagehunt.event.EventKinds;

/** What a detector may do besides returning state: report findings and set its key's timer. */
public interface DetectorContext {

    void emit(Finding finding);

    /** Sets the key's single timer, replacing any earlier one, in event-time microseconds. */
    void setTimer(long timeMicros);

    /** The key's pending timer, or {@link Long#MIN_VALUE} when none. */
    long timer();

    /** The current event-time watermark: no event older than this is expected any more. */
    long watermarkMicros();

    /**
     * Event time of the oldest event the runner has been given so far: when observation began, which bounds
     * any "share of the observed time" a detector computes. {@link Long#MIN_VALUE} when unknown.
     */
    default long observedSinceMicros() {
        return Long.MIN_VALUE;
    }

    /**
     * Event time of the newest event the runner has been given so far. Unlike {@link #watermarkMicros()} it
     * stays at the last event's time when the input ends, so detectors can evaluate windows that end where the
     * data ends. {@link Long#MIN_VALUE} when unknown.
     */
    default long observedUntilMicros() {
        return Long.MIN_VALUE;
    }

    /**
     * The kinds of events the run's inputs can produce: a detector need not wait for a record no input can
     * hold. {@link EventKinds#ANY} when unknown, so that waiting is the default.
     */
    default EventKinds inputKinds() {
        return EventKinds.ANY;
    }
}
