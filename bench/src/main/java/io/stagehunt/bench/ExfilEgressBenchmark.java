package io.stagehunt.bench;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.network.EgressDetector;
import io.stagehunt.detect.network.ExfilDetector;
import io.stagehunt.detect.network.HttpTlsDetector;
import io.stagehunt.engine.DetectorHarness;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import io.stagehunt.refine.Prevalence;
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
 * Events per second of the {@code egress}, {@code exfil} and {@code http-tls} detectors through the real
 * in-process runner, beside a baseline detector that only counts events per host through the same runner: the
 * ratio is the detectors' own cost. The prevalence observer of noise control is measured on the same events.
 * Every invocation runs the whole mix and ends the input, so timers and expiry are included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class ExfilEgressBenchmark {

    static final int EVENTS = 200_000;

    private List<Event> events;

    @Setup
    public void generate() {
        events = NetworkTrafficMix.generate(EVENTS, 42);
    }

    private long run(Detector<?, ?> detector) {
        DetectorHarness<?, ?> harness = new DetectorHarness<>(detector);
        for (Event event : events) {
            harness.accept(event);
        }
        harness.finish();
        return harness.findings().size();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long baselineCountPerHost() {
        return run(new CountPerHost());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long egress() {
        return run(new EgressDetector(EgressDetector.Settings.DEFAULTS));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long exfil() {
        return run(new ExfilDetector(ExfilDetector.Settings.DEFAULTS));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long httpTls() {
        return run(new HttpTlsDetector(HttpTlsDetector.Settings.DEFAULTS));
    }

    /** The noise-control observer that sees every event of a run, outside the runner. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long prevalence() {
        Prevalence prevalence = new Prevalence(Prevalence.Settings.DEFAULTS);
        for (Event event : events) {
            prevalence.accept(event);
        }
        return prevalence.population();
    }

    /** The least a keyed detector can do: count each host's events and expire an hour after the last one. */
    static final class CountPerHost implements Detector<Host, long[]> {
        @Override
        public String id() {
            return "count";
        }

        @Override
        public boolean accepts(Class<? extends Event> type) {
            return true;
        }

        @Override
        public Host keyOf(Event event) {
            return event.host();
        }

        @Override
        public long[] onEvent(Host key, long[] state, Event event, DetectorContext context) {
            long[] count = state != null ? state : new long[1];
            count[0]++;
            context.setTimer(event.timeMicros() + 3_600_000_000L);
            return count;
        }

        @Override
        public long[] onTimer(Host key, long[] state, long timeMicros, DetectorContext context) {
            return null;
        }
    }
}
