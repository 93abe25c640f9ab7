package io.stagehunt.intel.abusech;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagehunt.intel.FeedText;
import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.FeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the records of abuse.ch JSON feeds: a top-level array of objects, or a top-level object whose array
 * members hold them ({@code {"data": [...]}}, ThreatFox's {@code {"<id>": [...]}}). Each record is counted as
 * read before the format sees it; a JSON error refuses the record at that point and stops the file.
 */
final class JsonRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Handles one record; reports exactly one outcome for it. */
    @FunctionalInterface
    interface Handler {
        void accept(JsonNode record, long line);
    }

    private JsonRecords() {
    }

    static void read(FeedInput input, FeedContext context, Handler handler) throws IOException {
        try (InputStream in = input.open(); JsonParser parser = new JsonFactory(MAPPER).createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readArray(parser, context, handler);
            } else if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.START_ARRAY) {
                        readArray(parser, context, handler);
                    } else if (field.equals("query_status") && value == JsonToken.VALUE_STRING
                            && !parser.getText().equals("ok")) {
                        context.account().note("query_status '" + FeedText.excerpt(parser.getText()) + "'");
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                throw new JsonParseException(parser, "the document is not a JSON object or array");
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = oneLine(e.getOriginalMessage());
            context.read();
            context.refuse(line, "not valid JSON: " + message, "");
            throw new IOException("not valid JSON at line " + line + ": " + message, e);
        }
    }

    private static void readArray(JsonParser parser, FeedContext context, Handler handler) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new JsonParseException(parser, "unexpected end of input inside an array");
            }
            long line = parser.currentTokenLocation().getLineNr();
            JsonNode record = parser.readValueAsTree();
            context.read();
            if (!record.isObject()) {
                context.refuse(line, "not a JSON object", FeedText.excerpt(record.toString()));
            } else {
                handler.accept(record, line);
            }
        }
    }

    static String text(JsonNode record, String... fields) {
        for (String field : fields) {
            JsonNode value = record.get(field);
            if (value != null && (value.isTextual() || value.isNumber())) {
                return value.asText();
            }
        }
        return null;
    }

    /** Tags given as a JSON array or a comma-separated string. */
    static List<String> tags(JsonNode value) {
        List<String> tags = new ArrayList<>();
        if (value == null || value.isNull()) {
            return tags;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                String label = element.isTextual() ? FeedText.label(element.asText()) : null;
                if (label != null && tags.size() < 10) {
                    tags.add(label);
                }
            }
        } else if (value.isTextual()) {
            for (String part : value.asText().split(",")) {
                String label = FeedText.label(part);
                if (label != null && tags.size() < 10) {
                    tags.add(label);
                }
            }
        }
        return tags;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }
}
