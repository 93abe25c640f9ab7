package io.stagehunt.ingest.firewall;

/**
 * A wall-clock time as a log wrote it, before a zone (and, for BSD syslog, a year) is known.
 *
 * @param year   the year, or 0 when the log omits it
 * @param micros the fraction of the second in microseconds
 */
record LocalStamp(int year, int month, int day, int hour, int minute, int second, int micros) {

    /** Parses {@code yyyy/MM/dd HH:mm:ss} (PAN-OS); null when {@code text[from, from + 19)} is not one. */
    static LocalStamp slashed(String text, int from) {
        if (text.length() - from < 19 || text.charAt(from + 4) != '/' || text.charAt(from + 7) != '/'
                || text.charAt(from + 10) != ' ') {
            return null;
        }
        int year = digits(text, from, 4);
        int month = digits(text, from + 5, 2);
        int day = digits(text, from + 8, 2);
        LocalStamp time = clock(text, from + 11, year, month, day);
        return text.length() - from == 19 ? time : null;
    }

    /** Reads {@code HH:mm:ss} at {@code from} into a stamp of the given date; null when malformed. */
    static LocalStamp clock(String text, int from, int year, int month, int day) {
        if (text.length() - from < 8 || text.charAt(from + 2) != ':' || text.charAt(from + 5) != ':') {
            return null;
        }
        int hour = digits(text, from, 2);
        int minute = digits(text, from + 3, 2);
        int second = digits(text, from + 6, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 60) {
            return null;
        }
        return new LocalStamp(year, month, day, hour, minute, second, 0);
    }

    LocalStamp withMicros(int value) {
        return new LocalStamp(year, month, day, hour, minute, second, value);
    }

    LocalStamp withYear(int value) {
        return new LocalStamp(value, month, day, hour, minute, second, micros);
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 when any is not a digit or missing. */
    static int digits(String text, int from, int count) {
        if (from < 0 || from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
