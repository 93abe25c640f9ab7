package io.stagehunt.intel;

/**
 * One listed value with its context: what it is, who lists it, how sure they are, and when it was valid.
 * {@code value} is normalized (see {@link Observables}); times are epoch microseconds.
 *
 * @param port the destination port the feed ties the value to ({@code [ipv4-addr:value = 'x' AND
 *     network-traffic:dst_port = 443]}), or {@link #ANY_PORT}
 * @param confidence the feed's confidence 0..100, or {@link #UNKNOWN_CONFIDENCE} when it states none
 * @param firstSeenMicros when the feed first listed or saw the value (STIX {@code valid_from}), or
 *     {@link #UNKNOWN_TIME}
 * @param lastSeenMicros when the feed last saw it active, or {@link #UNKNOWN_TIME}
 * @param validUntilMicros hard expiry (STIX {@code valid_until}), or {@link #NO_EXPIRY}
 * @param reference the feed's id or link for the entry (a STIX id, a MISP uuid, a URLhaus link), or null
 */
public record Indicator(
        IndicatorType type, String value, int port, Attribution attribution, int confidence,
        long firstSeenMicros, long lastSeenMicros, long validUntilMicros, String reference) {

    public static final int ANY_PORT = -1;
    public static final int UNKNOWN_CONFIDENCE = -1;
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;
    public static final long NO_EXPIRY = Long.MAX_VALUE;

    public Indicator {
        if (type == null || value == null || attribution == null) {
            throw new IllegalArgumentException("an indicator needs a type, a value and an attribution");
        }
        if (port < ANY_PORT || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (confidence < UNKNOWN_CONFIDENCE || confidence > 100) {
            throw new IllegalArgumentException("confidence out of range: " + confidence);
        }
    }

    /** A value listed without port, confidence or dates (a plain list entry). */
    public static Indicator of(IndicatorType type, String value, Attribution attribution) {
        return new Indicator(type, value, ANY_PORT, attribution, UNKNOWN_CONFIDENCE, UNKNOWN_TIME, UNKNOWN_TIME,
                NO_EXPIRY, null);
    }

    public Indicator withPort(int destinationPort) {
        return new Indicator(type, value, destinationPort, attribution, confidence, firstSeenMicros,
                lastSeenMicros, validUntilMicros, reference);
    }

    public Indicator withConfidence(int percent) {
        return new Indicator(type, value, port, attribution, percent, firstSeenMicros, lastSeenMicros,
                validUntilMicros, reference);
    }

    public Indicator seen(long firstMicros, long lastMicros) {
        return new Indicator(type, value, port, attribution, confidence, firstMicros, lastMicros, validUntilMicros,
                reference);
    }

    public Indicator validUntil(long expiryMicros) {
        return new Indicator(type, value, port, attribution, confidence, firstSeenMicros, lastSeenMicros,
                expiryMicros, reference);
    }

    public Indicator withReference(String id) {
        return new Indicator(type, value, port, attribution, confidence, firstSeenMicros, lastSeenMicros,
                validUntilMicros, id);
    }

    /** The value with its port when it has one ({@code 41.108.179.197:1177}). */
    public String label() {
        if (port == ANY_PORT) {
            return value;
        }
        return value.indexOf(':') >= 0 ? "[" + value + "]:" + port : value + ":" + port;
    }
}
