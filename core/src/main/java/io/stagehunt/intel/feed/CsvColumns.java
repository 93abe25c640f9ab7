package io.stagehunt.intel.feed;

import io.stagehunt.ingest.Head;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column names of a CSV feed, found where feeds put them: abuse.ch writes them as the last comment line
 * before the data ({@code # id,dateadded,url,...}), others as a plain first line. Names are compared in lower
 * case without surrounding quotes and spaces. Immutable.
 */
public final class CsvColumns {

    private static final int HEAD_LINES = 200;

    private final List<String> names;
    private final Map<String, Integer> positions = new HashMap<>();

    private CsvColumns(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            positions.putIfAbsent(names.get(i), i);
        }
    }

    /** Column names from one header line (a leading {@code #} is dropped); null when it is no CSV header. */
    public static CsvColumns parse(String line) {
        String text = line.strip();
        while (text.startsWith("#")) {
            text = text.substring(1).strip();
        }
        if (text.indexOf(',') < 0) {
            return null;
        }
        try {
            List<String> names = CsvLine.split(text).stream()
                    .map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
            return new CsvColumns(names);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The header of a feed's head: the last comment line holding a comma before the first data line, else the
     * first data line itself; null when there is none.
     */
    public static CsvColumns fromHead(Head head) {
        String header = null;
        for (String line : head.lines(HEAD_LINES)) {
            String text = line.strip();
            if (text.startsWith("#")) {
                if (text.indexOf(',') >= 0) {
                    header = text;
                }
                continue;
            }
            if (header == null) {
                header = text;
            }
            break;
        }
        return header == null ? null : parse(header);
    }

    public boolean has(String... columns) {
        for (String column : columns) {
            if (!positions.containsKey(column)) {
                return false;
            }
        }
        return true;
    }

    /** The first of the given names that is a column, or null. */
    public String first(String... columns) {
        for (String column : columns) {
            if (positions.containsKey(column)) {
                return column;
            }
        }
        return null;
    }

    /** The field of a row under the column, stripped; null when the column or the field is absent. */
    public String value(List<String> fields, String column) {
        Integer position = column == null ? null : positions.get(column);
        if (position == null || position >= fields.size()) {
            return null;
        }
        return fields.get(position).strip();
    }

    /** True when a data row is the header line itself (feeds that write it uncommented). */
    public boolean isHeader(List<String> fields) {
        if (fields.size() != names.size()) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).strip().toLowerCase(Locale.ROOT).equals(names.get(i))) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }
}
