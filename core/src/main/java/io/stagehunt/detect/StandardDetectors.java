package io.stagehunt.detect;

import io.stagehunt.detect.dga.DgaDetector;
import java.util.ArrayList;
import java.util.List;

/** The detectors an {@code analyze} run uses, each with its default settings. */
public final class StandardDetectors {

    private StandardDetectors() {
    }

    public static List<Detector<?, ?>> all() {
        List<Detector<?, ?>> detectors = new ArrayList<>();
        detectors.add(new DgaDetector(DgaDetector.Settings.DEFAULTS));
        return detectors;
    }
}
