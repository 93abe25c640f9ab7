package io.stagehunt.engine;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.Finding;
import io.stagehunt.event.Event;
import io.stagehunt.event.EventKinds;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one detector over events in the given order through the real in-process runner, for detector tests.
 * After {@link #finish()} the runner has verified that no key holds state any more.
 */
public final class DetectorHarness<K, S> {

    private final List<Finding> findings = new ArrayList<>();
    private final DetectorRunner<K, S> runner;
    private long watermark = Long.MIN_VALUE;

    public DetectorHarness(Detector<K, S> detector) {
        this.runner = new DetectorRunner<>(detector, findings::add);
    }

    /** Runs events and ends the input; returns every finding. */
    public static <K, S> List<Finding> run(Detector<K, S> detector, List<? extends Event> events) {
        DetectorHarness<K, S> harness = new DetectorHarness<>(detector);
        events.forEach(harness::accept);
        harness.finish();
        return harness.findings();
    }

    /** Tells the detector which kinds of events the inputs can produce, as the pipeline does after its probe. */
    public DetectorHarness<K, S> inputs(EventKinds kinds) {
        runner.inputKinds(kinds);
        return this;
    }

    /** Feeds one event, first advancing event time to it (as the pipeline does). */
    public DetectorHarness<K, S> accept(Event event) {
        if (event.timeMicros() > watermark) {
            watermark = event.timeMicros();
            runner.advanceTo(watermark);
        }
        runner.onEvent(event);
        return this;
    }

    /** Moves event time forward without an event, firing due timers. */
    public DetectorHarness<K, S> advanceTo(long timeMicros) {
        watermark = Math.max(watermark, timeMicros);
        runner.advanceTo(watermark);
        return this;
    }

    /** Ends the input; throws when the detector keeps state that never expires. */
    public DetectorHarness<K, S> finish() {
        runner.finish();
        return this;
    }

    public List<Finding> findings() {
        return findings;
    }

    public int liveKeys() {
        return runner.liveKeys();
    }

    public long timersFired() {
        return runner.timersFired();
    }

    /** Times a timer entered the runner's queue or moved within it. */
    public long timersQueued() {
        return runner.timersQueued();
    }

    public int queuedTimers() {
        return runner.queuedTimers();
    }
}
