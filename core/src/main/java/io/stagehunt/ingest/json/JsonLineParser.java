package io.stagehunt.ingest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.stagehunt.ingest.json.JsonRecord.Kind;
import io.stagehunt.ingest.json.JsonSchema.Node;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Parses one line holding one JSON object into a {@link JsonRecord}, with Jackson's streaming parser reading
 * the line's bytes in place: only the values the {@link JsonSchema} names are decoded, the rest is skipped,
 * and no tree is built. A line that is not exactly one well-formed UTF-8 JSON object is refused with a short
 * reason whose wording does not depend on the line's content, so that quarantine reasons stay few.
 * Not thread-safe (one per reader).
 */
public final class JsonLineParser {

    /** Deeper nesting than any real log record uses; stops stack-hungry hostile input early. */
    public static final int MAX_DEPTH = 64;
    /** Longer than any number a log writes; stops hostile digit runs before Jackson converts them. */
    public static final int MAX_NUMBER_LENGTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();
    private static final BigDecimal MAX_MILLIONTHS = BigDecimal.valueOf(Long.MAX_VALUE);

    private final Node root;

    public JsonLineParser(JsonSchema schema) {
        this.root = schema.root();
    }

    /** The factory the JSON readers share, with limits on nesting and number length. */
    static JsonFactory factory() {
        return FACTORY;
    }

    /**
     * Fills {@code record} from {@code bytes[start, end)}; returns null when the line is one well-formed JSON
     * object, else the reason it is not (the record's content is then unspecified).
     */
    public String parse(byte[] bytes, int start, int end, JsonRecord record) {
        record.clear();
        String encoding = Utf8.check(bytes, start, end);
        if (encoding != null) {
            return encoding;
        }
        int first = start;
        while (first < end && isWhitespace(bytes[first])) {
            first++;
        }
        if (first == end || bytes[first] != '{') {
            return "not a JSON object";
        }
        try (JsonParser parser = FACTORY.createParser(bytes, first, end - first)) {
            parser.nextToken();
            readObject(parser, root, record, true);
            if (parser.nextToken() != null) {
                return "trailing content after the JSON object";
            }
            return null;
        } catch (JsonEOFException e) {
            return "truncated JSON (the line ends inside a value)";
        } catch (StreamConstraintsException e) {
            return constraint(e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return "malformed JSON: " + gist(e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            return "malformed JSON: " + e.getClass().getSimpleName();
        }
    }

    private static void readObject(JsonParser parser, Node node, JsonRecord record, boolean top) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (top) {
                record.addKey(key);
            }
            JsonToken value = parser.nextToken();
            Node child = node.children.get(key);
            if (child == null) {
                parser.skipChildren();
                continue;
            }
            if (child.column && (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)
                    && child.children.isEmpty()) {
                appendScalar(parser, value, record.column(child.slot), child.slot, record);
            } else if (value == JsonToken.START_OBJECT) {
                if (!child.children.isEmpty()) {
                    readObject(parser, child, record, false);
                } else if (child.groupValues >= 0) {
                    readGrouped(parser, child, record);
                } else {
                    if (child.slot >= 0) {
                        record.set(child.slot, Kind.OBJECT);
                    }
                    parser.skipChildren();
                }
            } else if (value == JsonToken.START_ARRAY) {
                if (child.elements != null) {
                    readElements(parser, child, record);
                } else if (child.slot >= 0) {
                    readScalarArray(parser, child.slot, record);
                } else {
                    parser.skipChildren();
                }
            } else if (child.slot >= 0) {
                if (child.column) {
                    appendScalar(parser, value, record.column(child.slot), child.slot, record);
                } else {
                    setScalar(parser, value, child.slot, record);
                }
            }
        }
    }

    private static void setScalar(JsonParser parser, JsonToken token, int slot, JsonRecord record)
            throws IOException {
        switch (token) {
            case VALUE_STRING -> record.setString(slot, parser.getText());
            case VALUE_NUMBER_INT -> {
                JsonParser.NumberType type = parser.getNumberType();
                if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                    record.setNumber(slot, Kind.INTEGER, parser.getLongValue());
                } else {
                    record.set(slot, Kind.TOO_LARGE);
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                long millionths = millionths(parser.getTextCharacters(), parser.getTextOffset(),
                        parser.getTextLength());
                if (millionths == Long.MIN_VALUE) {
                    record.set(slot, Kind.TOO_LARGE);
                } else {
                    record.setNumber(slot, Kind.DECIMAL, millionths);
                }
            }
            case VALUE_TRUE -> record.set(slot, Kind.TRUE);
            case VALUE_FALSE -> record.set(slot, Kind.FALSE);
            default -> record.set(slot, Kind.NULL);
        }
    }

    private static void readScalarArray(JsonParser parser, int slot, JsonRecord record) throws IOException {
        List<String> items = record.startArray(slot);
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            appendScalar(parser, token, items, slot, record);
        }
    }

    private static void appendScalar(JsonParser parser, JsonToken token, List<String> items, int slot,
            JsonRecord record) throws IOException {
        switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                    items.add(parser.getText());
            case VALUE_NULL -> items.add(null);
            default -> {
                parser.skipChildren();
                items.add(null);
                record.markIrregular(slot);
            }
        }
    }

    private static void readElements(JsonParser parser, Node array, JsonRecord record) throws IOException {
        int[] columns = array.columns;
        for (int column : columns) {
            record.column(column);
        }
        int count = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            count++;
            if (token == JsonToken.START_OBJECT) {
                readObject(parser, array.elements, record, false);
            } else {
                parser.skipChildren();
                for (int column : columns) {
                    record.markIrregular(column);
                }
            }
            for (int column : columns) {
                List<String> items = record.column(column);
                while (items.size() < count) {
                    items.add(null);
                }
            }
        }
    }

    private static void readGrouped(JsonParser parser, Node node, JsonRecord record) throws IOException {
        List<String> values = record.startArray(node.groupValues);
        List<String> keys = record.startArray(node.groupKeys);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    appendGrouped(parser, token, values);
                    keys.add(key);
                }
            } else {
                appendGrouped(parser, token, values);
                keys.add(key);
            }
        }
    }

    /** Grouped values may be structured (SRV, SOA): those are kept as null, the others as text. */
    private static void appendGrouped(JsonParser parser, JsonToken token, List<String> values) throws IOException {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            values.add(null);
        } else {
            values.add(token == JsonToken.VALUE_NULL ? null : parser.getText());
        }
    }

    /**
     * A JSON number as millionths, truncating digits beyond the sixth decimal as Zeek's own reader does;
     * {@link Long#MIN_VALUE} when it does not fit.
     */
    static long millionths(char[] chars, int offset, int length) {
        int end = offset + length;
        int i = offset;
        boolean negative = i < end && chars[i] == '-';
        if (negative) {
            i++;
        }
        long whole = 0;
        int wholeDigits = 0;
        for (; i < end && chars[i] >= '0' && chars[i] <= '9'; i++) {
            whole = whole * 10 + (chars[i] - '0');
            wholeDigits++;
        }
        if (wholeDigits == 0 || wholeDigits > 12) {
            return viaBigDecimal(chars, offset, length);
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < end && chars[i] == '.') {
            for (i++; i < end && chars[i] >= '0' && chars[i] <= '9'; i++) {
                if (fractionDigits < 6) {
                    fraction = fraction * 10 + (chars[i] - '0');
                    fractionDigits++;
                }
            }
        }
        if (i != end) {
            return viaBigDecimal(chars, offset, length);
        }
        for (; fractionDigits < 6; fractionDigits++) {
            fraction *= 10;
        }
        long value = whole * 1_000_000L + fraction;
        return negative ? -value : value;
    }

    private static long viaBigDecimal(char[] chars, int offset, int length) {
        try {
            BigDecimal value = new BigDecimal(chars, offset, length).movePointRight(6)
                    .setScale(0, RoundingMode.DOWN);
            return value.abs().compareTo(MAX_MILLIONTHS) > 0 ? Long.MIN_VALUE : value.longValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private static String constraint(String message) {
        String text = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (text.contains("nesting")) {
            return "JSON nested deeper than " + MAX_DEPTH + " levels";
        }
        if (text.contains("number")) {
            return "JSON number longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        return "JSON value exceeds a parser limit";
    }

    /** The data-free head of a Jackson message: "Unexpected character ('x' (code 120))" gives its first words. */
    static String gist(String message) {
        if (message == null) {
            return "unreadable";
        }
        int cut = message.length();
        for (char stop : new char[] {'\'', '(', ':', '\n', '"'}) {
            int at = message.indexOf(stop);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String head = message.substring(0, Math.min(cut, 60)).strip();
        return head.isEmpty() ? "unreadable" : head;
    }
}
