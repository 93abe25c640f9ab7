package io.stagehunt.detect;

/** What a detector may do besides returning state: report findings and set its key's timer. */
public interface DetectorContext {

    void emit(Finding finding);

    /** Sets the key's single timer, replacing any earlier one, in event-time microseconds. */
    void setTimer(long timeMicros);

    /** The key's pending timer, or {@link Long#MIN_VALUE} when none. */
    long timer();

    /** The current event-time watermark: no event older than this is expected any more. */
    long watermarkMicros();
}
