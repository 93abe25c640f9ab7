package io.stagehunt.cli;

import io.stagehunt.analysis.Analysis;
import io.stagehunt.analysis.AnalysisRequest;
import io.stagehunt.analysis.AnalysisResult;
import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorCatalog;
import io.stagehunt.detect.StandardDetectors;
import io.stagehunt.engine.Pipeline;
import io.stagehunt.ingest.DiscoveredInput;
import io.stagehunt.ingest.InputDiscovery;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.IndicatorIndex;
import io.stagehunt.net.NetworkScope;
import io.stagehunt.simulate.NetworkSimulator;
import io.stagehunt.simulate.SimulationSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stagehunt bench}: end-to-end throughput of {@code analyze} with every detector, next to a baseline
 * that only reads the same inputs and counts their lines, measured in the same run on one core. Without
 * paths it simulates its own input of {@code --size}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures analyze end to end (all detectors) beside a raw line-read baseline of the same "
                + "inputs, in one run.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Inputs (default: simulate --size of logs).")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--size", defaultValue = "256m", description = "Size of simulated input (default: ${DEFAULT-VALUE}).")
    private String size;

    @Option(names = "--hosts", defaultValue = "300", description = "Simulated workstations (default: ${DEFAULT-VALUE}).")
    private int hosts;

    @Option(names = "--only", split = ",", paramLabel = "ID",
            description = "Run only these detectors (ids), to see what each costs end to end.")
    private List<String> only = new ArrayList<>();

    @Option(names = "--rounds", defaultValue = "2", description = "Measured rounds, after one warm-up (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new UsageException("--rounds must be at least 1 (one warm-up round always runs before them)");
        }
        Path simulated = null;
        List<Path> inputs = paths;
        if (inputs.isEmpty()) {
            simulated = Files.createTempDirectory("stagehunt-bench");
            long bytes = ByteSize.parse(size);
            spec.commandLine().getOut().printf("simulating %.0f MB of Zeek logs for %d hosts...%n", bytes / 1e6, hosts);
            NetworkSimulator.run(new SimulationSettings(7, hosts, SimulationSettings.DEFAULT_START, 24 * 365, true,
                    bytes), simulated);
            inputs = List.of(simulated);
        }
        Path out = Files.createTempDirectory("stagehunt-bench-out");
        try {
            List<DiscoveredInput> discovered = new InputDiscovery(StandardFormats.registry()).discover(inputs);
            Measurement baseline = null;
            Measurement analyze = null;
            int detectorCount = 0;
            for (int round = 0; round <= rounds; round++) {
                Measurement lines = countLines(discovered);
                List<Detector<?, ?>> detectors = detectors();
                detectorCount = detectors.stream().mapToInt(detector -> detector.memberIds().size()).sum();
                Measurement full = analyze(inputs, out, detectors);
                if (round > 0) {
                    baseline = best(baseline, lines);
                    analyze = best(analyze, full);
                }
            }
            print(baseline, analyze, detectorCount);
        } finally {
            delete(out);
            if (simulated != null) {
                delete(simulated);
            }
        }
        return Main.EXIT_OK;
    }

    /**
     * One timed pass; {@code gcMillis} is the time the JVM's collectors reported spending during it, and
     * {@code allocated} the bytes the pass allocated on its thread (the whole analysis runs on it), a figure that
     * shared machines do not make noisy.
     */
    private record Measurement(long records, long bytes, long nanos, long gcMillis, long allocated) {
        double recordsPerSecond() {
            return records / (nanos / 1e9);
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / (nanos / 1e9);
        }
    }

    private static Measurement best(Measurement current, Measurement candidate) {
        return current == null || candidate.nanos < current.nanos ? candidate : current;
    }

    private static Measurement countLines(List<DiscoveredInput> inputs) throws IOException {
        long gcBefore = collectionMillis();
        long allocatedBefore = allocatedBytes();
        long started = System.nanoTime();
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        for (DiscoveredInput input : inputs) {
            if (!input.readable()) {
                continue;
            }
            try (InputStream in = input.input().openDecoded()) {
                for (int count = in.read(buffer); count > 0; count = in.read(buffer)) {
                    bytes += count;
                    for (int i = 0; i < count; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
        }
        return new Measurement(lines, bytes, System.nanoTime() - started, collectionMillis() - gcBefore,
                allocatedBytes() - allocatedBefore);
    }

    private List<Detector<?, ?>> detectors() {
        if (only.isEmpty()) {
            return StandardDetectors.all();
        }
        List<String> known = DetectorCatalog.network().stream().map(DetectorCatalog.Entry::id).toList();
        if (!known.containsAll(only)) {
            throw new UsageException("--only: unknown detector id among " + only + "; known: " + known);
        }
        Set<String> disabled = new HashSet<>(known);
        disabled.removeAll(only);
        return StandardDetectors.configured(disabled, Map.of(), IndicatorIndex.empty(), BenignList.empty());
    }

    private static Measurement analyze(List<Path> inputs, Path out, List<Detector<?, ?>> detectors)
            throws IOException {
        AnalysisRequest request = new AnalysisRequest(inputs, NetworkScope.defaults(), false, out, detectors,
                Pipeline.Settings.DEFAULT);
        long gcBefore = collectionMillis();
        long allocatedBefore = allocatedBytes();
        long started = System.nanoTime();
        AnalysisResult result = new Analysis(StandardFormats.registry()).run(request, null);
        long nanos = System.nanoTime() - started;
        long records = result.summary().accounts().stream().mapToLong(account -> account.read()).sum();
        long bytes = result.summary().accounts().stream().mapToLong(account -> account.bytes()).sum();
        return new Measurement(records, bytes, nanos, collectionMillis() - gcBefore,
                allocatedBytes() - allocatedBefore);
    }

    /** Bytes allocated so far by this thread; -1 where the JVM does not count them. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    private static long collectionMillis() {
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, collector.getCollectionTime());
        }
        return millis;
    }

    private void print(Measurement baseline, Measurement analyze, int detectorCount) {
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        var out = spec.commandLine().getOut();
        out.printf("%-34s %14s %10s %8s%n", "measurement (best of rounds)", "records/s", "MB/s", "seconds");
        out.printf("%-34s %,14.0f %10.1f %8.2f%n", "baseline: read + count lines", baseline.recordsPerSecond(),
                baseline.megabytesPerSecond(), baseline.nanos / 1e9);
        out.printf("%-34s %,14.0f %10.1f %8.2f%n", "analyze (" + detectorCount + " detectors)",
                analyze.recordsPerSecond(), analyze.megabytesPerSecond(), analyze.nanos / 1e9);
        out.printf("analyze / baseline: %.2f   records: %,d   max heap: %d MB   peak heap used: %d MB%n",
                analyze.recordsPerSecond() / baseline.recordsPerSecond(), analyze.records,
                Runtime.getRuntime().maxMemory() >> 20, heapPeak >> 20);
        // The collector decides much of a one-core figure: name it, and say how much of the pass it took.
        List<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList();
        out.printf("processors: %d   collectors: %s   GC during that analyze: %.2f s%n",
                Runtime.getRuntime().availableProcessors(), String.join(" + ", collectors),
                analyze.gcMillis / 1e3);
        if (analyze.allocated >= 0) {
            out.printf("allocated by that analyze: %,d MB, %,d bytes per record%n", analyze.allocated >> 20,
                    analyze.allocated / Math.max(1, analyze.records));
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
