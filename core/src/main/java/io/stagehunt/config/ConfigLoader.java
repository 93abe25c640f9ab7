package io.stagehunt.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.stagehunt.detect.DetectorCatalog;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.IndicatorIndex;
import io.stagehunt.net.Cidr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML configuration file:
 *
 * <pre>
 * internal: [10.0.0.0/8, 192.168.0.0/16]
 * intel: [feeds/]
 * allowlists: [lists/our-saas.list]
 * detectors:
 *   beacon:
 *     reportScore: 0.5          # any component of the detector's settings; the rest keep their defaults
 *   dns-surge:
 *     enabled: false
 * </pre>
 *
 * Paths are relative to the file's folder. Each detector's settings are its defaults overlaid with what the file
 * gives and bound to the detector's settings record, so the detector's own validation applies. All problems are
 * collected and reported together. Thread-safe.
 */
public final class ConfigLoader {

    private static final String ENABLED = "enabled";
    private static final Set<String> SECTIONS = Set.of("internal", "intel", "allowlists", "detectors");

    private final ObjectMapper yaml;

    public ConfigLoader() {
        this.yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public StagehuntConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read: " + e.getMessage()));
        }
        Path folder = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), folder);
    }

    /** Parses configuration text; relative paths resolve against {@code folder}. */
    public StagehuntConfig parse(String text, String origin, Path folder) throws ConfigException {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new ConfigException(origin, List.of(where + "not valid YAML: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return StagehuntConfig.DEFAULTS;
        }
        List<String> problems = new ArrayList<>();
        if (!root.isObject()) {
            throw new ConfigException(origin, List.of("the file must be a mapping of sections"));
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!SECTIONS.contains(name)) {
                problems.add("unknown section '" + name + "' (known: " + String.join(", ", SECTIONS.stream()
                        .sorted().toList()) + ")");
            }
        });
        List<String> internal = strings(root, "internal", problems);
        for (String range : internal) {
            try {
                Cidr.parse(range);
            } catch (IllegalArgumentException e) {
                problems.add("internal: " + e.getMessage());
            }
        }
        List<String> intel = new ArrayList<>();
        for (String feed : strings(root, "intel", problems)) {
            intel.add(feed.contains("://") ? feed : folder.resolve(feed).toString());
        }
        List<Path> allowlists = strings(root, "allowlists", problems).stream().map(folder::resolve).toList();
        Set<String> disabled = new HashSet<>();
        Map<String, Object> settings = new HashMap<>();
        bindDetectors(root.get("detectors"), disabled, settings, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(origin, problems);
        }
        return new StagehuntConfig(internal, intel, allowlists, disabled, settings);
    }

    private void bindDetectors(JsonNode detectors, Set<String> disabled, Map<String, Object> settings,
            List<String> problems) {
        if (detectors == null || detectors.isNull()) {
            return;
        }
        if (!detectors.isObject()) {
            problems.add("detectors: expected a mapping of detector ids");
            return;
        }
        Map<String, DetectorCatalog.Entry<?>> catalog = catalog();
        Iterator<Map.Entry<String, JsonNode>> fields = detectors.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String id = field.getKey();
            DetectorCatalog.Entry<?> entry = catalog.get(id);
            if (entry == null) {
                problems.add("detectors." + id + ": no such detector (known: " + String.join(", ", catalog.keySet())
                        + ")");
                continue;
            }
            if (!field.getValue().isObject()) {
                problems.add("detectors." + id + ": expected a mapping");
                continue;
            }
            ObjectNode overrides = ((ObjectNode) field.getValue()).deepCopy();
            JsonNode enabled = overrides.remove(ENABLED);
            if (enabled != null && !enabled.isBoolean()) {
                problems.add("detectors." + id + ".enabled: expected true or false");
            } else if (enabled != null && !enabled.booleanValue()) {
                disabled.add(id);
            }
            if (!overrides.isEmpty()) {
                Object bound = bind(entry, overrides, "detectors." + id, problems);
                if (bound != null) {
                    settings.put(id, bound);
                }
            }
        }
    }

    /** The entry's defaults overlaid with the overrides, bound to its settings type; null after a problem. */
    private Object bind(DetectorCatalog.Entry<?> entry, ObjectNode overrides, String place, List<String> problems) {
        JsonNode merged = overlay(yaml.valueToTree(entry.defaults()), overrides, place, problems);
        if (merged == null) {
            return null;
        }
        try {
            return yaml.treeToValue(merged, entry.settingsType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems.add(place + ": " + describe(e));
            return null;
        }
    }

    private static JsonNode overlay(JsonNode defaults, JsonNode overrides, String place, List<String> problems) {
        if (!(defaults instanceof ObjectNode base) || !overrides.isObject()) {
            return overrides;
        }
        ObjectNode merged = base.deepCopy();
        boolean fine = true;
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (!base.has(name)) {
                problems.add(place + "." + name + ": no such setting (known: "
                        + String.join(", ", iterable(base.fieldNames())) + ")");
                fine = false;
                continue;
            }
            JsonNode value = overlay(base.get(name), field.getValue(), place + "." + name, problems);
            if (value == null) {
                fine = false;
            } else {
                merged.set(name, value);
            }
        }
        return fine ? merged : null;
    }

    private static List<String> strings(JsonNode root, String section, List<String> problems) {
        JsonNode node = root.get(section);
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isTextual()) {
                    values.add(node.get(i).asText());
                } else {
                    problems.add(section + "[" + i + "]: expected text");
                }
            }
        } else {
            problems.add(section + ": expected a list");
        }
        return values;
    }

    /** Every detector's effective settings as YAML: the commented defaults file, or what a config changes. */
    public String describe(StagehuntConfig config) {
        ObjectNode root = yaml.createObjectNode();
        root.set("internal", yaml.valueToTree(config.internal()));
        root.set("intel", yaml.valueToTree(config.intel()));
        root.set("allowlists", yaml.valueToTree(config.allowlists().stream().map(Path::toString).toList()));
        ObjectNode detectors = root.putObject("detectors");
        for (DetectorCatalog.Entry<?> entry : catalog().values()) {
            ObjectNode node = detectors.putObject(entry.id());
            node.put(ENABLED, !config.disabled().contains(entry.id()));
            Object settings = config.detectorSettings().getOrDefault(entry.id(), entry.defaults());
            node.setAll((ObjectNode) sortSets(yaml.valueToTree(settings)));
        }
        try {
            return yaml.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings that cannot be written as YAML: " + e.getMessage(), e);
        }
    }

    /**
     * Sorts arrays of plain values, so that settings held in sets print the same on every run; no setting
     * depends on the order of such a list.
     */
    private static JsonNode sortSets(JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> ((ObjectNode) node).set(field.getKey(), sortSets(field.getValue())));
        } else if (node.isArray() && node.size() > 1) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            if (items.stream().allMatch(JsonNode::isValueNode)) {
                items.sort((a, b) -> a.isNumber() && b.isNumber() ? Double.compare(a.asDouble(), b.asDouble())
                        : a.asText().compareTo(b.asText()));
                ArrayNode sorted = ((ArrayNode) node).removeAll();
                items.forEach(sorted::add);
            } else {
                items.forEach(ConfigLoader::sortSets);
            }
        }
        return node;
    }

    private static Map<String, DetectorCatalog.Entry<?>> catalog() {
        Map<String, DetectorCatalog.Entry<?>> entries = new LinkedHashMap<>();
        for (DetectorCatalog.Entry<?> entry : DetectorCatalog.network()) {
            entries.put(entry.id(), entry);
        }
        DetectorCatalog.Entry<?> intel = DetectorCatalog.intel(IndicatorIndex.empty(), BenignList.empty());
        entries.put(intel.id(), intel);
        return entries;
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause instanceof JsonProcessingException json ? json.getOriginalMessage()
                : cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static Iterable<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
