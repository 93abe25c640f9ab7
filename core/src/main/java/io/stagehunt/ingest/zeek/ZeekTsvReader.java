package io.stagehunt.ingest.zeek;

import io.stagehunt.event.Event;
import io.stagehunt.event.EventKinds;
import io.stagehunt.ingest.LineReader;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Zeek TSV straight from bytes: splits on the declared separator, maps columns to the log's fields by
 * name (any order, extra columns ignored), and decodes only the fields the log mapping asks for. Headers may
 * repeat mid-file, as in concatenated logs. Not thread-safe.
 */
final class ZeekTsvReader implements RecordReader {

    private static final String HEADER = "header";

    private final LineReader lines;
    private final ReadContext context;
    private final TsvRow row = new TsvRow();
    private String path;
    private String[] columns;
    private ZeekLog log;
    private String notModeled;
    /** Why the records under the current {@code #fields} header cannot be read; null when they can. */
    private String refused;
    /** What the {@code #fields} headers read so far declare; null before the first. */
    private EventKinds declared;

    ZeekTsvReader(InputStream in, ReadContext context) {
        this.lines = new LineReader(in, context.account());
        this.context = context;
    }

    @Override
    public Event next() throws IOException {
        while (lines.next()) {
            long line = lines.lineNumber();
            if (lines.oversized()) {
                context.quarantine(line, "line of " + lines.oversizedLength() + " bytes exceeds the limit of "
                        + lines.maxLine(), lines.oversizedHead());
                continue;
            }
            byte[] bytes = lines.buffer();
            int start = lines.start();
            int end = lines.end();
            int first = start;
            while (first < end && (bytes[first] == ' ' || bytes[first] == '\t')) {
                first++;
            }
            if (first < end && bytes[first] == '#') {
                // Some tools that concatenate logs leave blanks before header lines.
                try {
                    header(bytes, first, end);
                    context.skip(HEADER);
                } catch (RuntimeException e) {
                    context.quarantineFailure(line, e, lines.text());
                }
                continue;
            }
            if (lines.blank()) {
                context.skip("blank line");
                continue;
            }
            if (columns == null) {
                context.quarantine(line, "record before any #fields header", lines.text());
                continue;
            }
            if (log == null) {
                context.skip(notModeled);
                continue;
            }
            if (refused != null) {
                context.quarantine(line, refused, lines.text());
                continue;
            }
            try {
                String problem = row.split(bytes, start, end, columns.length);
                if (problem != null) {
                    context.quarantine(line, problem, lines.text());
                    continue;
                }
                String unset = log.unsetRequired(row);
                if (unset != null) {
                    context.quarantine(line, unset, lines.text());
                    continue;
                }
                Event event = log.map(row, context, line);
                if (event != null) {
                    context.account().recordProduced();
                    return event;
                }
            } catch (MalformedFieldException e) {
                context.quarantine(line, e.getMessage(), lines.text());
            } catch (RuntimeException e) {
                context.quarantineFailure(line, e, lines.text());
            }
        }
        return null;
    }

    private void header(byte[] bytes, int start, int end) {
        String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        int split = text.indexOf(text.startsWith("#separator") ? ' ' : (char) row.separator);
        String key = split < 0 ? text : text.substring(0, split);
        String value = split < 0 ? "" : text.substring(split + 1);
        switch (key) {
            case "#separator" -> row.separator = TsvRow.unescape(value.strip()).getBytes(StandardCharsets.ISO_8859_1)[0];
            case "#set_separator" -> row.setSeparator = TsvRow.unescape(value).getBytes(StandardCharsets.ISO_8859_1)[0];
            case "#empty_field" -> row.emptyField = value.getBytes(StandardCharsets.UTF_8);
            case "#unset_field" -> row.unsetField = value.getBytes(StandardCharsets.UTF_8);
            case "#path" -> {
                path = value;
                columns = null;
            }
            case "#fields" -> fields(value);
            default -> { }
        }
    }

    private void fields(String value) {
        // the separator is a literal character: as a regex, "(" would throw and "|" would split every character
        columns = value.split(Pattern.quote(String.valueOf((char) row.separator)), -1);
        String effectivePath = path;
        if (effectivePath == null) {
            effectivePath = ZeekLog.inferPath(new HashSet<>(List.of(columns)));
        }
        log = ZeekLog.forPath(effectivePath);
        EventKinds kinds = log == null ? EventKinds.NONE : EventKinds.of(log.produces());
        declared = declared == null ? kinds : declared.and(kinds);
        notModeled = "zeek log '" + (effectivePath == null ? "?" : effectivePath) + "' not modeled";
        refused = null;
        if (log == null) {
            return;
        }
        if (columns.length > TsvRow.MAX_COLUMNS) {
            refused = "#fields header names " + columns.length + " columns, more than the limit of "
                    + TsvRow.MAX_COLUMNS;
            return;
        }
        List<String> wanted = log.fields();
        int[] slots = new int[wanted.size()];
        for (int slot = 0; slot < slots.length; slot++) {
            slots[slot] = indexOf(columns, wanted.get(slot));
        }
        for (String required : log.required()) {
            if (indexOf(columns, required) < 0) {
                refused = "zeek log '" + log.path() + "' lacks required field '" + required + "'";
                break;
            }
        }
        row.columns(wanted, slots);
    }

    private static int indexOf(String[] names, String wanted) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public EventKinds kinds() {
        return declared == null ? EventKinds.ANY : declared;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
