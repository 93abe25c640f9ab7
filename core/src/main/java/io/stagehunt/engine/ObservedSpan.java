package io.stagehunt.engine;

/**
 * The event time a run has seen so far, from its oldest event to its newest: what detectors read as the
 * observed span. One per pipeline, shared by its runners, since every runner is shown the same events.
 */
final class ObservedSpan {

    private long since = Long.MAX_VALUE;
    private long until = Long.MIN_VALUE;

    void include(long timeMicros) {
        if (timeMicros < since) {
            since = timeMicros;
        }
        if (timeMicros > until) {
            until = timeMicros;
        }
    }

    /** The oldest event's time, or {@link Long#MIN_VALUE} before any event. */
    long sinceMicros() {
        return since == Long.MAX_VALUE ? Long.MIN_VALUE : since;
    }

    /** The newest event's time, or {@link Long#MIN_VALUE} before any event. */
    long untilMicros() {
        return until;
    }
}
