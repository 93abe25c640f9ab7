package io.stagehunt.ingest;

import io.stagehunt.event.Event;
import io.stagehunt.event.EventKinds;
import io.stagehunt.event.SourceFile;
import io.stagehunt.net.NetworkScope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads bytes or a test resource through one format, for reader tests: the events and the ledger. */
public record ReaderFixture(List<Event> events, FileAccount account, EventKinds kinds) {

    public static ReaderFixture read(LogFormat format, String text) {
        return read(format, text.getBytes(StandardCharsets.UTF_8));
    }

    public static ReaderFixture read(LogFormat format, byte[] bytes) {
        return read(format, "memory", () -> new ByteArrayInputStream(bytes), NetworkScope.defaults());
    }

    public static ReaderFixture read(LogFormat format, Path file) {
        return read(format, file.toString(), () -> Files.newInputStream(file), NetworkScope.defaults());
    }

    /** Reads a classpath resource relative to {@code anchor}'s package. */
    public static ReaderFixture resource(LogFormat format, Class<?> anchor, String name) {
        if (anchor.getResource(name) == null) {
            throw new IllegalArgumentException("no test resource " + name + " beside " + anchor.getName());
        }
        return read(format, name, () -> anchor.getResourceAsStream(name), NetworkScope.defaults());
    }

    public static ReaderFixture read(LogFormat format, String name, DecodedInput input, NetworkScope scope) {
        return read(format, name, (Opener) input::openDecoded, scope);
    }

    private static ReaderFixture read(LogFormat format, String name, Opener opener, NetworkScope scope) {
        FileAccount account = new FileAccount(name);
        account.format(format.id());
        List<Event> events = new ArrayList<>();
        EventKinds kinds;
        DecodedInput input = new DecodedInput() {
            @Override
            public String displayPath() {
                return name;
            }

            @Override
            public InputStream openDecoded() throws IOException {
                return opener.open();
            }
        };
        ReadContext context = new ReadContext(new SourceFile(name, format.id()), account, scope);
        try (RecordReader reader = format.open(input, context)) {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                events.add(event);
            }
            kinds = reader.kinds();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReaderFixture(events, account, kinds);
    }

    /** The events of one type, in order. */
    public <T extends Event> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A discovered input read through the format it was recognized as. */
    public static ReaderFixture read(DiscoveredInput input) {
        return read(input.format(), input.displayPath(), input.input(), NetworkScope.defaults());
    }

    /** The lines of the quarantine samples (the first {@link FileAccount#MAX_SAMPLES} quarantined records). */
    public List<Long> quarantinedLines() {
        return account.samples().stream().map(FileAccount.QuarantineEntry::line).toList();
    }

    /** The quarantine reason recorded for a line, or null when it is not among the samples. */
    public String reasonOfLine(long line) {
        return account.samples().stream().filter(entry -> entry.line() == line)
                .map(FileAccount.QuarantineEntry::reason).findFirst().orElse(null);
    }

    private interface Opener {
        InputStream open() throws IOException;
    }
}
