package io.stagehunt.ingest.zeek;

import io.stagehunt.ingest.json.IsoTime;
import io.stagehunt.ingest.json.JsonRecord;
import io.stagehunt.ingest.json.JsonRecord.Kind;
import io.stagehunt.net.IpAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One Zeek JSON record seen through a log's field slots, with the types Zeek's JSON writer uses: strings,
 * integers for counts and ports, numbers of seconds (or ISO-8601 strings, or integer milliseconds) for times,
 * {@code true}/{@code false}, arrays for sets and vectors. Absent keys, {@code null}, empty strings and empty
 * arrays read as unset, as {@code -} and {@code (empty)} do in TSV; a value of another JSON type than the field's
 * is malformed. Zeek escapes bytes that are not valid UTF-8 as {@code \xNN} in both writers; they are resolved
 * the same way here as in TSV, so both give the same text. Reused for every line. Not thread-safe.
 */
final class JsonZeekRow implements ZeekRow {

    /** Integer times at or above this are Zeek's {@code JSON::TS_MILLIS}; as seconds they would be past 5000 AD. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000L;

    private final JsonRecord record;
    private int[] slots = new int[0];
    private List<String> names = List.of();

    JsonZeekRow(JsonRecord record) {
        this.record = record;
    }

    void bind(int[] recordSlots, List<String> fieldNames) {
        this.slots = recordSlots;
        this.names = fieldNames;
    }

    @Override
    public boolean present(int slot) {
        int at = slots[slot];
        return switch (record.kind(at)) {
            case ABSENT, NULL -> false;
            case STRING -> !record.string(at).isEmpty();
            case ARRAY -> !record.array(at).isEmpty();
            default -> true;
        };
    }

    @Override
    public String text(int slot) throws MalformedFieldException {
        int at = slots[slot];
        return switch (record.kind(at)) {
            case ABSENT, NULL -> null;
            case STRING -> unescape(record.string(at));
            default -> throw wrongType(slot, "a string");
        };
    }

    @Override
    public long time(int slot) throws MalformedFieldException {
        int at = slots[slot];
        return switch (record.kind(at)) {
            case ABSENT, NULL -> Long.MIN_VALUE;
            case DECIMAL -> record.number(at);
            case INTEGER -> {
                long value = record.number(at);
                // compared without Math.abs, which leaves Long.MIN_VALUE negative
                if (value >= MILLIS_THRESHOLD || value <= -MILLIS_THRESHOLD) {
                    if (value > Long.MAX_VALUE / 1000L || value < -(Long.MAX_VALUE / 1000L)) {
                        throw new MalformedFieldException(names.get(slot), "time out of range");
                    }
                    yield value * 1000L;
                }
                yield value * 1_000_000L;
            }
            case STRING -> {
                String text = record.string(at);
                if (text.isEmpty()) {
                    yield Long.MIN_VALUE;
                }
                long micros = IsoTime.parseMicros(text);
                if (micros == Long.MIN_VALUE) {
                    throw new MalformedFieldException(names.get(slot), "not an ISO-8601 time");
                }
                yield micros;
            }
            default -> throw wrongType(slot, "a time");
        };
    }

    @Override
    public long interval(int slot) throws MalformedFieldException {
        int at = slots[slot];
        return switch (record.kind(at)) {
            case ABSENT, NULL -> -1;
            case DECIMAL -> nonNegative(slot, record.number(at), "negative interval");
            case INTEGER -> {
                long seconds = nonNegative(slot, record.number(at), "negative interval");
                if (seconds > MAX_SECONDS) {
                    throw new MalformedFieldException(names.get(slot), "interval out of range");
                }
                yield seconds * 1_000_000L;
            }
            default -> throw wrongType(slot, "an interval in seconds");
        };
    }

    @Override
    public long count(int slot) throws MalformedFieldException {
        int at = slots[slot];
        return switch (record.kind(at)) {
            case ABSENT, NULL -> -1;
            case INTEGER -> nonNegative(slot, record.number(at), "negative count");
            default -> throw wrongType(slot, "an integer");
        };
    }

    private long nonNegative(int slot, long value, String problem) throws MalformedFieldException {
        if (value < 0) {
            throw new MalformedFieldException(names.get(slot), problem);
        }
        return value;
    }

    @Override
    public int port(int slot) throws MalformedFieldException {
        long value = count(slot);
        if (value > 65535 || value < -1) {
            throw new MalformedFieldException(names.get(slot), "port out of range");
        }
        return (int) value;
    }

    @Override
    public IpAddress address(int slot) throws MalformedFieldException {
        int at = slots[slot];
        return switch (record.kind(at)) {
            case ABSENT, NULL -> null;
            case STRING -> {
                String text = record.string(at);
                if (text.isEmpty()) {
                    yield null;
                }
                IpAddress address = IpAddress.tryParse(text);
                if (address == null) {
                    throw new MalformedFieldException(names.get(slot), "not an address");
                }
                yield address;
            }
            default -> throw wrongType(slot, "an address string");
        };
    }

    @Override
    public boolean bool(int slot, boolean fallback) throws MalformedFieldException {
        int at = slots[slot];
        return switch (record.kind(at)) {
            case ABSENT, NULL -> fallback;
            case TRUE -> true;
            case FALSE -> false;
            default -> throw wrongType(slot, "a boolean");
        };
    }

    @Override
    public List<String> list(int slot) throws MalformedFieldException {
        int at = slots[slot];
        return switch (record.kind(at)) {
            case ABSENT, NULL -> List.of();
            case ARRAY -> {
                List<String> items = record.array(at);
                if (record.irregular(at) || items.contains(null)) {
                    throw new MalformedFieldException(names.get(slot), "array holds objects, arrays or nulls");
                }
                List<String> texts = new ArrayList<>(items.size());
                for (String item : items) {
                    texts.add(unescape(item));
                }
                yield texts;
            }
            default -> throw wrongType(slot, "an array");
        };
    }

    @Override
    public List<Double> seconds(int slot) throws MalformedFieldException {
        int at = slots[slot];
        if (record.kind(at) == Kind.ARRAY && !record.irregular(at)) {
            List<Double> values = new ArrayList<>();
            for (String item : record.array(at)) {
                double seconds;
                try {
                    seconds = Double.parseDouble(item);
                } catch (NumberFormatException | NullPointerException e) {
                    throw new MalformedFieldException(names.get(slot), "array item is not a number of seconds");
                }
                if (!ZeekLog.validSeconds(seconds)) {
                    throw new MalformedFieldException(names.get(slot), "array item is not a number of seconds");
                }
                values.add(seconds);
            }
            return values;
        }
        return switch (record.kind(at)) {
            case ABSENT, NULL -> List.of();
            default -> throw wrongType(slot, "an array of seconds");
        };
    }

    private MalformedFieldException wrongType(int slot, String expected) {
        return new MalformedFieldException(names.get(slot),
                "expected " + expected + ", found " + record.describe(slots[slot]));
    }

    /**
     * Resolves Zeek's {@code \xNN} escapes of bytes that are not valid UTF-8, as the TSV reader does, so that
     * both writers give the same text; text without them is returned as is.
     */
    static String unescape(String text) {
        if (text.indexOf("\\x") < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 3 < text.length() && text.charAt(i + 1) == 'x') {
                int high = Character.digit(text.charAt(i + 2), 16);
                int low = Character.digit(text.charAt(i + 3), 16);
                if (high >= 0 && low >= 0) {
                    bytes.write(high << 4 | low);
                    i += 4;
                    continue;
                }
            }
            int end = i + Character.charCount(text.codePointAt(i));
            byte[] encoded = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
            bytes.write(encoded, 0, encoded.length);
            i = end;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
