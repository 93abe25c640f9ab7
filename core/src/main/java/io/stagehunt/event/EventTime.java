package io.stagehunt.event;

import java.time.Instant;

/** Conversions of event time (epoch microseconds) for display. */
public final class EventTime {

    private EventTime() {
    }

    /** ISO-8601 UTC with microseconds, e.g. {@code 2023-01-04T14:37:36.913119Z}. */
    public static String iso(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
                .toString();
    }

    public static long millis(long micros) {
        return Math.floorDiv(micros, 1000L);
    }
}
