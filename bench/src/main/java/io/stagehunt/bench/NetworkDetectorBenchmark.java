package io.stagehunt.bench;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.network.SyntheticTraffic;
import io.stagehunt.detect.network.burst.BurstThenSustainedDetector;
import io.stagehunt.detect.network.dns.DnsSurgeDetector;
import io.stagehunt.detect.network.dns.DnsTunnelDetector;
import io.stagehunt.detect.network.fanout.FanoutDetector;
import io.stagehunt.engine.DetectorHarness;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Event;
import io.stagehunt.event.Transport;
import java.util.List;
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
 * Events per second of {@code dns-tunnel}, {@code dns-surge}, {@code fanout} and {@code burst-then-sustained},
 * each through the real in-process runner (the one the pipeline uses), beside {@link CountPerHostDetector}
 * through the same runner. The input: 40 workstations browsing for three hours (lookups and HTTPS
 * connections), with a DNS tunnel, a DGA hunt and a burst followed by a beacon among them; cut to exactly
 * {@link #EVENTS} events so that results are per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class NetworkDetectorBenchmark {

    static final int EVENTS = 200_000;
    private static final long HOUR = SyntheticTraffic.HOUR;
    private static final long SECOND = SyntheticTraffic.SECOND;
    private static final long MINUTE_AND_A_HALF = 90 * SECOND;

    private List<Event> events;

    @Setup
    public void generate() {
        SyntheticTraffic traffic = new SyntheticTraffic("bench", 42);
        long start = SyntheticTraffic.START;
        for (int host = 0; host < 40; host++) {
            traffic.browsing("10.20.0." + (host + 10), start, start + 3 * HOUR, 18);
        }
        traffic.txtTunnel("10.20.0.10", "tunnel.example", start + HOUR, 3000, SECOND);
        traffic.generatedLookups("10.20.0.11", start + 2 * HOUR, 400, SECOND / 4, 0.8);
        for (int i = 0; i < 10; i++) {
            traffic.connection(start + HOUR + i * 3 * SECOND, "10.20.0.12", "198.51.100.9", 8080, Transport.TCP,
                    ConnectionOutcome.NO_REPLY, 0, 0, 0);
        }
        traffic.beacon("10.20.0.12", "198.51.100.77", 8443, start + HOUR + MINUTE_AND_A_HALF, 60, 60 * SECOND, 0.1);
        List<Event> all = traffic.events();
        if (all.size() < EVENTS) {
            throw new IllegalStateException("generated only " + all.size() + " events, need " + EVENTS);
        }
        events = List.copyOf(all.subList(0, EVENTS));
    }

    private int run(Detector<?, ?> detector) {
        DetectorHarness<?, ?> harness = new DetectorHarness<>(detector);
        for (Event event : events) {
            harness.accept(event);
        }
        harness.finish();
        return harness.findings().size();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int baselineCountPerHost() {
        return run(new CountPerHostDetector());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int dnsTunnel() {
        return run(new DnsTunnelDetector());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int dnsSurge() {
        return run(new DnsSurgeDetector());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int fanout() {
        return run(new FanoutDetector());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int burstThenSustained() {
        return run(new BurstThenSustainedDetector());
    }
}
