package io.stagehunt.intel.misp;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagehunt.ingest.Head;
import io.stagehunt.intel.Attribution;
import io.stagehunt.intel.FeedText;
import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.FeedFormat;
import io.stagehunt.intel.feed.FeedInput;
import io.stagehunt.intel.feed.FeedTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MISP events and attributes in MISP's JSON: {@code {"Event": {...}}}, a bare event, a list of events, a REST
 * search answer ({@code {"response": ...}}), an attribute list, or one attribute. Each attribute (object
 * attributes included) is one record. Attributes with {@code to_ids} false or {@code deleted} true are skipped
 * by design; types that are no network or file observable ({@code regkey}, {@code text}) are skipped by name.
 * The family comes from malware galaxies and tags ({@code misp-galaxy:malpedia="Xorist"}); the listing time
 * from {@code first_seen}, else the attribute's {@code timestamp}.
 */
public final class MispEventFormat implements FeedFormat {

    public static final String ID = "misp-event";

    private static final Pattern GALAXY_TAG = Pattern.compile(
            "^misp-galaxy:(malpedia|ransomware|rat|botnet|tool|backdoor|banker|stealer|android|malware|"
                    + "exploit-kit)=\"(.+)\"$");
    private static final Set<String> FAMILY_GALAXIES = Set.of("malpedia", "ransomware", "rat", "botnet", "tool",
            "backdoor", "banker", "stealer", "android", "malware", "exploit-kit");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "MISP event JSON";
    }

    @Override
    public int recognize(Head head) {
        String text = new String(head.bytes(), 0, head.length(), StandardCharsets.UTF_8);
        String start = text.stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            return 0;
        }
        if (text.contains("\"Attribute\"") && (text.contains("\"info\"") || text.contains("\"to_ids\""))) {
            return 85;
        }
        if (text.contains("\"to_ids\"") && text.contains("\"category\"") && text.contains("\"value\"")) {
            return 80;
        }
        return 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        JsonNode document = MispJson.read(input, context);
        readDocument(document, context);
    }

    private void readDocument(JsonNode document, FeedContext context) {
        if (document.isArray()) {
            for (JsonNode element : document) {
                readDocument(element, context);
            }
            return;
        }
        if (!document.isObject()) {
            return;
        }
        if (document.has("response")) {
            readDocument(document.get("response"), context);
        } else if (document.has("Event")) {
            readEvent(document.get("Event"), context);
        } else if (document.has("Attribute") || document.has("info")) {
            readEvent(document, context);
        } else if (document.has("type") && document.has("value")) {
            attribute(document, new EventContext(null, List.of()), context);
        }
    }

    private void readEvent(JsonNode event, FeedContext context) {
        EventContext eventContext = new EventContext(family(event), eventTags(event));
        for (JsonNode attribute : event.path("Attribute")) {
            attribute(attribute, eventContext, context);
        }
        for (JsonNode object : event.path("Object")) {
            if (object.path("deleted").asBoolean(false)) {
                for (JsonNode ignored : object.path("Attribute")) {
                    context.read();
                    context.skip("deleted");
                }
                continue;
            }
            for (JsonNode attribute : object.path("Attribute")) {
                attribute(attribute, eventContext, context);
            }
        }
    }

    /** What an event lends its attributes: the family its galaxies name and its tags. */
    private record EventContext(String family, List<String> tags) {
    }

    private void attribute(JsonNode attribute, EventContext event, FeedContext context) {
        context.read();
        long record = context.account().read();
        String excerpt = attribute.toString();
        if (!attribute.isObject()) {
            context.refuse(record, "not a MISP attribute", excerpt);
            return;
        }
        if (attribute.path("deleted").asBoolean(false)) {
            context.skip("deleted");
            return;
        }
        if (!toIds(attribute.get("to_ids"))) {
            context.skip("to_ids is false (not for detection)");
            return;
        }
        String type = MispJson.text(attribute, "type");
        String value = MispJson.text(attribute, "value");
        if (type == null || value == null) {
            context.refuse(record, "attribute without type or value", excerpt);
            return;
        }
        try {
            List<Typed> values = values(type.toLowerCase(Locale.ROOT), value);
            if (values == null) {
                context.skip("MISP type '" + (type.length() <= 40 ? FeedText.excerpt(type) : "other")
                        + "' is not a network or file observable");
                return;
            }
            String family = event.family() != null ? event.family() : family(attribute);
            List<String> tags = new ArrayList<>();
            String category = FeedText.label(MispJson.text(attribute, "category"));
            if (category != null) {
                tags.add(category);
            }
            tags.addAll(event.tags());
            Attribution attribution = context.attribution(ID).withMalware(family)
                    .withTags(tags.stream().distinct().limit(10).toList());
            long firstSeen = FeedTime.parse(MispJson.text(attribute, "first_seen"));
            if (firstSeen == Indicator.UNKNOWN_TIME) {
                firstSeen = FeedTime.parse(MispJson.text(attribute, "timestamp"));
            }
            long lastSeen = FeedTime.parse(MispJson.text(attribute, "last_seen"));
            List<Indicator> indicators = new ArrayList<>();
            for (Typed typed : values) {
                FeedContext.check(typed.type(), typed.value());
                indicators.add(new Indicator(typed.type(), typed.value(), typed.port(), attribution,
                        Indicator.UNKNOWN_CONFIDENCE, firstSeen, lastSeen, Indicator.NO_EXPIRY,
                        FeedText.label(MispJson.text(attribute, "uuid"))));
            }
            context.produced(indicators);
        } catch (IllegalArgumentException e) {
            context.refuse(record, e.getMessage(), excerpt);
        }
    }

    private record Typed(IndicatorType type, String value, int port) {
        Typed(IndicatorType type, String value) {
            this(type, value, Indicator.ANY_PORT);
        }
    }

    /** The indicators of a MISP attribute type, or null for types that are no network or file observable. */
    private static List<Typed> values(String type, String value) {
        String first = value;
        String second = null;
        int bar = value.indexOf('|');
        if (type.indexOf('|') >= 0) {
            if (bar < 0) {
                throw new IllegalArgumentException("composite " + type + " value without '|'");
            }
            first = value.substring(0, bar);
            second = value.substring(bar + 1);
        }
        return switch (type) {
            case "ip-dst", "ip-src" -> List.of(new Typed(addressType(first), first));
            case "ip-dst|port" -> List.of(new Typed(IndicatorType.IP, first, port(second)));
            case "ip-src|port" -> List.of(new Typed(IndicatorType.IP, first));
            case "domain", "hostname" -> List.of(new Typed(IndicatorType.DOMAIN, first));
            case "domain|ip" -> List.of(new Typed(IndicatorType.DOMAIN, first), new Typed(addressType(second), second));
            case "hostname|port" -> List.of(new Typed(IndicatorType.DOMAIN, first, port(second)));
            case "url" -> List.of(new Typed(IndicatorType.URL, first));
            case "md5", "sha1", "sha256" -> List.of(new Typed(hashType(type), first));
            case "filename|md5", "filename|sha1", "filename|sha256" ->
                    List.of(new Typed(hashType(type.substring(type.indexOf('|') + 1)), second));
            case "ja3-fingerprint-md5" -> List.of(new Typed(IndicatorType.JA3, first));
            case "x509-fingerprint-sha1" -> List.of(new Typed(IndicatorType.CERT_SHA1, first));
            case "x509-fingerprint-sha256" -> List.of(new Typed(IndicatorType.CERT_SHA256, first));
            default -> null;
        };
    }

    private static IndicatorType addressType(String value) {
        return value.indexOf('/') >= 0 ? IndicatorType.CIDR : IndicatorType.IP;
    }

    private static IndicatorType hashType(String type) {
        return switch (type) {
            case "md5" -> IndicatorType.MD5;
            case "sha1" -> IndicatorType.SHA1;
            default -> IndicatorType.SHA256;
        };
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + FeedText.excerpt(text) + "' is not a port number");
    }

    private static boolean toIds(JsonNode value) {
        if (value == null || value.isNull()) {
            return true;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.asText().strip().toLowerCase(Locale.ROOT);
        return text.equals("1") || text.equals("true");
    }

    /** The family named by an event's or attribute's galaxies and galaxy tags, or null. */
    private static String family(JsonNode node) {
        Set<String> families = new LinkedHashSet<>();
        for (JsonNode galaxy : node.path("Galaxy")) {
            if (FAMILY_GALAXIES.contains(MispJson.text(galaxy, "type"))) {
                for (JsonNode cluster : galaxy.path("GalaxyCluster")) {
                    String name = FeedText.label(MispJson.text(cluster, "value"));
                    if (name != null) {
                        families.add(name);
                    }
                }
            }
        }
        for (JsonNode tag : node.path("Tag")) {
            String name = MispJson.text(tag, "name");
            Matcher matcher = name == null ? null : GALAXY_TAG.matcher(name);
            if (matcher != null && matcher.matches()) {
                String family = FeedText.label(matcher.group(2));
                if (family != null) {
                    families.add(family);
                }
            }
        }
        return families.isEmpty() ? null : String.join(", ", families);
    }

    private static List<String> eventTags(JsonNode event) {
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : event.path("Tag")) {
            String name = FeedText.label(MispJson.text(tag, "name"));
            if (name != null && !name.startsWith("misp-galaxy:") && tags.size() < 5) {
                tags.add(name);
            }
        }
        return tags;
    }
}
