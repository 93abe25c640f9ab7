package io.stagehunt.ingest.suricata;

import io.stagehunt.event.Event;
import io.stagehunt.ingest.LineReader;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import io.stagehunt.ingest.json.JsonLineParser;
import io.stagehunt.ingest.json.JsonRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * Reads Suricata EVE JSON lines: parses each line with a streaming parser into the slots of {@link EveFields},
 * then maps it by {@code event_type}. Records that join with others ({@code dns}, {@code netflow}) wait in
 * bounded buffers and come out as one event per transaction or flow, a little after their neighbours; every
 * record is accounted once, as produced, joined (skipped by design), skipped as an unmodeled type, or
 * quarantined with its line. Not thread-safe.
 */
final class EveReader implements RecordReader, EventSink {

    private static final int MAX_TYPE_SHOWN = 32;

    private final LineReader lines;
    private final ReadContext context;
    private final JsonLineParser parser = new JsonLineParser(EveFields.SCHEMA);
    private final EveRecord eve = new EveRecord(new JsonRecord(EveFields.SCHEMA));
    private final EveDns dns;
    private final EveFlows flows;
    private final ArrayDeque<Event> ready = new ArrayDeque<>();
    private long records;
    private long newestMicros = Long.MIN_VALUE;
    private boolean ended;
    /** The error that ended the input early, thrown once what was waiting to be joined has been handed out. */
    private IOException readError;

    EveReader(InputStream in, ReadContext context) {
        this.lines = new LineReader(in, context.account());
        this.context = context;
        this.dns = new EveDns(context, this);
        this.flows = new EveFlows(context, this);
    }

    @Override
    public Event next() throws IOException {
        while (ready.isEmpty() && !ended) {
            boolean more;
            try {
                more = lines.next();
            } catch (IOException e) {
                // the records waiting to be joined were read and counted: they get their outcome before the
                // error that ends the input surfaces
                readError = e;
                more = false;
            }
            if (more) {
                read();
            } else {
                ended = true;
                dns.drain();
                flows.drain();
            }
        }
        Event event = ready.poll();
        if (event == null && readError != null) {
            IOException error = readError;
            readError = null;
            throw error;
        }
        return event;
    }

    @Override
    public void emit(Event event, int joinedRecords, String joinedReason) {
        context.account().recordProduced();
        for (int i = 0; i < joinedRecords; i++) {
            context.skip(joinedReason);
        }
        ready.add(event);
    }

    private void read() {
        long line = lines.lineNumber();
        records++;
        if (lines.oversized()) {
            context.quarantine(line, "line of " + lines.oversizedLength() + " bytes exceeds the limit of "
                    + lines.maxLine(), lines.oversizedHead());
            return;
        }
        if (lines.blank()) {
            context.skip("blank line");
            return;
        }
        String problem = parser.parse(lines.buffer(), lines.start(), lines.end(), eve.json());
        if (problem != null) {
            context.quarantine(line, problem, lines.text());
            return;
        }
        try {
            map(line);
        } catch (MalformedEveException e) {
            context.quarantine(line, e.getMessage(), lines.text());
        } catch (RuntimeException e) {
            context.quarantineFailure(line, e, lines.text());
        }
        dns.expire(newestMicros, records);
        flows.expire(newestMicros, records);
    }

    private void map(long line) throws MalformedEveException {
        long time = eve.time(EveFields.TIMESTAMP);
        if (time == Long.MIN_VALUE) {
            throw eve.missing(EveFields.TIMESTAMP);
        }
        String type = eve.requiredText(EveFields.EVENT_TYPE);
        switch (type) {
            case "flow" -> emit(flows.flow(eve, line, time), 0, null);
            case "netflow" -> flows.netflow(eve, line, records, time);
            case "dns" -> dns.add(eve, line, records, time);
            case "http" -> emit(EveMappings.http(eve, context, line, time), 0, null);
            case "tls" -> emit(EveMappings.tls(eve, context, line, time), 0, null);
            case "fileinfo" -> emit(EveMappings.file(eve, context, line, time), 0, null);
            case "alert" -> emit(EveMappings.alert(eve, context, line, time), 0, null);
            default -> context.skip("suricata event type '" + shown(type) + "' not modeled");
        }
        newestMicros = Math.max(newestMicros, time);
    }

    /** An event type as it may appear in an accounting reason: data-derived, so cut and limited to plain characters. */
    private static String shown(String type) {
        StringBuilder out = new StringBuilder(Math.min(type.length(), MAX_TYPE_SHOWN));
        for (int i = 0; i < type.length() && out.length() < MAX_TYPE_SHOWN; i++) {
            char c = type.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            out.append(plain ? c : '?');
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
