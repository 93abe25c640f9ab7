package io.stagehunt.bench;

import io.stagehunt.intel.IndicatorIndex;
import io.stagehunt.intel.IntelMatch;
import io.stagehunt.intel.feed.LoadedIntel;
import io.stagehunt.intel.feed.StandardFeeds;
import io.stagehunt.net.IpAddress;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The intel index at feed scale: loading 1,000,000 generated mixed indicators (time, in a JVM capped at 300 MB
 * of heap, with the heap the built index retains printed after each iteration), and single-threaded domain and
 * address lookups per second against a {@link HashMap} holding the same values, in the same run.
 *
 * <p>The baselines answer only exact questions; the index also walks parent domains (up to the registered
 * domain) and CIDR ranges. Domain queries are a quarter listed names, a quarter names under listed ones and half
 * unlisted names; address queries half listed, half random.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx300m", "-Xms300m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class IntelIndexBenchmark {

    static final int INDICATORS = 1_000_000;
    private static final int QUERIES = 1 << 14;

    /** The generated feed file. */
    @State(Scope.Benchmark)
    public static class Feed {
        Path file;
        LoadedIntel last;

        @Setup(Level.Trial)
        public void write() throws IOException {
            file = new GeneratedIndicators(20_240_613L).write(Files.createTempFile("stagehunt-indicators", ".txt"),
                    INDICATORS);
        }

        @TearDown(Level.Iteration)
        public void reportRetainedHeap() {
            if (last == null) {
                return;
            }
            System.gc();
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("%n    [%,d indicators loaded; heap in use with the index held: %,d MB; index's own "
                    + "estimate: %,d MB]%n", last.indicators().size(), used >> 20, last.indicators().bytesUsed() >> 20);
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    /** Load time of the whole file: recognition, parsing, normalization and index building. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 5)
    public int loadMillionIndicators(Feed feed) {
        feed.last = null;
        feed.last = StandardFeeds.loader(List.of()).load(List.of(feed.file.toString()));
        return feed.last.indicators().size();
    }

    /** The index and the baselines over the same generated values, with fixed query mixes. */
    @State(Scope.Benchmark)
    public static class Lookups {
        IndicatorIndex index;
        Map<String, Object> domainMap;
        Map<IpAddress, Object> addressMap;
        String[] domainQueries = new String[QUERIES];
        IpAddress[] addressQueries = new IpAddress[QUERIES];

        @Setup(Level.Trial)
        public void build() throws IOException {
            GeneratedIndicators generated = new GeneratedIndicators(20_240_613L);
            Path file = generated.write(Files.createTempFile("stagehunt-indicators", ".txt"), INDICATORS);
            index = StandardFeeds.loader(List.of()).load(List.of(file.toString())).indicators();
            Files.delete(file);
            domainMap = new HashMap<>();
            for (String domain : generated.domains) {
                domainMap.put(domain, Boolean.TRUE);
            }
            addressMap = new HashMap<>();
            for (IpAddress address : generated.addresses) {
                addressMap.put(address, Boolean.TRUE);
            }
            var random = generated.random();
            for (int i = 0; i < QUERIES; i++) {
                String listed = generated.domains.get(random.nextInt(generated.domains.size()));
                domainQueries[i] = switch (i % 4) {
                    case 0 -> listed;
                    case 1 -> "www." + listed;
                    default -> generated.unlistedDomain();
                };
                addressQueries[i] = i % 2 == 0 ? generated.addresses.get(random.nextInt(generated.addresses.size()))
                        : IpAddress.ofV4(random.nextInt());
            }
        }
    }

    /** The position in the query arrays, per thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            next = (next + 1) & (QUERIES - 1);
            return next;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<IntelMatch> domainLookupIndex(Lookups lookups, Cursor cursor) {
        return lookups.index.matchDomain(lookups.domainQueries[cursor.advance()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object domainLookupHashMap(Lookups lookups, Cursor cursor) {
        return lookups.domainMap.get(lookups.domainQueries[cursor.advance()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<IntelMatch> addressLookupIndex(Lookups lookups, Cursor cursor) {
        return lookups.index.matchAddress(lookups.addressQueries[cursor.advance()]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object addressLookupHashMap(Lookups lookups, Cursor cursor) {
        return lookups.addressMap.get(lookups.addressQueries[cursor.advance()]);
    }
}
