package io.stagehunt.ingest.zeek;

import io.stagehunt.event.Event;
import io.stagehunt.ingest.LineReader;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import io.stagehunt.ingest.json.JsonLineParser;
import io.stagehunt.ingest.json.JsonRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads Zeek JSON lines: parses each line with a streaming parser straight from the line buffer into the slots
 * of the fields the log mappings read, finds the log from {@code _path}, {@code @stream} or, failing both, the
 * fields present ({@link ZeekLog#inferPath}) or those of the records before, and maps the record with the same
 * {@link ZeekLog} as TSV, so both writers give the same events. Records of logs stagehunt does not model are
 * skipped by design; malformed JSON, values of the wrong type and records lacking a required field are
 * quarantined. Not thread-safe.
 */
final class ZeekJsonReader implements RecordReader {

    private static final ZeekJsonFields FIELDS = ZeekJsonFields.INSTANCE;
    private static final int MAX_PATH_SHOWN = 40;

    private final LineReader lines;
    private final ReadContext context;
    private final JsonLineParser parser = new JsonLineParser(FIELDS.schema());
    private final JsonRecord record = new JsonRecord(FIELDS.schema());
    private final JsonZeekRow row = new JsonZeekRow(record);
    private final Set<String> presentNames = new PresentNames();
    /**
     * The log last told from its fields in this input. A file without {@code _path} holds one log, and Zeek
     * leaves unset fields out, so a record too sparse to tell its log (an HTTP reply without a request) is
     * taken to belong to the log of the records before it.
     */
    private String inferredPath;

    ZeekJsonReader(InputStream in, ReadContext context) {
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
            if (lines.blank()) {
                context.skip("blank line");
                continue;
            }
            String problem = parser.parse(lines.buffer(), lines.start(), lines.end(), record);
            if (problem != null) {
                context.quarantine(line, problem, lines.text());
                continue;
            }
            try {
                Event event = map(line);
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

    /** The event of the current record; null when it was skipped or quarantined here (already accounted). */
    private Event map(long line) throws MalformedFieldException {
        String path = namedPath();
        if (path == null) {
            path = ZeekLog.inferPath(presentNames);
            if (path != null) {
                inferredPath = path;
            } else {
                path = inferredPath;
            }
        }
        ZeekLog log = ZeekLog.forPath(path);
        if (log == null) {
            context.skip(path == null ? "zeek log of unknown path not modeled"
                    : "zeek log '" + shown(path) + "' not modeled");
            return null;
        }
        int[] required = FIELDS.requiredSlots(log);
        for (int i = 0; i < required.length; i++) {
            if (!record.has(required[i])) {
                context.quarantine(line, "zeek log '" + log.path() + "' lacks required field '"
                        + log.required().get(i) + "'", lines.text());
                return null;
            }
        }
        row.bind(FIELDS.slots(log), log.fields());
        String unset = log.unsetRequired(row);
        if (unset != null) {
            context.quarantine(line, unset, lines.text());
            return null;
        }
        return log.map(row, context, line);
    }

    /** The log path the record names itself, by Zeek's {@code _path} or the {@code @stream} of OTRF exports. */
    private String namedPath() throws MalformedFieldException {
        for (int slot : new int[] {FIELDS.pathSlot(), FIELDS.streamSlot()}) {
            switch (record.kind(slot)) {
                case ABSENT, NULL -> { }
                case STRING -> {
                    return record.string(slot);
                }
                default -> throw new MalformedFieldException(record.schema().slotName(slot),
                        "expected a string, found " + record.describe(slot));
            }
        }
        return null;
    }

    /** A log path as it may appear in an accounting reason: data-derived, so cut and limited to plain characters. */
    private static String shown(String path) {
        StringBuilder out = new StringBuilder(Math.min(path.length(), MAX_PATH_SHOWN));
        for (int i = 0; i < path.length() && out.length() < MAX_PATH_SHOWN; i++) {
            char c = path.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.';
            out.append(plain ? c : '?');
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /**
     * The field names a record holds, in canonical dotted form whatever spelling it used, for path inference.
     * A read-only view over the current record.
     */
    private final class PresentNames extends AbstractSet<String> {
        @Override
        public boolean contains(Object name) {
            if (record.topLevelKeys().contains(name)) {
                return true;
            }
            int slot = name instanceof String text ? FIELDS.slotOf(text) : -1;
            return slot >= 0 && record.has(slot);
        }

        @Override
        public Iterator<String> iterator() {
            return record.topLevelKeys().iterator();
        }

        @Override
        public int size() {
            return record.topLevelKeys().size();
        }
    }
}
