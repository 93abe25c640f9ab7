package io.stagehunt.bench;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.event.Connection;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;

/**
 * The cheapest detector that does what every network detector must: keyed by host, takes DNS lookups and
 * connections, keeps a counter and an expiry timer per host. The floor against which the real detectors'
 * throughput is read. Stateless; thread-safe.
 */
public final class CountPerHostDetector implements Detector<Host, long[]> {

    private static final long IDLE_MICROS = 3_600_000_000L;

    @Override
    public String id() {
        return "count-per-host";
    }

    @Override
    public boolean accepts(Class<? extends Event> type) {
        return type == DnsQuery.class || type == Connection.class;
    }

    @Override
    public Host keyOf(Event event) {
        return event.host();
    }

    @Override
    public long[] onEvent(Host key, long[] state, Event event, DetectorContext context) {
        long[] counter = state == null ? new long[1] : state;
        counter[0]++;
        context.setTimer(event.timeMicros() + IDLE_MICROS);
        return counter;
    }

    @Override
    public long[] onTimer(Host key, long[] state, long timeMicros, DetectorContext context) {
        return null;
    }
}
