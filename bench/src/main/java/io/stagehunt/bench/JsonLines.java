package io.stagehunt.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagehunt.event.Event;
import io.stagehunt.event.SourceFile;
import io.stagehunt.ingest.DecodedInput;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.LineReader;
import io.stagehunt.ingest.LogFormat;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import io.stagehunt.net.NetworkScope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The three ways the JSON benchmarks read the same generated lines: the format's own reader to events, and the
 * two baselines, splitting lines only and Jackson's tree model per line. Stateless.
 */
final class JsonLines {

    private static final ObjectMapper TREE = new ObjectMapper();
    private static final NetworkScope SCOPE = NetworkScope.defaults();

    private JsonLines() {
    }

    /** Reads every line to events; returns the events read. */
    static long toEvents(LogFormat format, byte[] content, Blackhole sink) throws IOException {
        FileAccount account = new FileAccount("bench");
        ReadContext context = new ReadContext(new SourceFile("bench", format.id()), account, SCOPE);
        long events = 0;
        try (RecordReader reader = format.open(new Bytes(content), context)) {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                sink.consume(event);
                events++;
            }
        }
        if (!account.balanced() || account.quarantined() > 0) {
            throw new IllegalStateException("generated input did not read cleanly: " + account.quarantineReasons());
        }
        return events;
    }

    /** Splits the lines and touches each one's bounds: the floor under any line-based reader. */
    static long splitOnly(byte[] content, Blackhole sink) throws IOException {
        long lines = 0;
        try (LineReader reader = new LineReader(new ByteArrayInputStream(content), new FileAccount("bench"))) {
            while (reader.next()) {
                sink.consume(reader.end() - reader.start());
                lines++;
            }
        }
        return lines;
    }

    /** Splits the lines and parses each with Jackson's tree model, as a simple JSON reader would. */
    static long treeParse(byte[] content, Blackhole sink) throws IOException {
        long lines = 0;
        try (LineReader reader = new LineReader(new ByteArrayInputStream(content), new FileAccount("bench"))) {
            while (reader.next()) {
                sink.consume(TREE.readTree(reader.buffer(), reader.start(), reader.length()));
                lines++;
            }
        }
        return lines;
    }

    private record Bytes(byte[] content) implements DecodedInput {
        @Override
        public String displayPath() {
            return "bench";
        }

        @Override
        public InputStream openDecoded() {
            return new ByteArrayInputStream(content);
        }
    }
}
