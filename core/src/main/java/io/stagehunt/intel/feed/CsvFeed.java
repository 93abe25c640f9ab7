package io.stagehunt.intel.feed;

import io.stagehunt.intel.FeedText;
import java.io.IOException;
import java.util.List;

/**
 * The reading loop of CSV feeds on top of {@link LineFeed}: splits each data line, skips an uncommented header
 * line, refuses lines that are not CSV, and hands the fields to the format.
 */
public final class CsvFeed {

    /** Handles one row; reports exactly one outcome for it. */
    @FunctionalInterface
    public interface Row {
        void accept(List<String> fields, long number, String line);
    }

    private CsvFeed() {
    }

    public static void read(FeedInput input, FeedContext context, CsvColumns columns, Row row) throws IOException {
        LineFeed.read(input, context, (line, number) -> {
            List<String> fields;
            try {
                fields = CsvLine.split(line);
            } catch (IllegalArgumentException e) {
                context.refuse(number, "not a CSV line: " + e.getMessage(), line);
                return;
            }
            if (columns.isHeader(fields)) {
                context.skip("header");
                return;
            }
            if (fields.size() < columns.size()) {
                context.refuse(number, fields.size() + " fields where the header names " + columns.size(), line);
                return;
            }
            row.accept(fields, number, line);
        });
    }

    /** A required field of a row, or an {@link IllegalArgumentException} naming the missing column. */
    public static String required(CsvColumns columns, List<String> fields, String column) {
        String value = columns.value(fields, column);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("no " + column);
        }
        return value;
    }

    /** Splits a comma or space list of tags into clean labels. */
    public static List<String> tags(String text) {
        if (text == null || text.isBlank() || FeedTime.absent(text)) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(","))
                .map(FeedText::label).filter(tag -> tag != null && !tag.equalsIgnoreCase("none"))
                .distinct().limit(10).toList();
    }
}
