package io.stagehunt.bench;

import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.dga.DgaDetector;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Host;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.SourceFile;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * DNS events per second through the {@code dga} detector's own logic (each of its keys, state kept in a plain
 * map, timers fired when due), over 64 hosts looking up a seeded mix of ordinary and generated-looking names. The
 * baseline is the same loop that only finds each event's state, so the difference is the detector's cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DgaDetectorBenchmark {

    static final int EVENTS = 8192;

    private final List<DnsQuery> events = new ArrayList<>();
    private DgaDetector detector;

    @Setup
    public void setUp() {
        detector = new DgaDetector(DgaDetector.Settings.DEFAULTS);
        List<String> names = DomainScoringBenchmark.names(new Random(7), EVENTS);
        SourceFile source = new SourceFile("dns.log", "zeek-tsv");
        IpAddress resolver = IpAddress.parse("10.0.0.53");
        for (int i = 0; i < EVENTS; i++) {
            Host host = Host.of(IpAddress.parse("10.0.1." + (i % 64)));
            boolean nx = i % 2 == 1;
            events.add(new DnsQuery(1_700_000_000_000_000L + i * 50_000L, host, new Provenance(source, i + 1),
                    "C" + i, host.ip(), resolver, 53, Transport.UDP, names.get(i), 1, "A", nx ? 3 : 0,
                    nx ? "NXDOMAIN" : "NOERROR", List.of(), List.of(), false));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void detector(Blackhole blackhole) {
        Map<Host, DgaDetector.Episode> states = new HashMap<>();
        Map<Host, Long> timers = new HashMap<>();
        Context context = new Context(blackhole);
        List<Host> keys = new ArrayList<>(2);
        for (DnsQuery event : events) {
            keys.clear();
            detector.keysOf(event, keys::add);
            for (Host host : keys) {
                Long due = timers.get(host);
                if (due != null && due <= event.timeMicros()) {
                    context.timer = Long.MIN_VALUE;
                    detector.onTimer(host, states.remove(host), due, context);
                    timers.remove(host);
                }
                context.timer = timers.getOrDefault(host, Long.MIN_VALUE);
                DgaDetector.Episode state = detector.onEvent(host, states.get(host), event, context);
                if (state == null) {
                    states.remove(host);
                } else {
                    states.put(host, state);
                    timers.put(host, context.timer);
                }
            }
        }
        blackhole.consume(states.size());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void stateLookupBaseline(Blackhole blackhole) {
        Map<Host, Integer> states = new HashMap<>();
        for (DnsQuery event : events) {
            states.merge(event.host(), event.query().length(), Integer::sum);
        }
        blackhole.consume(states.size());
    }

    private static final class Context implements DetectorContext {
        private final Blackhole blackhole;
        long timer = Long.MIN_VALUE;

        Context(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public void emit(Finding finding) {
            blackhole.consume(finding);
        }

        @Override
        public void setTimer(long timeMicros) {
            timer = timeMicros;
        }

        @Override
        public long timer() {
            return timer;
        }

        @Override
        public long watermarkMicros() {
            return Long.MIN_VALUE;
        }
    }
}
