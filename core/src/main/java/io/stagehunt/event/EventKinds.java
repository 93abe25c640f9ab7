package io.stagehunt.event;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which kinds of events a run's inputs can produce, as their formats tell before the run reads them: a Zeek
 * {@code conn} log only connections, a Suricata EVE file anything. Detectors use it to stop waiting for records
 * that no input can hold (an HTTP request to name a flow when only flow and DNS logs are read). Unknown means
 * any kind. Immutable.
 */
public final class EventKinds {

    /** Any kind may come: what a format that cannot tell in advance declares. */
    public static final EventKinds ANY = new EventKinds(null);
    /** No kind: what an input holding nothing stagehunt models declares. */
    public static final EventKinds NONE = new EventKinds(Set.of());

    /** Null for any kind. */
    private final Set<Class<? extends Event>> kinds;

    private EventKinds(Set<Class<? extends Event>> kinds) {
        this.kinds = kinds;
    }

    @SafeVarargs
    public static EventKinds of(Class<? extends Event>... kinds) {
        return new EventKinds(Set.of(kinds));
    }

    /** Whether an input may produce events of {@code kind}. */
    public boolean mayProduce(Class<? extends Event> kind) {
        return kinds == null || kinds.contains(kind);
    }

    public boolean isAny() {
        return kinds == null;
    }

    /** The kinds either may produce. */
    public EventKinds and(EventKinds other) {
        if (kinds == null || other.kinds == null) {
            return ANY;
        }
        Set<Class<? extends Event>> union = new LinkedHashSet<>(kinds);
        union.addAll(other.kinds);
        return new EventKinds(Set.copyOf(union));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventKinds that && Objects.equals(kinds, that.kinds);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(kinds);
    }

    @Override
    public String toString() {
        if (kinds == null) {
            return "any";
        }
        return kinds.stream().map(Class::getSimpleName).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
