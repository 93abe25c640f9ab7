package io.stagehunt.intel.plain;

import io.stagehunt.ingest.Head;
import io.stagehunt.intel.FeedText;
import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.Observables;
import io.stagehunt.intel.feed.CsvLine;
import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.FeedFormat;
import io.stagehunt.intel.feed.FeedInput;
import io.stagehunt.intel.feed.FeedTime;
import io.stagehunt.intel.feed.LineFeed;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bambenek Consulting's C2 and DGA masterlists ({@code c2-ipmasterlist}, {@code c2-dommasterlist},
 * {@code dga-feed}): {@code value,description,date,manual-url} under a {@code ##} banner. The family is the
 * part of the description after "used by" ({@code Domain used by Cryptolocker - Flashback DGA for 10 Nov 2016}
 * names {@code Cryptolocker - Flashback}).
 */
public final class BambenekFormat implements FeedFormat {

    public static final String ID = "bambenek-csv";
    private static final Pattern FAMILY = Pattern.compile("used by (.+?)(?:\\s+(?:C&C|C2|DGA)\\b.*)?$");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Bambenek C2/DGA masterlist";
    }

    @Override
    public int recognize(Head head) {
        boolean banner = false;
        int data = 0;
        int shaped = 0;
        for (String line : head.lines(100)) {
            String stripped = line.strip();
            if (LineFeed.isComment(stripped)) {
                banner |= stripped.toLowerCase(Locale.ROOT).contains("bambenek");
                continue;
            }
            data++;
            if (shaped(stripped)) {
                shaped++;
            }
        }
        if (data == 0 || shaped < data * 0.9) {
            return 0;
        }
        return banner ? 95 : 70;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        LineFeed.read(input, context, (line, number) -> {
            try {
                List<String> fields = CsvLine.split(line);
                if (fields.size() < 3) {
                    throw new IllegalArgumentException("fewer than 3 fields (value, description, date)");
                }
                String value = fields.get(0).strip();
                IndicatorType type = Observables.classify(value);
                if (type == null) {
                    throw new IllegalArgumentException("'" + FeedText.excerpt(value) + "' is not an indicator");
                }
                String description = fields.get(1);
                List<String> tags = new ArrayList<>();
                if (description.contains("DGA")) {
                    tags.add("dga");
                }
                if (description.contains("C&C") || description.contains("C2")) {
                    tags.add("c2");
                }
                Indicator indicator = new Indicator(type, value, Indicator.ANY_PORT,
                        context.attribution(ID).withMalware(family(description)).withTags(tags),
                        Indicator.UNKNOWN_CONFIDENCE, FeedTime.parse(fields.get(2)), Indicator.UNKNOWN_TIME,
                        Indicator.NO_EXPIRY, fields.size() > 3 ? FeedText.label(fields.get(3)) : null);
                context.produceOrRefuse(indicator, number, line);
            } catch (IllegalArgumentException e) {
                context.refuse(number, e.getMessage(), line);
            }
        });
    }

    static String family(String description) {
        Matcher matcher = FAMILY.matcher(description.strip());
        return matcher.find() ? FeedText.label(matcher.group(1)) : null;
    }

    private static boolean shaped(String line) {
        try {
            List<String> fields = CsvLine.split(line);
            return fields.size() >= 3 && fields.size() <= 5 && Observables.classify(fields.get(0)) != null
                    && !FeedTime.absent(fields.get(2)) && parses(fields.get(2));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean parses(String date) {
        try {
            FeedTime.parse(date);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
