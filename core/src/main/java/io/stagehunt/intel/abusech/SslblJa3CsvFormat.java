package io.stagehunt.intel.abusech;

import io.stagehunt.ingest.Head;
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
 * The SSLBL JA3 fingerprint blacklist ({@code # ja3_md5,Firstseen,Lastseen,Listingreason}): TLS client
 * fingerprints of malware. JA3 values are shared by all software built on the same TLS stack, so they are
 * weak evidence on their own; the detector weighs them accordingly.
 */
public final class SslblJa3CsvFormat implements FeedFormat {

    public static final String ID = "sslbl-ja3-csv";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "abuse.ch SSLBL JA3 CSV";
    }

    @Override
    public int recognize(Head head) {
        CsvColumns columns = CsvColumns.fromHead(head);
        return columns != null && columns.has("ja3_md5", "listingreason") ? 90 : 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        CsvColumns columns = CsvColumns.fromHead(input.head());
        CsvFeed.read(input, context, columns, (fields, number, line) -> {
            try {
                Indicator indicator = new Indicator(IndicatorType.JA3, CsvFeed.required(columns, fields, "ja3_md5"),
                        Indicator.ANY_PORT, context.attribution(ID)
                        .withMalware(Sslbl.family(columns.value(fields, "listingreason"))),
                        Indicator.UNKNOWN_CONFIDENCE, FeedTime.parse(columns.value(fields, "firstseen")),
                        FeedTime.parse(columns.value(fields, "lastseen")), Indicator.NO_EXPIRY, null);
                context.produceOrRefuse(indicator, number, line);
            } catch (IllegalArgumentException e) {
                context.refuse(number, e.getMessage(), line);
            }
        });
    }
}
