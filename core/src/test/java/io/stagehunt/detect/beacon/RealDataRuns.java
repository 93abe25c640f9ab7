package io.stagehunt.detect.beacon;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.Finding;
import io.stagehunt.engine.Pipeline;
import io.stagehunt.engine.RunSummary;
import io.stagehunt.ingest.DiscoveredInput;
import io.stagehunt.ingest.InputDiscovery;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.net.NetworkScope;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs detectors over real inputs through the real pipeline, for the real-data tests. */
final class RealDataRuns {

    private RealDataRuns() {
    }

    /** The findings and the run's summary. */
    record Outcome(List<Finding> findings, RunSummary summary, List<DiscoveredInput> inputs) {

        boolean anyReadable() {
            return inputs.stream().anyMatch(DiscoveredInput::readable);
        }
    }

    static Outcome run(List<? extends Detector<?, ?>> detectors, NetworkScope scope, Path... paths)
            throws IOException {
        List<DiscoveredInput> inputs = new InputDiscovery(StandardFormats.registry()).discover(List.of(paths));
        List<Finding> findings = new ArrayList<>();
        Pipeline pipeline = new Pipeline(detectors, findings::add, Pipeline.Settings.DEFAULT);
        RunSummary summary = pipeline.run(inputs, scope, null);
        return new Outcome(findings, summary, inputs);
    }

    /** Whether the registered readers recognise at least one of the inputs. */
    static boolean recognised(Path... paths) throws IOException {
        return new InputDiscovery(StandardFormats.registry()).discover(List.of(paths)).stream()
                .anyMatch(DiscoveredInput::readable);
    }
}
