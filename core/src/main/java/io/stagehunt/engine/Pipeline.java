package io.stagehunt.engine;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.Finding;
import io.stagehunt.event.Event;
import io.stagehunt.ingest.DiscoveredInput;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.net.Cidr;
import io.stagehunt.net.NetworkScope;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One analysis run in process: probes the inputs, settles the network scope, merges all inputs in event-time
 * order and feeds every event to the detectors and observers, then ends all detector state. Single-threaded
 * by design: detectors are cheap next to parsing, and one ordered stream keeps results deterministic.
 */
public final class Pipeline {

    private final List<DetectorRunner<?, ?>> runners = new ArrayList<>();
    private final ObservedSpan span = new ObservedSpan();
    /** By event type, the runners whose detectors want it, in the detectors' order. */
    private final Map<Class<?>, DetectorRunner<?, ?>[]> routes = new IdentityHashMap<>();
    private final List<Consumer<Event>> observers = new ArrayList<>();
    private final Settings settings;

    /**
     * Tuning of the merge.
     *
     * @param reorderWindowMicros how late within one input an event may come and still be put in order
     * @param maxBuffered the most events held for reordering
     */
    public record Settings(long reorderWindowMicros, int maxBuffered) {
        public static final Settings DEFAULT = new Settings(5 * 60 * 1_000_000L, 100_000);
    }

    /** Progress callbacks, e.g. for a terminal progress bar; called on the pipeline thread. */
    public interface Progress {
        void update(long eventsSoFar, long bytesSoFar, int inputsDone, int inputsTotal);
    }

    public Pipeline(List<? extends Detector<?, ?>> detectors, Consumer<Finding> findings, Settings settings) {
        for (Detector<?, ?> detector : detectors) {
            runners.add(runnerFor(detector, findings, span));
        }
        this.settings = settings;
    }

    private static void report(Progress progress, long events, List<FileAccount> accounts,
            List<ReaderSource> sources) {
        long bytes = 0;
        for (FileAccount account : accounts) {
            bytes += account.bytes();
        }
        int done = 0;
        for (ReaderSource source : sources) {
            if (source.done()) {
                done++;
            }
        }
        progress.update(events, bytes, done, sources.size());
    }

    private static <K, S> DetectorRunner<K, S> runnerFor(Detector<K, S> detector, Consumer<Finding> findings,
            ObservedSpan span) {
        return new DetectorRunner<>(detector, findings, span);
    }

    private DetectorRunner<?, ?>[] routeOf(Class<? extends Event> type) {
        DetectorRunner<?, ?>[] route = routes.get(type);
        if (route == null) {
            route = runners.stream().filter(runner -> runner.accepts(type)).toArray(DetectorRunner<?, ?>[]::new);
            routes.put(type, route);
        }
        return route;
    }

    /** Adds a consumer that sees every event in order, before the detectors (statistics, case context). */
    public Pipeline observe(Consumer<Event> observer) {
        observers.add(observer);
        return this;
    }

    /** Runs over the readable inputs; unreadable ones are only accounted for. */
    public RunSummary run(List<DiscoveredInput> inputs, NetworkScope scope, Progress progress) {
        List<DiscoveredInput> readable = inputs.stream().filter(DiscoveredInput::readable).toList();
        InputProbe probe = new InputProbe();
        for (DiscoveredInput input : readable) {
            probe.probe(input, scope);
        }
        for (DetectorRunner<?, ?> runner : runners) {
            runner.inputKinds(probe.kinds());
        }
        NetworkScope effective = scope;
        List<Cidr> sensorAddresses = List.of();
        if (!probe.internalSeen() && scope.isDefault()) {
            sensorAddresses = probe.sensorAddresses();
            effective = scope.with(sensorAddresses);
        }

        List<FileAccount> accounts = new ArrayList<>();
        List<ReaderSource> sources = new ArrayList<>();
        for (DiscoveredInput input : inputs) {
            FileAccount account = new FileAccount(input.displayPath());
            accounts.add(account);
            if (input.readable()) {
                account.format(input.format().id());
                sources.add(new ReaderSource(input, account, effective, probe.firstTime(input)));
            } else {
                account.note(input.note());
            }
        }

        TimeOrderedMerge merge =
                new TimeOrderedMerge(sources, settings.reorderWindowMicros(), settings.maxBuffered());
        long events = 0;
        long firstTime = Long.MAX_VALUE;
        long lastTime = Long.MIN_VALUE;
        try {
            long watermark = Long.MIN_VALUE;
            for (Event event = merge.next(); event != null; event = merge.next()) {
                if (merge.watermarkMicros() > watermark) {
                    watermark = merge.watermarkMicros();
                    for (int i = 0; i < runners.size(); i++) {
                        runners.get(i).advanceTo(watermark);
                    }
                }
                for (int i = 0; i < observers.size(); i++) {
                    observers.get(i).accept(event);
                }
                span.include(event.timeMicros());
                for (DetectorRunner<?, ?> runner : routeOf(event.getClass())) {
                    runner.deliver(event);
                }
                events++;
                firstTime = Math.min(firstTime, event.timeMicros());
                lastTime = Math.max(lastTime, event.timeMicros());
                if ((events & 0x3FFF) == 0 && progress != null) {
                    report(progress, events, accounts, sources);
                }
            }
        } finally {
            merge.close();
        }
        if (progress != null) {
            report(progress, events, accounts, sources);
        }
        List<RunSummary.DetectorStats> detectorStats = new ArrayList<>();
        for (DetectorRunner<?, ?> runner : runners) {
            long peak = runner.peakKeys();
            runner.finish();
            for (String id : runner.detector().memberIds()) {
                detectorStats.add(new RunSummary.DetectorStats(id, runner.eventsSeen(), peak, runner.liveKeys()));
            }
        }
        return new RunSummary(accounts, effective, probe.internalSeen(), sensorAddresses, events,
                merge.lateEvents(), merge.peakBuffered(), firstTime, lastTime, detectorStats);
    }
}
