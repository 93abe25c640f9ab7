package io.stagehunt.intel.feed;

import io.stagehunt.intel.FeedText;
import io.stagehunt.intel.Indicator;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The date spellings feeds use, as epoch microseconds in UTC: ISO 8601 ({@code 2014-05-08T09:00:00.000Z}, with
 * an offset or without one), {@code 2026-03-09 11:10:16}, {@code 2016-11-12 15:02}, {@code 2016-11-10}, and
 * epoch seconds (MISP). Feeds without a zone are UTC, as abuse.ch and Bambenek state. Only unambiguous forms
 * are read here; a format with day-first dates parses them itself.
 */
public final class FeedTime {

    private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHMM", "Z").toFormatter(Locale.ROOT);

    private FeedTime() {
    }

    /**
     * Epoch microseconds, or {@link Indicator#UNKNOWN_TIME} for an absent value (null, empty, {@code -},
     * {@code n/a}, {@code None}); throws {@link IllegalArgumentException} for text that is no date.
     */
    public static long parse(String text) {
        if (absent(text)) {
            return Indicator.UNKNOWN_TIME;
        }
        String value = text.strip();
        if (value.endsWith(" UTC")) {
            value = value.substring(0, value.length() - 4).strip();
        }
        try {
            if (value.chars().allMatch(Character::isDigit) && value.length() >= 9 && value.length() <= 11) {
                return Long.parseLong(value) * 1_000_000L;
            }
            if (value.length() == 10) {
                return micros(LocalDate.parse(value).atStartOfDay());
            }
            if (value.indexOf('T') == 10) {
                char last = value.charAt(value.length() - 1);
                if (last == 'Z' || value.lastIndexOf('+') > 10 || value.lastIndexOf('-') > 10) {
                    OffsetDateTime time = value.matches(".*[+-]\\d{4}$")
                            ? OffsetDateTime.parse(value, OFFSET_WITHOUT_COLON) : OffsetDateTime.parse(value);
                    return micros(time.toInstant().getEpochSecond(), time.getNano());
                }
                return micros(LocalDateTime.parse(value));
            }
            return micros(LocalDateTime.parse(value, SPACED));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + FeedText.excerpt(text) + "' is not a date");
        }
    }

    /** True for the ways feeds leave a date out. */
    public static boolean absent(String text) {
        if (text == null) {
            return true;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        return value.isEmpty() || value.equals("-") || value.equals("n/a") || value.equals("none")
                || value.equals("null") || value.equals("0");
    }

    static long micros(LocalDateTime time) {
        return micros(time.toEpochSecond(ZoneOffset.UTC), time.getNano());
    }

    private static long micros(long seconds, int nanos) {
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1000);
    }
}
