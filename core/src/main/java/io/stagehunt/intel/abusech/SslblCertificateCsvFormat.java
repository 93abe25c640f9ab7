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
 * The SSLBL SSL certificate blacklist ({@code # Listingdate,SHA1,Listingreason}): SHA-1 fingerprints of
 * certificates served by botnet C2s, the reason naming the family ({@code AsyncRAT C&C}).
 */
public final class SslblCertificateCsvFormat implements FeedFormat {

    public static final String ID = "sslbl-sha1-csv";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "abuse.ch SSLBL certificate SHA-1 CSV";
    }

    @Override
    public int recognize(Head head) {
        CsvColumns columns = CsvColumns.fromHead(head);
        return columns != null && columns.has("listingdate", "sha1", "listingreason") ? 90 : 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        CsvColumns columns = CsvColumns.fromHead(input.head());
        CsvFeed.read(input, context, columns, (fields, number, line) -> {
            try {
                long listed = FeedTime.parse(columns.value(fields, "listingdate"));
                Indicator indicator = new Indicator(IndicatorType.CERT_SHA1, CsvFeed.required(columns, fields, "sha1"),
                        Indicator.ANY_PORT, context.attribution(ID)
                        .withMalware(Sslbl.family(columns.value(fields, "listingreason"))),
                        Indicator.UNKNOWN_CONFIDENCE, listed, Indicator.UNKNOWN_TIME, Indicator.NO_EXPIRY, null);
                context.produceOrRefuse(indicator, number, line);
            } catch (IllegalArgumentException e) {
                context.refuse(number, e.getMessage(), line);
            }
        });
    }
}
