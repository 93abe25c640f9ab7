package io.stagehunt.detect;

import io.stagehunt.detect.beacon.PairDetectorGroup;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.IndicatorIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The detectors an {@code analyze} run uses: the {@link DetectorCatalog}'s, with defaults or configured. */
public final class StandardDetectors {

    private StandardDetectors() {
    }

    /** Every network detector with its default settings. */
    public static List<Detector<?, ?>> all() {
        return configured(Set.of(), Map.of(), IndicatorIndex.empty(), BenignList.empty());
    }

    /** The standard detectors plus {@code intel-match} over the loaded indicators, when there are any. */
    public static List<Detector<?, ?>> all(IndicatorIndex indicators, BenignList benign) {
        return configured(Set.of(), Map.of(), indicators, benign);
    }

    /**
     * The detectors not disabled, each built from its configured settings or its defaults; the pair detectors
     * share their keyed state where their pair settings allow ({@link PairDetectorGroup}).
     *
     * @param settings typed settings by detector id, as bound by the configuration loader
     */
    public static List<Detector<?, ?>> configured(Set<String> disabled, Map<String, Object> settings,
            IndicatorIndex indicators, BenignList benign) {
        List<DetectorCatalog.Entry<?>> entries = new ArrayList<>(DetectorCatalog.network());
        if (!indicators.isEmpty()) {
            entries.add(DetectorCatalog.intel(indicators, benign));
        }
        List<Detector<?, ?>> detectors = new ArrayList<>();
        for (DetectorCatalog.Entry<?> entry : entries) {
            if (!disabled.contains(entry.id())) {
                detectors.add(entry.create(settings.getOrDefault(entry.id(), entry.defaults())));
            }
        }
        return PairDetectorGroup.fuse(detectors);
    }
}
