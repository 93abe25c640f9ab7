package io.stagehunt.detect;

import io.stagehunt.detect.beacon.BeaconDetector;
import io.stagehunt.detect.beacon.LongConnectionDetector;
import io.stagehunt.detect.beacon.StrobeDetector;
import io.stagehunt.detect.dga.DgaDetector;
import io.stagehunt.detect.network.EgressDetector;
import io.stagehunt.detect.network.ExfilDetector;
import io.stagehunt.detect.network.HttpTlsDetector;
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
        detectors.addAll(List.of(new BeaconDetector(), new StrobeDetector(), new LongConnectionDetector()));
        detectors.add(new io.stagehunt.detect.network.dns.DnsTunnelDetector());
        detectors.add(new io.stagehunt.detect.network.dns.DnsSurgeDetector());
        detectors.add(new io.stagehunt.detect.network.fanout.FanoutDetector());
        detectors.add(new io.stagehunt.detect.network.burst.BurstThenSustainedDetector());
        detectors.add(new DgaDetector(DgaDetector.Settings.DEFAULTS));
        detectors.add(new EgressDetector(EgressDetector.Settings.DEFAULTS));
        detectors.add(new ExfilDetector(ExfilDetector.Settings.DEFAULTS));
        detectors.add(new HttpTlsDetector(HttpTlsDetector.Settings.DEFAULTS));
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
