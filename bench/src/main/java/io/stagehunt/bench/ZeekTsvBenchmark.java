package io.stagehunt.bench;

import io.stagehunt.event.Event;
import io.stagehunt.event.SourceFile;
import io.stagehunt.ingest.DecodedInput;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import io.stagehunt.ingest.zeek.ZeekTsvFormat;
import io.stagehunt.net.NetworkScope;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Zeek conn.log TSV, parse to events, against two baselines over the same bytes: splitting lines with
 * {@code BufferedReader} (decoding to strings, as a naive reader would) and scanning bytes for newlines (the
 * floor of any line-based reader). Scores are records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ZeekTsvBenchmark.RECORDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ZeekTsvBenchmark {

    static final int RECORDS = 200_000;

    private byte[] connLog;
    private final ZeekTsvFormat format = new ZeekTsvFormat();
    private final NetworkScope scope = NetworkScope.defaults();

    @Setup
    public void generate() {
        connLog = BenchmarkInputs.zeekLog("conn", RECORDS);
    }

    @Benchmark
    public long parseConnToEvents() throws IOException {
        FileAccount account = new FileAccount("conn.log");
        ReadContext context = new ReadContext(new SourceFile("conn.log", ZeekTsvFormat.ID), account, scope);
        long checksum = 0;
        try (RecordReader reader = format.open(new InMemory(connLog), context)) {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                checksum += event.timeMicros();
            }
        }
        return checksum;
    }

    @Benchmark
    public long baselineBufferedReaderLines() throws IOException {
        long characters = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(connLog), StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                characters += line.length();
            }
        }
        return characters;
    }

    @Benchmark
    public long baselineNewlineScan() throws IOException {
        byte[] buffer = new byte[1 << 16];
        long lines = 0;
        try (InputStream in = new ByteArrayInputStream(connLog)) {
            for (int count = in.read(buffer); count > 0; count = in.read(buffer)) {
                for (int i = 0; i < count; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }

    private record InMemory(byte[] bytes) implements DecodedInput {
        @Override
        public String displayPath() {
            return "conn.log";
        }

        @Override
        public InputStream openDecoded() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
