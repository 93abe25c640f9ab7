package io.stagehunt.ingest;

import io.stagehunt.event.Event;
import io.stagehunt.event.SourceFile;
import io.stagehunt.net.NetworkScope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a format's reader to the end over bytes or a discovered input, collecting the events and the ledger,
 * for tests of readers.
 */
public final class FormatHarness {

    private FormatHarness() {
    }

    /** Everything one read gave. */
    public record Result(List<Event> events, FileAccount account) {

        public <E extends Event> List<E> only(Class<E> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** The lines of the quarantine samples (the first 20 quarantined records). */
        public List<Long> quarantinedLines() {
            return account.samples().stream().map(FileAccount.QuarantineEntry::line).toList();
        }

        public String reasonOfLine(long line) {
            return account.samples().stream().filter(entry -> entry.line() == line)
                    .map(FileAccount.QuarantineEntry::reason).findFirst().orElse(null);
        }
    }

    public static Result read(LogFormat format, String content) {
        return read(format, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Result read(LogFormat format, byte[] content) {
        return read(format, new BytesInput("test-input", content), NetworkScope.defaults());
    }

    public static Result read(DiscoveredInput input) {
        return read(input.format(), input.input(), NetworkScope.defaults());
    }

    public static Result read(LogFormat format, DecodedInput input, NetworkScope scope) {
        FileAccount account = new FileAccount(input.displayPath());
        account.format(format.id());
        ReadContext context = new ReadContext(new SourceFile(input.displayPath(), format.id()), account, scope);
        List<Event> events = new ArrayList<>();
        try (RecordReader reader = format.open(input, context)) {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                events.add(event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(events, account);
    }

    /** The format the standard registry recognizes for this content, or null. */
    public static LogFormat recognize(byte[] content) {
        byte[] head = Arrays.copyOf(content, Math.min(content.length, InputDiscovery.HEAD_BYTES));
        return StandardFormats.registry().recognize(new Head(head, head.length, content.length <= head.length));
    }

    /** An event's components other than its provenance, for comparing what two readers made of one record. */
    public static List<Object> withoutProvenance(Event event) {
        List<Object> values = new ArrayList<>();
        values.add(event.getClass().getSimpleName());
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals("provenance")) {
                continue;
            }
            try {
                values.add(component.getAccessor().invoke(event));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    /** Bytes in memory as a decoded input. */
    public record BytesInput(String displayPath, byte[] content) implements DecodedInput {
        @Override
        public InputStream openDecoded() {
            return new ByteArrayInputStream(content);
        }
    }
}
