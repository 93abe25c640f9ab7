package io.stagehunt.ingest.json;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * ISO-8601 date-times as JSON logs write them, to epoch microseconds: Zeek's {@code JSON::TS_ISO8601}
 * ({@code 2020-01-30T18:14:02.279652Z}) and Suricata's {@code 2021-06-06T15:59:46.457984+0200}. Accepts a
 * {@code T} or a space between date and time, any number of fraction digits (beyond six are truncated), and
 * a zone of {@code Z}, {@code ±HH}, {@code ±HHMM} or {@code ±HH:MM}; no zone means UTC. Stateless.
 */
public final class IsoTime {

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private IsoTime() {
    }

    /** Epoch microseconds, or {@link Long#MIN_VALUE} when the text is not such a date-time. */
    public static long parseMicros(CharSequence text) {
        if (text == null) {
            return Long.MIN_VALUE;
        }
        int length = text.length();
        if (length < 19 || length > 40) {
            return Long.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        char separator = text.charAt(10);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
                || text.charAt(4) != '-' || text.charAt(7) != '-' || (separator != 'T' && separator != ' ')
                || text.charAt(13) != ':' || text.charAt(16) != ':' || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE;
        }
        int position = 19;
        long fraction = 0;
        if (position < length && text.charAt(position) == '.') {
            position++;
            int fractionDigits = 0;
            int start = position;
            while (position < length && isDigit(text.charAt(position))) {
                if (fractionDigits < 6) {
                    fraction = fraction * 10 + (text.charAt(position) - '0');
                    fractionDigits++;
                }
                position++;
            }
            if (position == start) {
                return Long.MIN_VALUE;
            }
            for (; fractionDigits < 6; fractionDigits++) {
                fraction *= 10;
            }
        }
        long offsetSeconds = zoneOffsetSeconds(text, position);
        if (offsetSeconds == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
        long secondOfDay = hour * 3600L + minute * 60L + second - offsetSeconds;
        return epochDay * MICROS_PER_DAY + secondOfDay * 1_000_000L + fraction;
    }

    /** The zone offset in seconds east of UTC at {@code position} to the end; Long.MIN_VALUE when malformed. */
    private static long zoneOffsetSeconds(CharSequence text, int position) {
        int length = text.length();
        if (position == length) {
            return 0;
        }
        char sign = text.charAt(position);
        if (sign == 'Z' || sign == 'z') {
            return position + 1 == length ? 0 : Long.MIN_VALUE;
        }
        if (sign != '+' && sign != '-') {
            return Long.MIN_VALUE;
        }
        int rest = length - position - 1;
        int hours = digits(text, position + 1, 2);
        int minutes;
        if (rest == 2) {
            minutes = 0;
        } else if (rest == 4) {
            minutes = digits(text, position + 3, 2);
        } else if (rest == 5 && text.charAt(position + 3) == ':') {
            minutes = digits(text, position + 4, 2);
        } else {
            return Long.MIN_VALUE;
        }
        if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return Long.MIN_VALUE;
        }
        long seconds = hours * 3600L + minutes * 60L;
        return sign == '-' ? -seconds : seconds;
    }

    /** The non-negative number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(CharSequence text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
