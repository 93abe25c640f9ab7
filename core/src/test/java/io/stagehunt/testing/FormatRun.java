package io.stagehunt.testing;

import io.stagehunt.event.Event;
import io.stagehunt.event.SourceFile;
import io.stagehunt.ingest.DecodedInput;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.LogFormat;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
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

/** Reads one input to its end through a format's reader, keeping every event and the input's ledger. */
public record FormatRun(List<Event> events, FileAccount account) {

    public static FormatRun of(LogFormat format, String content) {
        return of(format, content.getBytes(StandardCharsets.UTF_8), NetworkScope.defaults());
    }

    public static FormatRun of(LogFormat format, byte[] content, NetworkScope scope) {
        return read(format, new Bytes("memory", content), scope);
    }

    public static FormatRun of(LogFormat format, Path file, NetworkScope scope) {
        return read(format, new DecodedInput() {
            @Override
            public String displayPath() {
                return file.toString();
            }

            @Override
            public InputStream openDecoded() throws IOException {
                return Files.newInputStream(file);
            }
        }, scope);
    }

    /** The events of one type, in input order. */
    public <T extends Event> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static FormatRun read(LogFormat format, DecodedInput input, NetworkScope scope) {
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
        return new FormatRun(List.copyOf(events), account);
    }

    private record Bytes(String displayPath, byte[] content) implements DecodedInput {
        @Override
        public InputStream openDecoded() {
            return new ByteArrayInputStream(content);
        }
    }
}
