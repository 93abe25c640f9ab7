package io.stagehunt.detect.network;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.Finding;
import io.stagehunt.engine.Pipeline;
import io.stagehunt.engine.RunSummary;
import io.stagehunt.ingest.DiscoveredInput;
import io.stagehunt.ingest.InputDiscovery;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.net.NetworkScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs detectors over real log files through the real pipeline (format recognition, scope, time-ordered
 * merge, runners). Skips the calling test when none of the inputs is in a format stagehunt reads yet, so that
 * tests for formats still being written wait for their reader instead of failing.
 */
public record RealDataRun(List<Finding> findings, RunSummary summary, List<DiscoveredInput> inputs) {

    public static RealDataRun of(List<? extends Detector<?, ?>> detectors, Path... paths) {
        List<DiscoveredInput> inputs = new InputDiscovery(StandardFormats.registry()).discover(List.of(paths));
        assumeTrue(inputs.stream().anyMatch(DiscoveredInput::readable),
                "no input in a recognised format yet: " + List.of(paths));
        List<Finding> findings = new ArrayList<>();
        RunSummary summary = new Pipeline(detectors, findings::add, Pipeline.Settings.DEFAULT)
                .run(inputs, NetworkScope.defaults(), null);
        return new RealDataRun(findings, summary, inputs);
    }

    /** Whether the input holding this file name was read (its format recognised). */
    public boolean read(String fileName) {
        return inputs.stream().anyMatch(input -> input.readable() && input.displayPath().contains(fileName));
    }

    public List<Finding> findingsOf(String detectorId) {
        return findings.stream().filter(finding -> finding.detectorId().equals(detectorId)).toList();
    }
}
