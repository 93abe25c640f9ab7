package io.stagehunt.intel.misp;

import io.stagehunt.ingest.Head;
import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.FeedFormat;
import io.stagehunt.intel.feed.FeedInput;
import io.stagehunt.intel.feed.LineFeed;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The {@code hashes.csv} of a MISP feed folder: {@code md5-of-value,event-uuid} per line. MISP uses it to
 * correlate without downloading events; it holds digests of values, not values, so there is nothing to match,
 * and every line is skipped by design.
 */
public final class MispHashesFormat implements FeedFormat {

    public static final String ID = "misp-hashes";
    private static final Pattern LINE = Pattern.compile(
            "^[0-9a-f]{32},[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "MISP feed hashes.csv";
    }

    @Override
    public int recognize(Head head) {
        var lines = head.lines(50);
        return !lines.isEmpty() && lines.stream().allMatch(line -> LINE.matcher(line.strip()).matches()) ? 95 : 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        LineFeed.read(input, context, (line, number) -> {
            if (LINE.matcher(line).matches()) {
                context.skip("MISP value digest (nothing to match)");
            } else {
                context.refuse(number, "not an 'md5,event-uuid' line", line);
            }
        });
    }
}
