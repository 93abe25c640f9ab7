package io.stagehunt.analysis;

import io.stagehunt.detect.Detector;
import io.stagehunt.engine.Pipeline;
import io.stagehunt.net.NetworkScope;
import io.stagehunt.refine.NoiseControl;
import java.nio.file.Path;
import java.util.List;

/**
 * What to analyze and where to write. Immutable.
 *
 * @param scopeFromUser whether {@code scope} came from {@code --internal} (else the defaults, which may be
 *     widened by a sensor's own addresses when the logs hold no internal address)
 * @param noiseControl prevalence bounds, refiner weights and allowlist applied to the findings after the run
 */
public record AnalysisRequest(
        List<Path> inputs, NetworkScope scope, boolean scopeFromUser, Path outputDirectory,
        List<Detector<?, ?>> detectors, Pipeline.Settings settings, NoiseControl noiseControl) {

    public AnalysisRequest {
        inputs = List.copyOf(inputs);
        detectors = List.copyOf(detectors);
    }

    /** A request with the default noise control (bundled allowlists). */
    public AnalysisRequest(List<Path> inputs, NetworkScope scope, boolean scopeFromUser, Path outputDirectory,
            List<Detector<?, ?>> detectors, Pipeline.Settings settings) {
        this(inputs, scope, scopeFromUser, outputDirectory, detectors, settings, NoiseControl.defaults());
    }
}
