package io.stagehunt.engine;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import java.util.List;

/**
 * The trivial example detector of the engine tests: counts outbound connections per host and reports a host
 * once it has made {@code threshold} of them within an idle gap; state expires after the gap.
 */
final class CountingDetector extends ConnectionsByHost<CountingDetector.Count> {

    record Count(long first, long last, int connections, boolean reported) {
    }

    private final int threshold;
    private final long idleMicros;

    CountingDetector(int threshold, long idleMicros) {
        super("count");
        this.threshold = threshold;
        this.idleMicros = idleMicros;
    }

    @Override
    public Count onEvent(Host key, Count state, Event event, DetectorContext context) {
        long time = event.timeMicros();
        Count next = state == null ? new Count(time, time, 1, false)
                : new Count(Math.min(state.first(), time), Math.max(state.last(), time), state.connections() + 1,
                        state.reported());
        if (!next.reported() && next.connections() >= threshold) {
            List<Signal> signals = List.of(new Signal("connections", String.valueOf(next.connections()),
                    String.valueOf(threshold), 0.5));
            context.emit(new Finding(Finding.uidOf(id(), key, Destination.NONE, next.first()), id(), "Many connections",
                    List.of("T1104"), key, Destination.NONE, next.first(), next.last(), Finding.scoreOf(signals), 0.5,
                    key.label() + " made " + next.connections() + " connections.", signals, List.of()));
            next = new Count(next.first(), next.last(), next.connections(), true);
        }
        context.setTimer(next.last() + idleMicros);
        return next;
    }

    @Override
    public Count onTimer(Host key, Count state, long timeMicros, DetectorContext context) {
        if (state.last() + idleMicros <= timeMicros) {
            return null;
        }
        context.setTimer(state.last() + idleMicros);
        return state;
    }
}
