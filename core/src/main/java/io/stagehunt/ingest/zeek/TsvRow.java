package io.stagehunt.ingest.zeek;

import io.stagehunt.net.IpAddress;
import io.stagehunt.net.RecentAddresses;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One Zeek TSV record as column offsets into the line buffer; values are decoded on demand, only for the
 * fields asked for. Reused for every line of a reader. Not thread-safe.
 */
final class TsvRow implements ZeekRow {

    /** The most columns a {@code #fields} header may name; readers refuse wider headers. */
    static final int MAX_COLUMNS = 4096;
    private static final int MAX_SYMBOL_LENGTH = 48;
    /** Whole seconds of a time or interval: 12 digits (to the year 33,000) keep microseconds within a long. */
    private static final int MAX_WHOLE_DIGITS = 12;
    private static final int MICROS_DIGITS = 6;
    /** Every whole number up to 2^53 is a double exactly. */
    private static final long EXACT_DOUBLE = 1L << 53;

    byte separator = '\t';
    byte setSeparator = ',';
    byte[] emptyField = "(empty)".getBytes(StandardCharsets.US_ASCII);
    byte[] unsetField = "-".getBytes(StandardCharsets.US_ASCII);

    private List<String> names = List.of();
    private int[] slotColumns = new int[0];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private byte[] bytes;
    /** Recent vocabulary values by a hash of their bytes: {@code tcp} or {@code SF} need not be a new string per row. */
    private final String[] symbols = new String[256];
    private final RecentAddresses recentAddresses = new RecentAddresses();

    void columns(List<String> fieldNames, int[] columnOfSlot) {
        this.names = fieldNames;
        this.slotColumns = columnOfSlot;
    }

    /** Splits a line into columns; returns a quarantine reason, or null when the line is well-formed. */
    String split(byte[] line, int start, int end, int expected) {
        this.bytes = line;
        if (expected > MAX_COLUMNS) {
            return "expected " + expected + " fields, more than the limit of " + MAX_COLUMNS;
        }
        if (expected > starts.length) {
            starts = new int[expected];
            ends = new int[expected];
        }
        int column = 0;
        int fieldStart = start;
        boolean ascii = true;
        byte sep = separator;
        for (int i = start; i < end; i++) {
            byte b = line[i];
            if (b == sep) {
                if (column >= expected - 1) {
                    return "expected " + expected + " fields, found more";
                }
                starts[column] = fieldStart;
                ends[column] = i;
                column++;
                fieldStart = i + 1;
            } else if (b < 0) {
                ascii = false;
            } else if (b == 0) {
                return "NUL byte at column " + (column + 1);
            }
        }
        starts[column] = fieldStart;
        ends[column] = end;
        column++;
        if (column != expected) {
            return "expected " + expected + " fields, found " + column + " (truncated line?)";
        }
        if (!ascii && !validUtf8(line, start, end)) {
            return "invalid UTF-8";
        }
        return null;
    }

    @Override
    public boolean present(int slot) {
        int column = slotColumns[slot];
        return column >= 0 && !isUnset(column) && !isEmpty(column);
    }

    @Override
    public String text(int slot) {
        int column = slotColumns[slot];
        if (column < 0 || isUnset(column)) {
            return null;
        }
        if (isEmpty(column)) {
            return "";
        }
        return decode(starts[column], ends[column]);
    }

    @Override
    public String symbol(int slot) {
        int column = slotColumns[slot];
        if (column < 0 || isUnset(column) || isEmpty(column) || ends[column] - starts[column] > MAX_SYMBOL_LENGTH) {
            return text(slot);
        }
        int from = starts[column];
        int to = ends[column];
        int hash = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\\' || b < 0) {
                return text(slot); // only plain values are shared: they are their own bytes
            }
            hash = 31 * hash + b;
        }
        int index = (hash ^ hash >>> 7) & (symbols.length - 1);
        String known = symbols[index];
        if (known != null && spells(known, from, to)) {
            return known;
        }
        String value = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        symbols[index] = value;
        return value;
    }

    private boolean spells(String known, int from, int to) {
        if (known.length() != to - from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (known.charAt(i - from) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long time(int slot) throws MalformedFieldException {
        int column = slotColumns[slot];
        if (column < 0 || isUnset(column) || isEmpty(column)) {
            return Long.MIN_VALUE;
        }
        long micros = parseMicros(starts[column], ends[column], false);
        if (micros == Long.MIN_VALUE) {
            throw malformed(slot, column, "not a time");
        }
        return micros;
    }

    @Override
    public long interval(int slot) throws MalformedFieldException {
        int column = slotColumns[slot];
        if (column < 0 || isUnset(column) || isEmpty(column)) {
            return -1;
        }
        long micros = parseMicros(starts[column], ends[column], false);
        if (micros == Long.MIN_VALUE) {
            throw malformed(slot, column, "not an interval");
        }
        if (micros < 0) {
            throw malformed(slot, column, "negative interval");
        }
        return micros;
    }

    @Override
    public long count(int slot) throws MalformedFieldException {
        int column = slotColumns[slot];
        if (column < 0 || isUnset(column) || isEmpty(column)) {
            return -1;
        }
        int from = starts[column];
        int to = ends[column];
        if (bytes[from] == '-') {
            throw malformed(slot, column, "negative count");
        }
        if (to - from > 18) {
            throw malformed(slot, column, "not a count");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw malformed(slot, column, "not a count");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    @Override
    public int port(int slot) throws MalformedFieldException {
        long value = count(slot);
        if (value > 65535 || value < -1) {
            throw malformed(slot, slotColumns[slot], "port out of range");
        }
        return (int) value;
    }

    @Override
    public IpAddress address(int slot) throws MalformedFieldException {
        int column = slotColumns[slot];
        if (column < 0 || isUnset(column) || isEmpty(column)) {
            return null;
        }
        IpAddress address = recentAddresses.parse(bytes, starts[column], ends[column]);
        if (address == null) {
            throw malformed(slot, column, "not an address");
        }
        return address;
    }

    @Override
    public boolean bool(int slot, boolean fallback) throws MalformedFieldException {
        int column = slotColumns[slot];
        if (column < 0 || isUnset(column) || isEmpty(column)) {
            return fallback;
        }
        if (ends[column] - starts[column] == 1) {
            if (bytes[starts[column]] == 'T') {
                return true;
            }
            if (bytes[starts[column]] == 'F') {
                return false;
            }
        }
        throw malformed(slot, column, "not a bool");
    }

    @Override
    public List<String> list(int slot) {
        int column = slotColumns[slot];
        if (column < 0 || isUnset(column) || isEmpty(column)) {
            return List.of();
        }
        List<String> items = new ArrayList<>(4);
        int itemStart = starts[column];
        int end = ends[column];
        for (int i = itemStart; i < end; i++) {
            if (bytes[i] == setSeparator) {
                items.add(decode(itemStart, i));
                itemStart = i + 1;
            }
        }
        items.add(decode(itemStart, end));
        return items;
    }

    @Override
    public List<Double> seconds(int slot) throws MalformedFieldException {
        int column = slotColumns[slot];
        if (column < 0 || isUnset(column) || isEmpty(column)) {
            return List.of();
        }
        List<Double> values = new ArrayList<>(4);
        int itemStart = starts[column];
        int end = ends[column];
        for (int i = itemStart; i <= end; i++) {
            if (i == end || bytes[i] == setSeparator) {
                values.add(secondsItem(slot, itemStart, i));
                itemStart = i + 1;
            }
        }
        return values;
    }

    /**
     * One interval of a set, read from the bytes when it is written as Zeek writes them (at most six decimals):
     * its microseconds are then exact, and their quotient by a million is the double nearest the text, as
     * {@link Double#parseDouble} gives. Other spellings go through {@link Double#parseDouble}.
     */
    private double secondsItem(int slot, int from, int to) throws MalformedFieldException {
        if (from < to && bytes[from] != '-') {
            long micros = parseMicros(from, to, true);
            if (micros != Long.MIN_VALUE && micros <= EXACT_DOUBLE) {
                return micros / 1e6;
            }
        }
        String item = decode(from, to);
        double seconds;
        try {
            seconds = Double.parseDouble(item);
        } catch (NumberFormatException e) {
            throw new MalformedFieldException(names.get(slot), "not an interval: '" + item + "'");
        }
        if (!ZeekLog.validSeconds(seconds)) {
            throw new MalformedFieldException(names.get(slot), "not an interval: '" + item + "'");
        }
        return seconds;
    }

    /**
     * Parses {@code [-]digits[.digits]} seconds to microseconds; Long.MIN_VALUE when malformed, or when
     * {@code exact} and more than six decimals would be cut off.
     */
    private long parseMicros(int from, int to, boolean exact) {
        boolean negative = from < to && bytes[from] == '-';
        if (negative) {
            from++;
        }
        long whole = 0;
        int i = from;
        for (; i < to && bytes[i] != '.'; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9 || i - from >= MAX_WHOLE_DIGITS) {
                return Long.MIN_VALUE;
            }
            whole = whole * 10 + digit;
        }
        if (i == from) {
            return Long.MIN_VALUE;
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < to) {
            for (i++; i < to; i++) {
                int digit = bytes[i] - '0';
                if (digit < 0 || digit > 9) {
                    return Long.MIN_VALUE;
                }
                if (fractionDigits < MICROS_DIGITS) {
                    fraction = fraction * 10 + digit;
                    fractionDigits++;
                } else if (exact) {
                    return Long.MIN_VALUE;
                }
            }
        }
        for (; fractionDigits < MICROS_DIGITS; fractionDigits++) {
            fraction *= 10;
        }
        long micros = whole * 1_000_000L + fraction;
        return negative ? -micros : micros;
    }

    private boolean isUnset(int column) {
        return matches(column, unsetField);
    }

    private boolean isEmpty(int column) {
        return matches(column, emptyField);
    }

    private boolean matches(int column, byte[] marker) {
        int from = starts[column];
        if (ends[column] - from != marker.length) {
            return false;
        }
        for (int i = 0; i < marker.length; i++) {
            if (bytes[from + i] != marker[i]) {
                return false;
            }
        }
        return true;
    }

    /** Decodes a value, resolving Zeek's {@code \xNN} escapes; plain ASCII takes the fast path. */
    private String decode(int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\\' || b < 0) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        byte[] out = new byte[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '\\' && i + 3 < to && bytes[i + 1] == 'x') {
                int high = Character.digit(bytes[i + 2], 16);
                int low = Character.digit(bytes[i + 3], 16);
                if (high >= 0 && low >= 0) {
                    out[length++] = (byte) (high << 4 | low);
                    i += 3;
                    continue;
                }
            }
            out[length++] = b;
        }
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    /** Resolves {@code \xNN} escapes in header values such as {@code #separator \x09}. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 3 < text.length() && text.charAt(i + 1) == 'x') {
                int high = Character.digit(text.charAt(i + 2), 16);
                int low = Character.digit(text.charAt(i + 3), 16);
                if (high >= 0 && low >= 0) {
                    out.append((char) (high << 4 | low));
                    i += 3;
                    continue;
                }
            }
            out.append(c);
        }
        return out.length() == 0 ? "\t" : out.toString();
    }

    private MalformedFieldException malformed(int slot, int column, String problem) {
        String value = decode(starts[column], Math.min(ends[column], starts[column] + 64));
        return new MalformedFieldException(names.get(slot), problem + ": '" + value + "'");
    }

    private static boolean validUtf8(byte[] bytes, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
