package io.stagehunt.intel.misp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.FeedInput;
import java.io.IOException;
import java.io.InputStream;

/** Reads a whole MISP JSON document; a JSON error refuses the file with its location. */
final class MispJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MispJson() {
    }

    static JsonNode read(FeedInput input, FeedContext context) throws IOException {
        try (InputStream in = input.open()) {
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines()
                    .findFirst().orElse("unreadable");
            throw new IOException("not valid JSON at line " + line + ": " + message, e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && (value.isTextual() || value.isNumber()) ? value.asText() : null;
    }
}
