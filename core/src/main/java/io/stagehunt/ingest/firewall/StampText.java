package io.stagehunt.ingest.firewall;

import java.time.DateTimeException;
import java.time.ZoneOffset;

/**
 * A timestamp found in a line: the wall-clock time, its offset when the text gives one, and where its text ends.
 * Parses the timestamp shapes firewall logs use. Immutable.
 */
record StampText(LocalStamp stamp, ZoneOffset offset, int end) {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /**
     * ISO 8601 as RFC 5424, rsyslog and journald write it: {@code yyyy-MM-dd(T| )HH:mm:ss[.f][Z|+hh:mm|+hhmm]};
     * null when {@code text} has none at {@code from}.
     */
    static StampText iso(String text, int from) {
        if (text.length() - from < 19 || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
            return null;
        }
        char middle = text.charAt(from + 10);
        if (middle != 'T' && middle != ' ') {
            return null;
        }
        LocalStamp stamp = LocalStamp.clock(text, from + 11, LocalStamp.digits(text, from, 4),
                LocalStamp.digits(text, from + 5, 2), LocalStamp.digits(text, from + 8, 2));
        if (stamp == null) {
            return null;
        }
        int position = from + 19;
        int[] fraction = fraction(text, position);
        stamp = stamp.withMicros(fraction[0]);
        position = fraction[1];
        ZoneOffset offset = null;
        if (position < text.length()) {
            char sign = text.charAt(position);
            if (sign == 'Z') {
                offset = ZoneOffset.UTC;
                position++;
            } else if (sign == '+' || sign == '-') {
                int hours = LocalStamp.digits(text, position + 1, 2);
                int minutes = 0;
                int after = position + 3;
                if (after < text.length() && text.charAt(after) == ':') {
                    minutes = LocalStamp.digits(text, after + 1, 2);
                    after += 3;
                } else if (LocalStamp.digits(text, after, 2) >= 0) {
                    minutes = LocalStamp.digits(text, after, 2);
                    after += 2;
                }
                if (hours < 0 || minutes < 0) {
                    return null;
                }
                try {
                    offset = ZoneOffset.ofHoursMinutes(sign == '-' ? -hours : hours, sign == '-' ? -minutes : minutes);
                } catch (DateTimeException e) {
                    return null;
                }
                position = after;
            }
        }
        return new StampText(stamp, offset, position);
    }

    /**
     * BSD syslog's {@code Mmm dd HH:mm:ss} (day space-padded or zero-padded), with journald's optional
     * microseconds and an optional year after the time, as some relays add; null when absent.
     */
    static StampText bsd(String text, int from) {
        int month = month(text, from);
        if (month < 0 || text.length() - from < 15 || text.charAt(from + 3) != ' ') {
            return null;
        }
        int position = from + 4;
        if (text.charAt(position) == ' ') {
            position++;
        }
        int day = LocalStamp.digits(text, position, 2);
        if (day >= 0) {
            position += 2;
        } else {
            day = LocalStamp.digits(text, position, 1);
            position += 1;
        }
        if (day < 0 || position >= text.length() || text.charAt(position) != ' ') {
            return null;
        }
        LocalStamp stamp = LocalStamp.clock(text, position + 1, 0, month, day);
        if (stamp == null) {
            return null;
        }
        position += 9;
        int[] fraction = fraction(text, position);
        stamp = stamp.withMicros(fraction[0]);
        position = fraction[1];
        int year = LocalStamp.digits(text, position + 1, 4);
        if (year >= 1970 && position < text.length() && text.charAt(position) == ' '
                && position + 5 < text.length() && text.charAt(position + 5) == ' ') {
            stamp = stamp.withYear(year);
            position += 5;
        }
        return new StampText(stamp, null, position);
    }

    /** CEF's {@code MMM dd yyyy HH:mm:ss[.SSS]}; null when {@code text} has none at {@code from}. */
    static StampText calendar(String text, int from) {
        int month = month(text, from);
        if (month < 0 || text.length() - from < 20 || text.charAt(from + 3) != ' ' || text.charAt(from + 6) != ' '
                || text.charAt(from + 11) != ' ') {
            return null;
        }
        LocalStamp stamp = LocalStamp.clock(text, from + 12, LocalStamp.digits(text, from + 7, 4), month,
                LocalStamp.digits(text, from + 4, 2));
        if (stamp == null) {
            return null;
        }
        int[] fraction = fraction(text, from + 20);
        return new StampText(stamp.withMicros(fraction[0]), null, fraction[1]);
    }

    /** The month 1..12 named by the three letters at {@code from}, or -1. */
    static int month(String text, int from) {
        if (text.length() - from < 3) {
            return -1;
        }
        for (int month = 0; month < 12; month++) {
            if (text.regionMatches(true, from, MONTHS, month * 3, 3)) {
                return month + 1;
            }
        }
        return -1;
    }

    /** {microseconds, end} of an optional {@code .digits} fraction at {@code from}. */
    private static int[] fraction(String text, int from) {
        if (from >= text.length() || text.charAt(from) != '.') {
            return new int[] {0, from};
        }
        int position = from + 1;
        int micros = 0;
        int digits = 0;
        while (position < text.length() && position - from <= 9) {
            char c = text.charAt(position);
            if (c < '0' || c > '9') {
                break;
            }
            if (digits < 6) {
                micros = micros * 10 + (c - '0');
                digits++;
            }
            position++;
        }
        if (position == from + 1) {
            return new int[] {0, from};
        }
        for (; digits < 6; digits++) {
            micros *= 10;
        }
        return new int[] {micros, position};
    }
}
