package io.stagehunt.intel.abusech;

import io.stagehunt.ingest.Head;
import io.stagehunt.intel.FeedText;
import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.feed.CsvColumns;
import io.stagehunt.intel.feed.CsvFeed;
import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.FeedFormat;
import io.stagehunt.intel.feed.FeedInput;
import io.stagehunt.intel.feed.FeedTime;
import java.io.IOException;

/**
 * The botnet C2 IP blocklists of Feodo Tracker ({@code first_seen_utc,dst_ip,dst_port,c2_status,last_online,
 * malware}) and SSLBL ({@code Firstseen,DstIP,DstPort}, also the older Feodo layout): an address tied to the
 * destination port the C2 listens on, with its malware family when the list names it.
 */
public final class IpBlocklistCsvFormat implements FeedFormat {

    public static final String ID = "abusech-ip-csv";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "abuse.ch Feodo Tracker / SSLBL IP blocklist CSV";
    }

    @Override
    public int recognize(Head head) {
        CsvColumns columns = CsvColumns.fromHead(head);
        return columns != null && columns.first("dst_ip", "dstip") != null
                && columns.first("dst_port", "dstport") != null ? 90 : 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        CsvColumns columns = CsvColumns.fromHead(input.head());
        String address = columns.first("dst_ip", "dstip");
        String port = columns.first("dst_port", "dstport");
        String firstSeen = columns.first("first_seen_utc", "firstseen");
        String lastOnline = columns.first("last_online", "lastonline");
        CsvFeed.read(input, context, columns, (fields, number, line) -> {
            try {
                int destinationPort = port(CsvFeed.required(columns, fields, port));
                long first = FeedTime.parse(columns.value(fields, firstSeen));
                long last = FeedTime.parse(columns.value(fields, lastOnline));
                String malware = FeedText.label(columns.value(fields, "malware"));
                Indicator indicator = new Indicator(IndicatorType.IP, CsvFeed.required(columns, fields, address),
                        destinationPort, context.attribution(ID).withMalware(malware)
                        .withTags(CsvFeed.tags(columns.value(fields, "c2_status"))),
                        Indicator.UNKNOWN_CONFIDENCE, first, last, Indicator.NO_EXPIRY, null);
                context.produceOrRefuse(indicator, number, line);
            } catch (IllegalArgumentException e) {
                context.refuse(number, e.getMessage(), line);
            }
        });
    }

    static int port(String text) {
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
}
