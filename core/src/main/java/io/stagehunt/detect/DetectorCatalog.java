package io.stagehunt.detect;

import io.stagehunt.detect.beacon.BeaconDetector;
import io.stagehunt.detect.beacon.LongConnectionDetector;
import io.stagehunt.detect.beacon.StrobeDetector;
import io.stagehunt.detect.dga.DgaDetector;
import io.stagehunt.detect.intel.IntelMatchDetector;
import io.stagehunt.detect.network.EgressDetector;
import io.stagehunt.detect.network.ExfilDetector;
import io.stagehunt.detect.network.HttpTlsDetector;
import io.stagehunt.detect.network.burst.BurstThenSustainedDetector;
import io.stagehunt.detect.network.dns.DnsSurgeDetector;
import io.stagehunt.detect.network.dns.DnsTunnelDetector;
import io.stagehunt.detect.network.fanout.FanoutDetector;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.IndicatorIndex;
import io.stagehunt.net.PublicSuffixList;
import java.util.List;
import java.util.function.Function;

/**
 * Every detector stagehunt ships, with its id, its settings type and defaults, and how to build it from
 * settings: what the configuration file binds to, and what {@link StandardDetectors} builds. Immutable.
 */
public final class DetectorCatalog {

    /** One detector kind. */
    public record Entry<S>(String id, Class<S> settingsType, S defaults, Function<S, Detector<?, ?>> factory) {

        /** Builds the detector from settings of this entry's type. */
        public Detector<?, ?> create(Object settings) {
            return factory.apply(settingsType.cast(settings));
        }
    }

    private DetectorCatalog() {
    }

    /** The detectors that need nothing but their settings, in the order a run hosts them. */
    public static List<Entry<?>> network() {
        PublicSuffixList suffixes = PublicSuffixList.bundled();
        return List.of(
                new Entry<>(BeaconDetector.ID, BeaconDetector.Settings.class, BeaconDetector.Settings.DEFAULTS,
                        BeaconDetector::new),
                new Entry<>(StrobeDetector.ID, StrobeDetector.Settings.class, StrobeDetector.Settings.DEFAULTS,
                        StrobeDetector::new),
                new Entry<>(LongConnectionDetector.ID, LongConnectionDetector.Settings.class,
                        LongConnectionDetector.Settings.DEFAULTS, LongConnectionDetector::new),
                new Entry<>(DnsTunnelDetector.ID, DnsTunnelDetector.Settings.class,
                        DnsTunnelDetector.Settings.DEFAULTS, settings -> new DnsTunnelDetector(settings, suffixes)),
                new Entry<>(DnsSurgeDetector.ID, DnsSurgeDetector.Settings.class, DnsSurgeDetector.Settings.DEFAULTS,
                        settings -> new DnsSurgeDetector(settings, suffixes)),
                new Entry<>(FanoutDetector.ID, FanoutDetector.Settings.class, FanoutDetector.Settings.DEFAULTS,
                        settings -> new FanoutDetector(settings, suffixes)),
                new Entry<>(BurstThenSustainedDetector.ID, BurstThenSustainedDetector.Settings.class,
                        BurstThenSustainedDetector.Settings.DEFAULTS, BurstThenSustainedDetector::new),
                new Entry<>(DgaDetector.ID, DgaDetector.Settings.class, DgaDetector.Settings.DEFAULTS,
                        DgaDetector::new),
                new Entry<>(EgressDetector.ID, EgressDetector.Settings.class, EgressDetector.Settings.DEFAULTS,
                        EgressDetector::new),
                new Entry<>(ExfilDetector.ID, ExfilDetector.Settings.class, ExfilDetector.Settings.DEFAULTS,
                        ExfilDetector::new),
                new Entry<>(HttpTlsDetector.ID, HttpTlsDetector.Settings.class, HttpTlsDetector.Settings.DEFAULTS,
                        HttpTlsDetector::new));
    }

    /** The {@code intel-match} detector over loaded indicators. */
    public static Entry<IntelMatchDetector.Settings> intel(IndicatorIndex indicators, BenignList benign) {
        return new Entry<>(IntelMatchDetector.ID, IntelMatchDetector.Settings.class,
                IntelMatchDetector.Settings.DEFAULTS, settings -> new IntelMatchDetector(indicators, benign, settings));
    }

    /** Every detector id, network detectors first. */
    public static List<String> ids() {
        List<String> ids = new java.util.ArrayList<>(network().stream().map(Entry::id).toList());
        ids.add(IntelMatchDetector.ID);
        return ids;
    }
}
