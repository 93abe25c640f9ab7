package io.stagehunt.intel.abusech;

import io.stagehunt.ingest.Head;
import io.stagehunt.intel.FeedText;
import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.FeedFormat;
import io.stagehunt.intel.feed.FeedInput;
import io.stagehunt.intel.feed.FeedTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Feodo Tracker's JSON blocklist: an array of {@code {"ip_address", "port", "status", "first_seen",
 * "last_online", "malware", ...}}, each an address tied to its C2 port.
 */
public final class FeodoJsonFormat implements FeedFormat {

    public static final String ID = "feodo-json";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "abuse.ch Feodo Tracker JSON";
    }

    @Override
    public int recognize(Head head) {
        String text = new String(head.bytes(), 0, head.length(), StandardCharsets.UTF_8);
        return text.stripLeading().startsWith("[") && text.contains("\"ip_address\"") && text.contains("\"port\"")
                && text.contains("\"first_seen\"") ? 90 : 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        JsonRecords.read(input, context, (record, line) -> {
            try {
                String address = JsonRecords.text(record, "ip_address");
                String port = JsonRecords.text(record, "port");
                if (address == null || port == null) {
                    throw new IllegalArgumentException("no ip_address or port");
                }
                Indicator indicator = new Indicator(IndicatorType.IP, address, IpBlocklistCsvFormat.port(port),
                        context.attribution(ID).withMalware(FeedText.label(JsonRecords.text(record, "malware")))
                        .withTags(JsonRecords.tags(record.get("status"))), Indicator.UNKNOWN_CONFIDENCE,
                        FeedTime.parse(JsonRecords.text(record, "first_seen")),
                        FeedTime.parse(JsonRecords.text(record, "last_online")), Indicator.NO_EXPIRY, null);
                context.produceOrRefuse(indicator, line, record.toString());
            } catch (IllegalArgumentException e) {
                context.refuse(line, e.getMessage(), record.toString());
            }
        });
    }
}
