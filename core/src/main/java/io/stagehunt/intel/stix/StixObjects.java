package io.stagehunt.intel.stix;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagehunt.intel.Attribution;
import io.stagehunt.intel.FeedText;
import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.FeedTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a stream of STIX objects (from a bundle file or a TAXII collection) into indicators. Indicators are
 * resolved at the end, because the relationships that name their malware may come after them: an indicator
 * that {@code indicates} a malware, an infrastructure, a threat actor or campaign carries their names, and an
 * infrastructure also lends the names of the malware it is related to. Observables that a command-and-control
 * infrastructure {@code consists-of} become indicators of that infrastructure. Revoked objects are skipped, as
 * are objects that are context only. Not thread-safe.
 */
public final class StixObjects {

    private static final Set<String> NAMED_TYPES = Set.of("malware", "infrastructure", "threat-actor",
            "intrusion-set", "campaign", "tool");
    private static final Set<String> VALUE_OBSERVABLES = Set.of("ipv4-addr", "ipv6-addr", "domain-name", "url");
    /** Infrastructure types (STIX infrastructure-type-ov) whose observables are worth matching. */
    private static final Set<String> MALICIOUS_INFRASTRUCTURE = Set.of("command-and-control", "botnet",
            "exfiltration", "hosting-malware", "phishing", "staging");
    private static final int MAX_TAGS = 10;

    private final FeedContext context;
    private final String format;
    private final List<PendingIndicator> indicators = new ArrayList<>();
    private final Map<String, Named> named = new HashMap<>();
    private final Map<String, PendingObservable> observables = new HashMap<>();
    private final List<Relationship> relationships = new ArrayList<>();

    public StixObjects(FeedContext context, String format) {
        this.context = context;
        this.format = format;
    }

    private record PendingIndicator(String id, String pattern, String patternType, String validFrom,
            String validUntil, JsonNode confidence, List<String> tags, long location) {
    }

    private record Named(String type, String name, List<String> infrastructureTypes) {
    }

    private record PendingObservable(String type, String value, long location) {
    }

    private record Relationship(String source, String target, String type) {
    }

    /** Takes one object; {@code location} (a line number) locates refusals. */
    public void accept(JsonNode object, long location) {
        context.read();
        if (!object.isObject()) {
            context.refuse(location, "not a STIX object (a JSON " + object.getNodeType().name().toLowerCase(
                    Locale.ROOT) + ")", FeedText.excerpt(object.toString()));
            return;
        }
        String type = text(object, "type");
        String id = text(object, "id");
        if (type == null) {
            context.refuse(location, "STIX object without a type", FeedText.excerpt(object.toString()));
            return;
        }
        if (object.path("revoked").asBoolean(false)) {
            context.skip("revoked");
            return;
        }
        switch (type) {
            case "indicator" -> indicators.add(new PendingIndicator(id, text(object, "pattern"),
                    text(object, "pattern_type"), firstText(object, "valid_from", "created"),
                    text(object, "valid_until"), object.get("confidence"), tags(object), location));
            case "relationship" -> {
                relationships.add(new Relationship(text(object, "source_ref"), text(object, "target_ref"),
                        text(object, "relationship_type")));
                context.skip("STIX relationship (context)");
            }
            default -> {
                if (NAMED_TYPES.contains(type) && id != null) {
                    named.put(id, new Named(type, FeedText.label(text(object, "name")),
                            strings(object.path("infrastructure_types"))));
                    context.skip("STIX " + type + " (context)");
                } else if (VALUE_OBSERVABLES.contains(type) && id != null && text(object, "value") != null) {
                    observables.put(id, new PendingObservable(type, text(object, "value"), location));
                } else {
                    context.skip("STIX " + (type.length() <= 40 ? FeedText.excerpt(type) : "other")
                            + " object (context, not an indicator)");
                }
            }
        }
    }

    /** Resolves and loads everything taken so far. */
    public void finish() {
        Map<String, List<String>> indicates = new HashMap<>();
        Map<String, Set<String>> malwareOfInfrastructure = new HashMap<>();
        Map<String, List<String>> consistsOf = new HashMap<>();
        for (Relationship relationship : relationships) {
            if (relationship.source() == null || relationship.target() == null) {
                continue;
            }
            if ("indicates".equals(relationship.type())) {
                indicates.computeIfAbsent(relationship.source(), key -> new ArrayList<>()).add(relationship.target());
            }
            if ("consists-of".equals(relationship.type())) {
                consistsOf.computeIfAbsent(relationship.target(), key -> new ArrayList<>()).add(relationship.source());
            }
            linkInfrastructure(relationship.source(), relationship.target(), malwareOfInfrastructure);
            linkInfrastructure(relationship.target(), relationship.source(), malwareOfInfrastructure);
        }
        for (PendingIndicator pending : indicators) {
            load(pending, names(indicates.getOrDefault(pending.id(), List.of()), malwareOfInfrastructure));
        }
        for (Map.Entry<String, PendingObservable> entry : observables.entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(a.location(), b.location()))).toList()) {
            loadObservable(entry.getKey(), entry.getValue(), consistsOf, malwareOfInfrastructure);
        }
        indicators.clear();
        observables.clear();
        relationships.clear();
    }

    private void linkInfrastructure(String infrastructure, String other, Map<String, Set<String>> links) {
        Named first = named.get(infrastructure);
        Named second = named.get(other);
        if (first != null && second != null && first.type().equals("infrastructure")
                && second.type().equals("malware") && second.name() != null) {
            links.computeIfAbsent(infrastructure, key -> new LinkedHashSet<>()).add(second.name());
        }
    }

    /** The names of what an object indicates, malware first, then the malware of infrastructure. */
    private String names(List<String> targets, Map<String, Set<String>> malwareOfInfrastructure) {
        Set<String> names = new LinkedHashSet<>();
        for (String target : targets) {
            Named target1 = named.get(target);
            if (target1 != null && target1.name() != null) {
                names.add(target1.name());
                names.addAll(malwareOfInfrastructure.getOrDefault(target, Set.of()));
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private void load(PendingIndicator pending, String malware) {
        String excerpt = pending.pattern() == null ? String.valueOf(pending.id()) : pending.pattern();
        if (pending.patternType() != null && !pending.patternType().equals("stix")) {
            context.skip("pattern_type '" + FeedText.excerpt(pending.patternType()) + "' is not STIX");
            return;
        }
        if (pending.pattern() == null) {
            context.refuse(pending.location(), "indicator without a pattern", excerpt);
            return;
        }
        List<Indicator> loaded;
        try {
            int confidence = confidence(pending.confidence());
            long validFrom = FeedTime.parse(pending.validFrom());
            long validUntil = FeedTime.parse(pending.validUntil());
            if (validUntil == Indicator.UNKNOWN_TIME) {
                validUntil = Indicator.NO_EXPIRY;
            } else if (validFrom != Indicator.UNKNOWN_TIME && validUntil < validFrom) {
                throw new IllegalArgumentException("valid_until is before valid_from");
            }
            Attribution attribution = context.attribution(format).withMalware(malware).withTags(pending.tags());
            loaded = new ArrayList<>();
            for (StixPattern.Alternative alternative : StixPattern.compile(pending.pattern())) {
                FeedContext.check(alternative.type(), alternative.value());
                loaded.add(new Indicator(alternative.type(), alternative.value(), alternative.port(), attribution,
                        confidence, validFrom, Indicator.UNKNOWN_TIME, validUntil, pending.id()));
            }
        } catch (PatternException e) {
            context.refuse(pending.location(), "pattern: " + e.getMessage(), excerpt);
            return;
        } catch (IllegalArgumentException e) {
            context.refuse(pending.location(), e.getMessage(), excerpt);
            return;
        }
        context.produced(loaded);
    }

    private void loadObservable(String id, PendingObservable observable, Map<String, List<String>> consistsOf,
            Map<String, Set<String>> malwareOfInfrastructure) {
        List<String> infrastructures = consistsOf.getOrDefault(id, List.of()).stream()
                .filter(owner -> {
                    Named infrastructure = named.get(owner);
                    return infrastructure != null && infrastructure.type().equals("infrastructure")
                            && infrastructure.infrastructureTypes().stream().anyMatch(MALICIOUS_INFRASTRUCTURE::contains);
                }).toList();
        if (infrastructures.isEmpty()) {
            context.skip("STIX observable without an indicator or malicious infrastructure");
            return;
        }
        IndicatorType type = switch (observable.type()) {
            case "domain-name" -> IndicatorType.DOMAIN;
            case "url" -> IndicatorType.URL;
            default -> observable.value().indexOf('/') >= 0 ? IndicatorType.CIDR : IndicatorType.IP;
        };
        Attribution attribution = context.attribution(format)
                .withMalware(names(infrastructures, malwareOfInfrastructure))
                .withTags(List.of("infrastructure"));
        context.produceOrRefuse(new Indicator(type, observable.value(), Indicator.ANY_PORT, attribution,
                Indicator.UNKNOWN_CONFIDENCE, Indicator.UNKNOWN_TIME, Indicator.UNKNOWN_TIME, Indicator.NO_EXPIRY, id),
                observable.location(), observable.value());
    }

    private static int confidence(JsonNode node) {
        if (node == null || node.isNull()) {
            return Indicator.UNKNOWN_CONFIDENCE;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0 || node.asInt() > 100) {
            throw new IllegalArgumentException("confidence " + FeedText.excerpt(node.toString())
                    + " is not an integer 0..100");
        }
        return node.asInt();
    }

    private static List<String> tags(JsonNode object) {
        Set<String> tags = new LinkedHashSet<>();
        tags.addAll(strings(object.path("indicator_types")));
        tags.addAll(strings(object.path("labels")));
        return tags.stream().limit(MAX_TAGS).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode element : array) {
                String label = element.isTextual() ? FeedText.label(element.asText()) : null;
                if (label != null) {
                    values.add(label);
                }
            }
        }
        return values;
    }

    private static String firstText(JsonNode object, String... fields) {
        for (String field : fields) {
            String value = text(object, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
