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
import java.util.ArrayList;
import java.util.List;

/**
 * URLhaus CSV dumps ({@code # id,dateadded,url,url_status,last_online,threat,tags,urlhaus_link,reporter}):
 * one malware URL per row, listed at {@code dateadded}, last seen at {@code last_online}. URLhaus tags mix
 * families with architectures ({@code 32-bit,elf,mips,Mozi}), so they are kept as tags, not as a family.
 */
public final class UrlhausCsvFormat implements FeedFormat {

    public static final String ID = "urlhaus-csv";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "abuse.ch URLhaus CSV";
    }

    @Override
    public int recognize(Head head) {
        CsvColumns columns = CsvColumns.fromHead(head);
        return columns != null && columns.has("url", "dateadded", "url_status") ? 90 : 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        CsvColumns columns = CsvColumns.fromHead(input.head());
        CsvFeed.read(input, context, columns, (fields, number, line) -> {
            try {
                String url = CsvFeed.required(columns, fields, "url");
                long added = FeedTime.parse(CsvFeed.required(columns, fields, "dateadded"));
                long lastOnline = FeedTime.parse(columns.value(fields, "last_online"));
                List<String> tags = new ArrayList<>(CsvFeed.tags(columns.value(fields, "threat")));
                tags.addAll(CsvFeed.tags(columns.value(fields, "url_status")));
                tags.addAll(CsvFeed.tags(columns.value(fields, "tags")));
                Indicator indicator = new Indicator(IndicatorType.URL, url, Indicator.ANY_PORT,
                        context.attribution(ID).withTags(tags.stream().distinct().limit(10).toList()),
                        Indicator.UNKNOWN_CONFIDENCE, added, lastOnline, Indicator.NO_EXPIRY,
                        columns.value(fields, "urlhaus_link"));
                context.produceOrRefuse(indicator, number, line);
            } catch (IllegalArgumentException e) {
                context.refuse(number, e.getMessage(), line);
            }
        });
    }
}
