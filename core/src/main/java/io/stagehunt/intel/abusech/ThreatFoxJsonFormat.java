package io.stagehunt.intel.abusech;

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
import java.util.List;

/**
 * ThreatFox JSON: the full and recent exports ({@code {"<id>": [{"ioc_value", "ioc_type", "threat_type",
 * "malware_printable", "first_seen_utc", "confidence_level", ...}]}}) and API answers ({@code {"query_status":
 * "ok", "data": [{"ioc", "ioc_type", ...}]}}). IOC types {@code ip:port}, {@code domain}, {@code url} and the
 * MD5, SHA-1 and SHA-256 hashes are loaded; others are refused by name.
 */
public final class ThreatFoxJsonFormat implements FeedFormat {

    public static final String ID = "threatfox-json";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "abuse.ch ThreatFox JSON";
    }

    @Override
    public int recognize(Head head) {
        String text = new String(head.bytes(), 0, head.length(), StandardCharsets.UTF_8);
        if (!text.contains("\"ioc_type\"")) {
            return 0;
        }
        return text.contains("\"ioc_value\"") || text.contains("\"query_status\"") ? 90 : 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        JsonRecords.read(input, context, (record, line) -> {
            try {
                context.produceOrRefuse(indicator(record, context), line, record.toString());
            } catch (IllegalArgumentException e) {
                context.refuse(line, e.getMessage(), record.toString());
            }
        });
    }

    private static Indicator indicator(JsonNode record, FeedContext context) {
        String value = JsonRecords.text(record, "ioc_value", "ioc");
        String type = JsonRecords.text(record, "ioc_type");
        if (value == null || type == null) {
            throw new IllegalArgumentException("no ioc value or ioc_type");
        }
        int port = Indicator.ANY_PORT;
        IndicatorType indicatorType;
        switch (type) {
            case "ip:port" -> {
                int colon = value.lastIndexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("ip:port '" + FeedText.excerpt(value) + "' has no port");
                }
                port = IpBlocklistCsvFormat.port(value.substring(colon + 1));
                value = value.substring(0, colon).replace("[", "").replace("]", "");
                indicatorType = IndicatorType.IP;
            }
            case "domain" -> indicatorType = IndicatorType.DOMAIN;
            case "url" -> indicatorType = IndicatorType.URL;
            case "md5_hash" -> indicatorType = IndicatorType.MD5;
            case "sha1_hash" -> indicatorType = IndicatorType.SHA1;
            case "sha256_hash" -> indicatorType = IndicatorType.SHA256;
            default -> throw new IllegalArgumentException("ioc_type '" + FeedText.excerpt(type) + "' is not indexed");
        }
        List<String> tags = new ArrayList<>();
        String threat = FeedText.label(JsonRecords.text(record, "threat_type"));
        if (threat != null) {
            tags.add(threat);
        }
        tags.addAll(JsonRecords.tags(record.get("tags")));
        String malware = FeedText.label(JsonRecords.text(record, "malware_printable", "malware"));
        Attribution attribution = context.attribution(ID)
                .withMalware(malware == null || malware.equalsIgnoreCase("unknown malware") ? null : malware)
                .withTags(tags.stream().distinct().limit(10).toList());
        String id = JsonRecords.text(record, "id");
        return new Indicator(indicatorType, value, port, attribution, confidence(record),
                FeedTime.parse(JsonRecords.text(record, "first_seen_utc", "first_seen")),
                FeedTime.parse(JsonRecords.text(record, "last_seen_utc", "last_seen")), Indicator.NO_EXPIRY,
                id == null ? null : "https://threatfox.abuse.ch/ioc/" + FeedText.excerpt(id) + "/");
    }

    private static int confidence(JsonNode record) {
        JsonNode value = record.get("confidence_level");
        if (value == null || value.isNull()) {
            return Indicator.UNKNOWN_CONFIDENCE;
        }
        int level = value.isNumber() ? value.asInt(-1) : parse(value.asText());
        if (level < 0 || level > 100) {
            throw new IllegalArgumentException("confidence_level " + FeedText.excerpt(value.asText())
                    + " is not 0..100");
        }
        return level;
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
