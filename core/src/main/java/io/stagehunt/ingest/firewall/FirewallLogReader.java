package io.stagehunt.ingest.firewall;

import io.stagehunt.event.Event;
import io.stagehunt.event.EventKinds;
import io.stagehunt.event.FirewallDecision;
import io.stagehunt.ingest.LineReader;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a firewall log line by line, whatever mix of the four dialects it holds: each line's syslog header is
 * split off, its message is matched to a dialect and mapped by it. Lines of other programs are skipped by
 * design; lines that are neither syslog nor a bare firewall record, or that break their dialect's rules, are
 * quarantined. Not thread-safe.
 */
final class FirewallLogReader implements RecordReader {

    private final LineReader lines;
    private final ReadContext context;
    private final DecisionContext decisions;

    FirewallLogReader(InputStream in, ReadContext context, FirewallSettings settings) {
        this.lines = new LineReader(in, context.account());
        this.context = context;
        this.decisions = new DecisionContext(context, new TimeResolver(settings, context.account()));
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
            String text = decode();
            if (text == null) {
                continue;
            }
            try {
                FirewallDecision decision = map(text, line);
                context.account().recordProduced();
                return decision;
            } catch (RecordRejected rejected) {
                if (rejected.byDesign()) {
                    context.skip(rejected.getMessage());
                } else {
                    context.quarantine(line, rejected.getMessage(), text);
                }
            } catch (RuntimeException e) {
                context.quarantineFailure(line, e, text);
            }
        }
        return null;
    }

    private FirewallDecision map(String text, long line) throws RecordRejected {
        if (text.startsWith("-- ")) {
            throw RecordRejected.notModeled("journal marker line");
        }
        SyslogLine syslog = SyslogLine.parse(text);
        String message = syslog.message();
        FirewallDialect dialect = FirewallDialect.of(syslog, message);
        if (dialect == null) {
            if (!syslog.hasHeader()) {
                throw RecordRejected.malformed("neither a syslog line nor a firewall record");
            }
            throw RecordRejected.notModeled("kernel".equals(syslog.program())
                    ? "kernel message other than a netfilter log" : "syslog line of another program");
        }
        decisions.line(line);
        return switch (dialect) {
            case NETFILTER -> NetfilterRecord.map(syslog, message, decisions);
            case FILTERLOG -> FilterlogRecord.map(syslog, message, decisions);
            case PANOS -> PanOsTrafficRecord.map(message, decisions);
            case CEF -> CefRecord.map(syslog, message, decisions);
        };
    }

    /**
     * The line as text, or null after quarantining it: control characters (other than tab) and invalid UTF-8 do
     * not occur in well-formed logs, and would reach reports if let through.
     */
    private String decode() {
        byte[] bytes = lines.buffer();
        int start = lines.start();
        int end = lines.end();
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b < 0) {
                ascii = false;
            } else if (b < 0x20 && b != '\t' || b == 0x7F) {
                context.quarantine(lines.lineNumber(),
                        String.format("control character 0x%02x at byte %d", b, i - start + 1), lines.text());
                return null;
            }
        }
        if (ascii) {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            context.quarantine(lines.lineNumber(), "invalid UTF-8", lines.text());
            return null;
        }
    }

    @Override
    public EventKinds kinds() {
        return EventKinds.of(FirewallDecision.class);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
