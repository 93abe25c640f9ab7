package io.stagehunt.ingest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.util.HashMap;
import java.util.Map;

/**
 * A light look at one line for format recognition: the top-level keys of a one-line JSON object, each with its
 * value as text when it is a scalar. Never throws. Stateless and thread-safe.
 */
public final class JsonHead {

    /** Marks a key whose value is an object or an array. */
    public static final String COMPOSITE = "\u0000composite";

    private JsonHead() {
    }

    /**
     * The top-level keys of {@code line} mapped to their scalar values as text ({@link #COMPOSITE} for objects
     * and arrays, null for JSON null); null when the line is not exactly one JSON object.
     */
    public static Map<String, String> topLevel(String line) {
        if (line == null || !line.stripLeading().startsWith("{")) {
            return null;
        }
        try (JsonParser parser = JsonLineParser.factory().createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, String> values = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    values.put(key, COMPOSITE);
                } else {
                    values.put(key, value == JsonToken.VALUE_NULL ? null : parser.getText());
                }
            }
            return parser.nextToken() == null ? values : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** True when the text is a JSON number as {@link #topLevel} reports one. */
    public static boolean isNumber(String text) {
        if (text == null || text.isEmpty() || COMPOSITE.equals(text)) {
            return false;
        }
        try {
            Double.parseDouble(text);
            return Character.isDigit(text.charAt(text.length() - 1));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
