package io.stagehunt.bench;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.beacon.BeaconDetector;
import io.stagehunt.detect.beacon.LongConnectionDetector;
import io.stagehunt.detect.beacon.PairKey;
import io.stagehunt.detect.beacon.StrobeDetector;
import io.stagehunt.engine.DetectorHarness;
import io.stagehunt.event.Connection;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.EventKinds;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.SourceFile;
import io.stagehunt.event.TlsSession;
import io.stagehunt.ingest.DecodedInput;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import io.stagehunt.ingest.zeek.ZeekTsvFormat;
import io.stagehunt.net.NetworkScope;
import io.stagehunt.simulate.NetworkSimulator;
import io.stagehunt.simulate.SimulationSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pair detectors (beacon, strobe, long connection) over simulated Zeek events, each run through the real
 * in-process runner from the first event to the end of input (state expired), beside a baseline that only
 * counts connections per pair through the same runner: the ratio is what the detectors' own work costs.
 * {@code logs=conn} feeds conn events only; {@code logs=all} feeds conn, dns, http and ssl events in time order,
 * as an analysis of a Zeek folder does. {@code declared=true} tells the detectors which logs they get, as the
 * pipeline does after reading the logs' headers; with {@code false} they may expect any kind, so with conn events
 * only every TLS and HTTP flow waits in vain for its name. Scores are events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PairDetectorsBenchmark.EVENTS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class PairDetectorsBenchmark {

    static final int EVENTS = 200_000;

    @Param({"conn", "all"})
    public String logs;

    @Param({"true", "false"})
    public boolean declared;

    private List<Event> events;
    private EventKinds kinds;
    private final BeaconDetector beacon = new BeaconDetector();
    private final StrobeDetector strobe = new StrobeDetector();
    private final LongConnectionDetector longConnection = new LongConnectionDetector();
    private final PairCounter counter = new PairCounter();

    @Setup
    public void generate() throws IOException {
        List<String> names = logs.equals("conn") ? List.of("conn") : List.of("conn", "dns", "http", "ssl");
        kinds = !declared ? EventKinds.ANY : logs.equals("conn") ? EventKinds.of(Connection.class)
                : EventKinds.of(Connection.class, DnsQuery.class, HttpRequest.class, TlsSession.class);
        Path folder = Files.createTempDirectory("stagehunt-bench");
        try {
            for (int hours = 1; ; hours *= 2) {
                NetworkSimulator.run(new SimulationSettings(42, 400, SimulationSettings.DEFAULT_START
                        + 2 * 3_600_000_000L, hours, true, 0), folder);
                List<Event> read = new ArrayList<>();
                for (String name : names) {
                    read.addAll(events(name, Files.readAllBytes(folder.resolve(name + ".log"))));
                }
                if (read.size() >= EVENTS) {
                    read.sort(Comparator.comparingLong(Event::timeMicros));
                    events = List.copyOf(read.subList(0, EVENTS));
                    return;
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static List<Event> events(String name, byte[] log) throws IOException {
        ReadContext context = new ReadContext(new SourceFile(name + ".log", ZeekTsvFormat.ID),
                new FileAccount(name + ".log"), NetworkScope.defaults());
        List<Event> read = new ArrayList<>();
        try (RecordReader reader = new ZeekTsvFormat().open(new InMemory(log), context)) {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                read.add(event);
            }
        }
        return read;
    }

    @Benchmark
    public int beacon() {
        return run(beacon);
    }

    @Benchmark
    public int strobe() {
        return run(strobe);
    }

    @Benchmark
    public int longConnection() {
        return run(longConnection);
    }

    @Benchmark
    public int baselineCountPerPair() {
        return run(counter);
    }

    private <K, S> int run(Detector<K, S> detector) {
        DetectorHarness<K, S> harness = new DetectorHarness<>(detector).inputs(kinds);
        for (Event event : events) {
            harness.accept(event);
        }
        harness.finish();
        return harness.findings().size();
    }

    /** Counts connections per host and address, forgetting a pair a day after its last connection. */
    static final class PairCounter implements Detector<PairKey, long[]> {

        private static final long DAY_MICROS = 86_400_000_000L;

        @Override
        public String id() {
            return "count-per-pair";
        }

        @Override
        public boolean accepts(Class<? extends Event> type) {
            return type == Connection.class;
        }

        @Override
        public PairKey keyOf(Event event) {
            Connection connection = (Connection) event;
            return connection.host() == null ? null : new PairKey(connection.host(), connection.remote());
        }

        @Override
        public long[] onEvent(PairKey key, long[] state, Event event, DetectorContext context) {
            long[] count = state != null ? state : new long[2];
            count[0]++;
            count[1] = Math.max(count[1], event.timeMicros());
            context.setTimer(count[1] + DAY_MICROS);
            return count;
        }

        @Override
        public long[] onTimer(PairKey key, long[] state, long timeMicros, DetectorContext context) {
            return null;
        }
    }

    private record InMemory(byte[] bytes) implements DecodedInput {
        @Override
        public String displayPath() {
            return "simulated.log";
        }

        @Override
        public InputStream openDecoded() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
