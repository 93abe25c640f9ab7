package io.stagehunt.intel.feed;

import io.stagehunt.ingest.LineReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * The reading loop of line-oriented feeds (CSV dumps, plain lists): every line is counted as read; blank lines
 * and comments ({@code #}, {@code //}, {@code ;}) are skipped by design; each other line goes to the format,
 * which reports exactly one outcome for it. Lines over a megabyte are refused without being buffered.
 */
public final class LineFeed {

    /** Handles one data line. */
    @FunctionalInterface
    public interface Row {
        void accept(String line, long number);
    }

    private LineFeed() {
    }

    public static void read(FeedInput input, FeedContext context, Row row) throws IOException {
        try (InputStream in = input.open(); LineReader lines = new LineReader(in, context.account())) {
            while (lines.next()) {
                if (lines.oversized()) {
                    context.refuse(lines.lineNumber(), "line longer than " + lines.maxLine() + " bytes",
                            lines.oversizedHead());
                    continue;
                }
                String text = lines.text();
                if (lines.lineNumber() == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
                String stripped = text.strip();
                if (stripped.isEmpty()) {
                    context.skip("blank line");
                } else if (isComment(stripped)) {
                    context.skip("comment");
                } else {
                    row.accept(stripped, lines.lineNumber());
                }
            }
        }
    }

    public static boolean isComment(String stripped) {
        return stripped.startsWith("#") || stripped.startsWith("//") || stripped.startsWith(";");
    }
}
