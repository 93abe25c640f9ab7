package io.stagehunt.intel.stix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagehunt.ingest.Head;
import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.FeedFormat;
import io.stagehunt.intel.feed.FeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A STIX 2.1 (or 2.0) bundle, {@code {"type": "bundle", "objects": [...]}}, a bare JSON array of STIX
 * objects, or a single STIX object. Objects are streamed one at a time, so bundles larger than memory load as far as their indicators
 * fit. A JSON error stops the file at that point; what came before stays loaded.
 */
public final class StixBundleFormat implements FeedFormat {

    public static final String ID = "stix21";

    private static final Pattern BUNDLE = Pattern.compile("\"type\"\\s*:\\s*\"bundle\"");
    private static final Pattern SPEC_VERSION = Pattern.compile("\"spec_version\"\\s*:\\s*\"2\\.[01]\"");
    private static final Pattern STIX_ID = Pattern.compile("\"id\"\\s*:\\s*\"[a-z0-9-]+--[0-9a-fA-F-]{36}\"");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "STIX 2.1 bundle";
    }

    @Override
    public int recognize(Head head) {
        String text = new String(head.bytes(), 0, head.length(), StandardCharsets.UTF_8);
        String start = text.stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            return 0;
        }
        if (BUNDLE.matcher(text).find() && STIX_ID.matcher(text).find()) {
            return 95;
        }
        if (SPEC_VERSION.matcher(text).find() && STIX_ID.matcher(text).find()) {
            return 80;
        }
        return 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        StixObjects objects = new StixObjects(context, ID);
        try (InputStream in = input.open(); JsonParser parser = new JsonFactory(MAPPER).createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readObjects(parser, objects);
            } else if (first == JsonToken.START_OBJECT) {
                long line = parser.currentTokenLocation().getLineNr();
                ObjectNode rest = MAPPER.createObjectNode();
                boolean bundle = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("objects") && value == JsonToken.START_ARRAY) {
                        bundle = true;
                        readObjects(parser, objects);
                    } else {
                        rest.set(field, parser.readValueAsTree());
                    }
                }
                if (!bundle && !"bundle".equals(StixObjects.text(rest, "type"))) {
                    objects.accept(rest, line);
                }
            } else {
                throw new JsonParseException(parser, "the document is not a JSON object or array");
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            context.read();
            context.refuse(line, "not valid JSON: " + oneLine(e.getOriginalMessage()), "");
            throw new IOException("not valid JSON at line " + line + ": " + oneLine(e.getOriginalMessage()), e);
        } finally {
            objects.finish();
        }
    }

    private static void readObjects(JsonParser parser, StixObjects objects) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                throw new JsonParseException(parser, "unexpected end of input inside the objects array");
            }
            long line = parser.currentTokenLocation().getLineNr();
            JsonNode object = parser.readValueAsTree();
            objects.accept(object, line);
        }
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline >= 0 ? message.substring(0, newline) : message;
    }
}
