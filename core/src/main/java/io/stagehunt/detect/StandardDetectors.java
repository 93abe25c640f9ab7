package io.stagehunt.detect;

import io.stagehunt.detect.intel.IntelMatchDetector;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.IndicatorIndex;
import java.util.ArrayList;
import java.util.List;

/** The detectors an {@code analyze} run uses, each with its default settings. */
public final class StandardDetectors {

    private StandardDetectors() {
    }

    public static List<Detector<?, ?>> all() {
        List<Detector<?, ?>> detectors = new ArrayList<>();
        return detectors;
    }

    /** The standard detectors plus {@code intel-match} over the loaded indicators, when there are any. */
    public static List<Detector<?, ?>> all(IndicatorIndex indicators, BenignList benign) {
        List<Detector<?, ?>> detectors = new ArrayList<>(all());
        if (!indicators.isEmpty()) {
            detectors.add(new IntelMatchDetector(indicators, benign, IntelMatchDetector.Settings.DEFAULTS));
        }
        return detectors;
    }
}
