package io.stagehunt.detect.dga.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of one MISP warninglist file (the JSON format of the MISP project's warninglists: a
 * {@code name} and a {@code list} of strings). Immutable.
 */
public record Warninglist(String name, List<String> entries) {

    public Warninglist {
        entries = List.copyOf(entries);
    }

    /** Reads a warninglist; fails with a message naming the file when it is not one. */
    public static Warninglist read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("list");
        if (list == null || !list.isArray()) {
            throw new IOException(file + ": not a MISP warninglist (no \"list\" array)");
        }
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : list) {
            if (entry.isTextual()) {
                entries.add(entry.asText());
            }
        }
        JsonNode name = root.get("name");
        return new Warninglist(name != null && name.isTextual() ? name.asText() : file.getFileName().toString(),
                entries);
    }
}
