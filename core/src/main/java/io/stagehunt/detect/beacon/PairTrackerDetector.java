package io.stagehunt.detect.beacon;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.event.Event;
import java.util.function.Consumer;

/**
 * A detector whose state per pair is a {@link PairTracker}: it keys events the way every pair detector does and
 * hands each event and timer to the tracker; what differs between such detectors is how they keep pairs and
 * what their channels are.
 *
 * @param <C> the detector's channel state
 */
public interface PairTrackerDetector<C extends ChannelState> extends Detector<PairKey, PairTracker<C>> {

    /** How this detector keeps its pairs. */
    PairSettings pairSettings();

    /** Creates this detector's state for one channel. */
    ChannelState.Factory<C> channels();

    @Override
    default boolean accepts(Class<? extends Event> type) {
        return PairEvents.accepts(type);
    }

    @Override
    default PairKey keyOf(Event event) {
        return PairEvents.firstKey(event);
    }

    @Override
    default void keysOf(Event event, Consumer<PairKey> keys) {
        PairEvents.keysOf(event, keys);
    }

    @Override
    default PairTracker<C> onEvent(PairKey key, PairTracker<C> state, Event event, DetectorContext context) {
        return PairTracker.onEvent(key, state, event, context, pairSettings(), channels());
    }

    @Override
    default PairTracker<C> onTimer(PairKey key, PairTracker<C> state, long timeMicros, DetectorContext context) {
        return PairTracker.onTimer(key, state, timeMicros, context, pairSettings(), channels());
    }
}
