package io.stagehunt.intel.plain;

import io.stagehunt.ingest.Head;
import io.stagehunt.intel.Attribution;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * ViriBack's C2 tracker dump ({@code Family,URL,IP,FirstSeen}, dates day first as {@code 17-10-2026}): each
 * row lists a C2 panel URL and the address serving it, both attributed to the family.
 */
public final class ViriBackCsvFormat implements FeedFormat {

    public static final String ID = "viriback-csv";
    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd-MM-uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "ViriBack C2 tracker CSV";
    }

    @Override
    public int recognize(Head head) {
        CsvColumns columns = CsvColumns.fromHead(head);
        return columns != null && columns.has("family", "url", "ip", "firstseen") ? 85 : 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        CsvColumns columns = CsvColumns.fromHead(input.head());
        CsvFeed.read(input, context, columns, (fields, number, line) -> {
            try {
                long firstSeen = dayFirst(columns.value(fields, "firstseen"));
                Attribution attribution = context.attribution(ID)
                        .withMalware(FeedText.label(columns.value(fields, "family"))).withTags(List.of("c2"));
                List<Indicator> indicators = new ArrayList<>();
                for (String column : new String[] {"url", "ip"}) {
                    String value = columns.value(fields, column);
                    if (value != null && !value.isEmpty()) {
                        IndicatorType type = column.equals("url") ? IndicatorType.URL : IndicatorType.IP;
                        FeedContext.check(type, value);
                        indicators.add(new Indicator(type, value, Indicator.ANY_PORT, attribution,
                                Indicator.UNKNOWN_CONFIDENCE, firstSeen, Indicator.UNKNOWN_TIME, Indicator.NO_EXPIRY,
                                null));
                    }
                }
                if (indicators.isEmpty()) {
                    throw new IllegalArgumentException("neither URL nor IP");
                }
                context.produced(indicators);
            } catch (IllegalArgumentException e) {
                context.refuse(number, e.getMessage(), line);
            }
        });
    }

    private static long dayFirst(String text) {
        if (FeedTime.absent(text)) {
            return Indicator.UNKNOWN_TIME;
        }
        try {
            return LocalDate.parse(text.strip(), DAY_FIRST).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + FeedText.excerpt(text) + "' is not a dd-mm-yyyy date");
        }
    }
}
