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
import org.openjdk.jmh.annotations.Param;
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
 * domain) and CIDR ranges. Queries hit the list {@code hitPercent} percent of the time: 50 (half of the domain
 * hits listed names, half names under listed ones) as a harsh case, 1 as closer to real traffic.
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
        @Param({"50", "1"})
        public int hitPercent;
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
                boolean hit = random.nextInt(100) < hitPercent;
                String listed = generated.domains.get(random.nextInt(generated.domains.size()));
                domainQueries[i] = !hit ? generated.unlistedDomain() : random.nextBoolean() ? listed : "www." + listed;
                addressQueries[i] = hit ? generated.addresses.get(random.nextInt(generated.addresses.size()))
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
