package io.stagehunt.detect.beacon;

import java.util.Locale;

/** Numbers as an analyst reads them aloud: "4.2 min", "±12 %", "1,024". Stateless. */
final class Phrasing {

    private Phrasing() {
    }

    /** A span of time in the largest unit that keeps it readable. */
    static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "?";
        }
        if (seconds < 10) {
            return trim(String.format(Locale.ROOT, "%.1f", seconds)) + " s";
        }
        if (seconds < 90) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 2 * 3600) {
            return trim(String.format(Locale.ROOT, "%.1f", seconds / 60)) + " min";
        }
        if (seconds < 3 * 86_400) {
            return trim(String.format(Locale.ROOT, "%.1f", seconds / 3600)) + " h";
        }
        return trim(String.format(Locale.ROOT, "%.1f", seconds / 86_400)) + " days";
    }

    static String durationMicros(long micros) {
        return duration(micros / 1e6);
    }

    /** A share as a whole percentage: "±4 %". */
    static String plusMinusPercent(double share) {
        return "±" + percent(share);
    }

    static String percent(double share) {
        if (Double.isNaN(share)) {
            return "?";
        }
        long rounded = Math.round(share * 100);
        return (rounded == 0 && share > 0 ? "<1" : Long.toString(rounded)) + " %";
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String bytes(long value) {
        if (value < 10_000) {
            return value + " B";
        }
        if (value < 10_000_000) {
            return Math.round(value / 1024.0) + " KiB";
        }
        return Math.round(value / (1024.0 * 1024)) + " MiB";
    }

    /** "1 time", "357 times". */
    static String times(long count) {
        return count(count) + (count == 1 ? " time" : " times");
    }

    private static String trim(String number) {
        return number.endsWith(".0") ? number.substring(0, number.length() - 2) : number;
    }
}
