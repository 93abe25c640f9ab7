package io.stagehunt.refine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagehunt.net.Cidr;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads allowlists in two formats, recognized by content:
 *
 * <ul>
 *   <li><b>MISP warninglist JSON</b> ({@code name}, {@code type}, {@code matching_attributes}, {@code list}).
 *       Types: {@code string} (exact; an entry written {@code .example.com} also takes its subdomains),
 *       {@code hostname} (the name and its subdomains), {@code substring}, {@code regex} and {@code cidr}.
 *       Entries of a name list that are addresses or ranges are taken as ranges.</li>
 *   <li><b>Plain lists</b>, one entry a line: {@code example.com} (exactly that name),
 *       {@code .example.com} (the name and its subdomains), {@code *.example.com} (its subdomains only), an
 *       address, or a CIDR range. {@code #} starts a comment; header comments {@code # name:},
 *       {@code # source:} and {@code # reduction:} describe the list.</li>
 * </ul>
 *
 * <p>Entries that cannot be used are skipped and reported with file and line; a file that cannot be read at all
 * is an error. Stateless and thread-safe.
 */
public final class AllowlistFiles {

    /** The lists shipped with stagehunt, in {@code src/main/resources/io/stagehunt/refine/}. */
    public static final List<String> BUNDLED = List.of(
            "os-update.list", "pki.list", "time.list", "public-resolvers.list", "telemetry.list",
            "collaboration-media.list", "cdn.list");

    private static final ObjectMapper JSON = new ObjectMapper();

    private AllowlistFiles() {
    }

    /** An entry that was skipped, or a file that could not be read: where, and why. */
    public record Problem(String location, String message) {
        @Override
        public String toString() {
            return location + ": " + message;
        }
    }

    /** An allowlist and the entries that could not be used. */
    public record Loaded(Allowlist allowlist, List<Problem> skipped) {
        public Loaded {
            skipped = List.copyOf(skipped);
        }
    }

    /** The bundled default lists. */
    public static Allowlist bundled() {
        return withBundled().build();
    }

    /** A builder holding the bundled default lists, for adding a site's own lists after them. */
    public static Allowlist.Builder withBundled() {
        Allowlist.Builder builder = Allowlist.builder();
        List<Problem> problems = new ArrayList<>();
        for (String name : BUNDLED) {
            try (InputStream in = AllowlistFiles.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("bundled allowlist missing: " + name);
                }
                read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name, 0, builder, problems);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("bundled allowlists have bad entries: " + problems);
        }
        return builder;
    }

    /**
     * Reads files into one allowlist, after the entries already in {@code builder}.
     *
     * @param defaultReduction the reduction of lists that do not state one (all MISP warninglists)
     * @throws IllegalArgumentException naming every file that could not be read
     */
    public static Loaded load(List<Path> files, double defaultReduction, Allowlist.Builder builder) {
        List<Problem> skipped = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                errors.add(new Problem(file.toString(), "cannot read: " + e.getMessage()));
                continue;
            }
            try {
                read(text, file.getFileName().toString(), defaultReduction, builder, skipped);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem(file.toString(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("unusable allowlist files: " + errors);
        }
        return new Loaded(builder.build(), skipped);
    }

    /**
     * Reads one list of either format into {@code builder}.
     *
     * @param origin how to name the list's location in problems and, without a name header, the list itself
     * @throws IllegalArgumentException when the text is not a list at all
     */
    public static void read(String text, String origin, double defaultReduction, Allowlist.Builder builder,
            List<Problem> skipped) {
        String head = text.stripLeading();
        if (head.startsWith("{")) {
            readMisp(text, origin, defaultReduction, builder, skipped);
        } else {
            readPlain(new StringReader(text), origin, defaultReduction, builder, skipped);
        }
    }

    /** Reads a MISP warninglist. */
    public static void readMisp(String json, String origin, double reduction, Allowlist.Builder builder,
            List<Problem> skipped) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        }
        JsonNode list = root.get("list");
        if (!root.isObject() || list == null || !list.isArray()) {
            throw new IllegalArgumentException("not a MISP warninglist: no \"list\" array");
        }
        String name = root.hasNonNull("name") ? root.get("name").asText() : origin;
        String type = root.hasNonNull("type") ? root.get("type").asText().toLowerCase(Locale.ROOT) : "string";
        String description = root.hasNonNull("description") ? root.get("description").asText() : "";
        Allowlist.Source source = new Allowlist.Source(name,
                description.isEmpty() ? origin : origin + " (" + description + ")", reduction);
        boolean names = appliesTo(root, true);
        boolean addresses = appliesTo(root, false);
        builder.source(source);
        for (int index = 0; index < list.size(); index++) {
            JsonNode item = list.get(index);
            String location = origin + ": list[" + index + "]";
            if (!item.isTextual() || item.asText().isBlank()) {
                skipped.add(new Problem(location, "not a text entry"));
                continue;
            }
            String entry = item.asText().strip();
            try {
                addMisp(type, entry, names, addresses, source, builder);
            } catch (IllegalArgumentException e) {
                skipped.add(new Problem(location, e.getMessage()));
            }
        }
    }

    private static void addMisp(String type, String entry, boolean names, boolean addresses, Allowlist.Source source,
            Allowlist.Builder builder) {
        switch (type) {
            case "cidr" -> {
                if (addresses) {
                    builder.range(Cidr.parse(entry), entry, source);
                }
            }
            case "string", "hostname" -> {
                Cidr range = tryRange(entry);
                if (range != null) {
                    if (addresses) {
                        builder.range(range, entry, source);
                    }
                } else if (names) {
                    String bare = entry.startsWith(".") ? entry.substring(1) : entry;
                    if (type.equals("hostname") || entry.startsWith(".")) {
                        builder.nameWithSubdomains(bare, entry, source);
                    } else {
                        builder.exactName(bare, entry, source);
                    }
                }
            }
            case "substring" -> {
                if (names) {
                    builder.substring(entry, source);
                }
            }
            case "regex" -> {
                if (names) {
                    builder.pattern(entry, source);
                }
            }
            default -> throw new IllegalArgumentException("unknown warninglist type '" + type + "'");
        }
    }

    /**
     * Whether a warninglist is meant for names (or for addresses). MISP matches a list only against the attribute
     * types it names; a list naming none applies to all.
     */
    private static boolean appliesTo(JsonNode root, boolean names) {
        JsonNode attributes = root.get("matching_attributes");
        if (attributes == null || !attributes.isArray() || attributes.isEmpty()) {
            return true;
        }
        for (JsonNode attribute : attributes) {
            String value = attribute.asText();
            boolean nameType = value.equals("hostname") || value.equals("domain") || value.equals("domain|ip")
                    || value.equals("url") || value.equals("uri");
            boolean addressType = value.startsWith("ip-") || value.equals("domain|ip");
            if (names ? nameType : addressType) {
                return true;
            }
        }
        return false;
    }

    /** Reads a plain list. */
    public static void readPlain(Reader text, String origin, double defaultReduction, Allowlist.Builder builder,
            List<Problem> skipped) {
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(text)) {
            lines = reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = origin;
        String where = origin;
        double reduction = defaultReduction;
        boolean header = true;
        List<String> problemsInHeader = new ArrayList<>();
        for (String line : lines) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                header = false;
            }
            if (header && stripped.startsWith("#")) {
                String comment = stripped.substring(1).strip();
                String lower = comment.toLowerCase(Locale.ROOT);
                if (lower.startsWith("name:")) {
                    name = comment.substring(5).strip();
                } else if (lower.startsWith("source:") && where.equals(origin)) {
                    where = origin + " (" + comment.substring(7).strip() + ")";
                } else if (lower.startsWith("reduction:")) {
                    try {
                        reduction = Double.parseDouble(comment.substring(10).strip());
                    } catch (NumberFormatException e) {
                        problemsInHeader.add("bad reduction '" + comment.substring(10).strip() + "'");
                    }
                }
            }
        }
        if (!problemsInHeader.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problemsInHeader));
        }
        Allowlist.Source source = new Allowlist.Source(name, where, reduction);
        builder.source(source);
        for (int index = 0; index < lines.size(); index++) {
            String entry = lines.get(index);
            int comment = entry.indexOf('#');
            if (comment >= 0) {
                entry = entry.substring(0, comment);
            }
            entry = entry.strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                addPlain(entry, source, builder);
            } catch (IllegalArgumentException e) {
                skipped.add(new Problem(origin + ":" + (index + 1), e.getMessage()));
            }
        }
    }

    private static void addPlain(String entry, Allowlist.Source source, Allowlist.Builder builder) {
        Cidr range = tryRange(entry);
        if (range != null) {
            builder.range(range, entry, source);
        } else if (entry.startsWith("*.")) {
            builder.subdomainsOf(entry.substring(2), entry, source);
        } else if (entry.startsWith(".")) {
            builder.nameWithSubdomains(entry.substring(1), entry, source);
        } else if (entry.contains("/") || entry.contains("*") || DomainName.normalize(entry) == null) {
            throw new IllegalArgumentException("neither a domain, a '*.' or '.' suffix, an address nor a CIDR: '"
                    + entry + "'");
        } else {
            builder.exactName(entry, entry, source);
        }
    }

    /** The entry as a range when it is an address or CIDR, else null (a bad prefix is an error). */
    private static Cidr tryRange(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (IpAddress.tryParse(address) == null) {
            return null;
        }
        return Cidr.parse(entry);
    }
}
