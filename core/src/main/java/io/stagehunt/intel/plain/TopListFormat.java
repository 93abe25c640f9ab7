package io.stagehunt.intel.plain;

import io.stagehunt.ingest.Head;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.feed.CsvLine;
import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.FeedFormat;
import io.stagehunt.intel.feed.FeedInput;
import io.stagehunt.intel.feed.LineFeed;
import java.io.IOException;
import java.util.List;

/**
 * A ranked list of popular sites, {@code rank,domain} per line (Tranco, Cisco Umbrella), read as a benign
 * list: its names, and the names below them down from their registered domain, are known-benign context.
 */
public final class TopListFormat implements FeedFormat {

    public static final String ID = "top-list-csv";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "ranked top-site list";
    }

    @Override
    public int recognize(Head head) {
        int data = 0;
        int ranked = 0;
        for (String line : head.lines(200)) {
            String stripped = line.strip();
            if (LineFeed.isComment(stripped)) {
                continue;
            }
            data++;
            if (rankedName(stripped) != null) {
                ranked++;
            }
        }
        return data >= 3 && ranked >= data * 0.95 ? 85 : 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        String list = "top sites " + context.feedName();
        LineFeed.read(input, context, (line, number) -> {
            String name = rankedName(line);
            if (name == null) {
                context.refuse(number, "not a 'rank,domain' line", line);
                return;
            }
            try {
                context.benign().addName(name, BenignList.Match.DOMAIN, list);
                context.producedBenign();
            } catch (IllegalArgumentException e) {
                context.refuse(number, e.getMessage(), line);
            }
        });
    }

    private static String rankedName(String line) {
        try {
            List<String> fields = CsvLine.split(line);
            if (fields.size() != 2 || fields.get(0).isEmpty() || !fields.get(0).chars().allMatch(Character::isDigit)) {
                return null;
            }
            return fields.get(1).indexOf('.') > 0 ? fields.get(1).strip() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
