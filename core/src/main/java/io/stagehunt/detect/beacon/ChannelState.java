package io.stagehunt.detect.beacon;

import io.stagehunt.detect.Finding;
import java.io.Serializable;
import java.util.function.Consumer;

/**
 * What one pair detector keeps about one channel (a name, or the bare address, inside a pair). Bounded in size
 * by the detector's settings; always has a due time, so it expires. Not thread-safe.
 */
interface ChannelState extends Serializable {

    /**
     * Takes one observation. {@code nowMicros} is the watermark when it was delivered: flows wait for their
     * names and records come late, so a channel measures its silences against delivery, not event time.
     */
    void observe(Observation observation, long nowMicros);

    /** When the channel next needs attention (a report or its expiry). */
    long dueMicros();

    /** Event time of the latest observation. */
    long lastActivityMicros();

    /**
     * The channel's usual silence between observations, to judge how stale it is when a pair is full; 0 when it
     * has none, so that channels seen once go before channels with a rhythm (a pair flooded with one-off names
     * must not push out the channel that calls on a schedule).
     */
    long typicalGapMicros();

    /** Does what is due by {@code moment}; returns false once the channel is finished and may be dropped. */
    boolean attend(Moment moment, ChannelView view, Consumer<Finding> findings);

    /** Reports what is left, because the channel is dropped (input ended, or the pair needed room). */
    void close(Moment moment, ChannelView view, Consumer<Finding> findings);

    /** Creates a channel's state. */
    @FunctionalInterface
    interface Factory<C extends ChannelState> extends Serializable {
        C create();
    }
}
