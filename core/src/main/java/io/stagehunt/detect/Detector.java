package io.stagehunt.detect;

import io.stagehunt.event.Event;
import java.util.List;
import java.util.function.Consumer;

/**
 * Detection logic over keyed state. The runner owns the state: it hands the detector the current state for a
 * key (null for a new key) and stores what the detector returns (null drops the key).
 *
 * <p>Contract, checked by the runners: whenever a call returns non-null state, the key has a pending timer,
 * so every piece of state expires; state is bounded in size by the detector; the same events in the same
 * order give the same findings. Implementations are stateless apart from immutable configuration, and
 * therefore thread-safe.
 *
 * @param <K> the key type (a host, a host and destination pair ...); must have value equality
 * @param <S> the per-key state; compact and serializable so that a runner can checkpoint it
 */
public interface Detector<K, S> {

    /** Stable id ({@code beacon}, {@code dga}); also the finding's {@code analytic.name}. */
    String id();

    /**
     * The ids of the detectors whose logic this one runs: its own, or each member's when several detectors
     * share one keyed state (their findings carry their own ids).
     */
    default List<String> memberIds() {
        return List.of(id());
    }

    /** Whether this detector wants events of this type at all; called once per event type, then cached. */
    boolean accepts(Class<? extends Event> type);

    /** The key this event updates, or null when it does not concern this detector. */
    K keyOf(Event event);

    /** The keys this event updates, for detectors that key one event several ways. */
    default void keysOf(Event event, Consumer<K> keys) {
        K key = keyOf(event);
        if (key != null) {
            keys.accept(key);
        }
    }

    /** Folds one event into the key's state; returns the new state, or null to drop the key. */
    S onEvent(K key, S state, Event event, DetectorContext context);

    /**
     * Called when the key's timer is reached by event time (or at the end of input, with
     * {@code timeMicros == Long.MAX_VALUE}); returns the new state, or null to drop the key.
     */
    S onTimer(K key, S state, long timeMicros, DetectorContext context);
}
