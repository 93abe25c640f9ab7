package io.stagehunt.detect.beacon;

import io.stagehunt.detect.DetectorContext;

/**
 * Where event time stands when a channel is attended.
 *
 * @param nowMicros the current event time (the watermark)
 * @param observedSinceMicros when the observed input began, {@link Long#MIN_VALUE} when unknown
 * @param observedUntilMicros the newest event time seen, the end of the data once the input has ended
 * @param endOfInput the input has ended: everything is reported and dropped
 */
record Moment(long nowMicros, long observedSinceMicros, long observedUntilMicros, boolean endOfInput) {

    static Moment of(DetectorContext context, long fallbackMicros) {
        long watermark = context.watermarkMicros();
        boolean end = watermark == Long.MAX_VALUE;
        // at the end of input, timers fire at their own (possibly later) times; the data still ends where it ends
        long until = context.observedUntilMicros() != Long.MIN_VALUE ? context.observedUntilMicros()
                : fallbackMicros;
        long now = end ? until : Math.max(watermark, fallbackMicros);
        return new Moment(now, context.observedSinceMicros(), until, end);
    }

    /** This moment moved to {@code micros}: where something that fell due earlier is dealt with at its own time. */
    Moment at(long micros) {
        return micros == nowMicros ? this : new Moment(micros, observedSinceMicros, observedUntilMicros, endOfInput);
    }

    /** The end of the window a report looks back over: now, or the end of the data. */
    long reportEndMicros() {
        return endOfInput ? observedUntilMicros : nowMicros;
    }
}
