package io.stagehunt.intel;

import java.util.Locale;

/**
 * Where an event falls in an indicator's life, and the weight the indicator keeps at that moment.
 *
 * @param distanceMicros how far the event is from the time the feed saw the value active (0 inside that
 *     span; before the listing for {@link Status#BEFORE_LISTING}), or 0 when undated
 * @param weight 0..1, from the type's {@link DecayModel}
 */
public record Freshness(Status status, long distanceMicros, double weight) {

    private static final long MICROS_PER_HOUR = 3_600_000_000L;

    /** The relation of the event time to the indicator's dates. */
    public enum Status {
        /** The feed gives no date: age unknown. */
        UNDATED,
        /** Between the feed's first and last sighting. */
        ACTIVE,
        /** After the feed last saw it (or listed it, when it gives one date). */
        AFTER_LISTING,
        /** Before the feed listed it, within the retro-hunt window. */
        BEFORE_LISTING,
        /** Too long before the listing to count. */
        TOO_EARLY,
        /** Past the feed's hard expiry. */
        EXPIRED
    }

    /** True when the indicator still counts at that time. */
    public boolean counts() {
        return status != Status.EXPIRED && status != Status.TOO_EARLY && weight > 0;
    }

    /** A phrase for a reason sentence: {@code listed 3 days earlier}, {@code age unknown}. */
    public String describe() {
        return switch (status) {
            case UNDATED -> "age unknown";
            case ACTIVE -> "active in the feed at the time";
            case AFTER_LISTING -> "listed " + span(distanceMicros) + " earlier";
            case BEFORE_LISTING -> "listed " + span(distanceMicros) + " later";
            case TOO_EARLY -> "listed only " + span(distanceMicros) + " later";
            case EXPIRED -> "expired " + span(distanceMicros) + " earlier";
        };
    }

    /** A duration as an analyst says it: {@code 5 hours}, {@code 3 days}. */
    public static String span(long micros) {
        long hours = Math.abs(micros) / MICROS_PER_HOUR;
        if (hours < 1) {
            return "less than an hour";
        }
        if (hours < 48) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long days = hours / 24;
        if (days < 730) {
            return days + " days";
        }
        return String.format(Locale.ROOT, "%.1f years", days / 365.25);
    }
}
