package io.stagehunt.intel.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of the CSV dialects feeds write: comma-separated, fields optionally in double quotes with
 * doubled quotes inside, spaces around fields ignored ({@code "a", "b"}, as MalwareBazaar writes).
 */
public final class CsvLine {

    private CsvLine() {
    }

    /** The fields of {@code line}; throws {@link IllegalArgumentException} for an unterminated quote. */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int length = line.length();
        while (true) {
            while (i < length && line.charAt(i) == ' ') {
                i++;
            }
            StringBuilder field = new StringBuilder();
            if (i < length && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= length) {
                        throw new IllegalArgumentException("unterminated quote");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < length && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < length && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < length && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after a closing quote");
                }
            } else {
                int end = line.indexOf(',', i);
                if (end < 0) {
                    end = length;
                }
                field.append(line, i, end);
                i = end;
                int trimmed = field.length();
                while (trimmed > 0 && field.charAt(trimmed - 1) == ' ') {
                    trimmed--;
                }
                field.setLength(trimmed);
            }
            fields.add(field.toString());
            if (i >= length) {
                return fields;
            }
            i++;
        }
    }
}
