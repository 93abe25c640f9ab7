package io.stagehunt.cli;

import java.util.Locale;

/** Parses sizes such as {@code 512k}, {@code 500m}, {@code 5g} (powers of 1024) or plain bytes. */
final class ByteSize {

    private ByteSize() {
    }

    static long parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = value.isEmpty() ? ' ' : value.charAt(value.length() - 1);
        switch (last) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            case 't' -> unit = 1L << 40;
            default -> { }
        }
        String digits = unit == 1 ? value : value.substring(0, value.length() - 1);
        try {
            long number = Long.parseLong(digits);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(number, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a size: '" + text + "' (use e.g. 500m or 5g)");
        }
    }
}
