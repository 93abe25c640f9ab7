package io.stagehunt.detect.beacon;

import java.io.Serializable;
import java.time.Duration;

/**
 * Finds long connections: a host connected to one destination for an hour or more in total within a window,
 * open connections included, graded in RITA v5's bands (1, 4, 8 and 12 hours score 0.2, 0.4, 0.6 and 0.8,
 * linear in between). A persistent session is how interactive C2, tunnels and reverse shells look when they do
 * not beacon. ATT&CK T1071, and T1573 when the session is encrypted. Keyed and named like
 * {@link BeaconDetector}, so a tunnel through a proxy is reported against its target. Stateless apart from its
 * settings; thread-safe.
 */
public final class LongConnectionDetector implements PairDetector<LongConnectionChannel> {

    public static final String ID = "long-connection";

    private final Settings settings;
    private final ChannelState.Factory<LongConnectionChannel> factory;

    /**
     * @param bands the cumulative durations that score 0.2, 0.4, 0.6 and 0.8; nothing is reported below the
     *     first
     */
    public record Settings(PairSettings pairs, Duration firstBand, Duration secondBand, Duration thirdBand,
            Duration fourthBand) implements Serializable {

        public static final Settings DEFAULTS = new Settings(PairSettings.DEFAULTS, Duration.ofHours(1),
                Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(12));

        public Settings {
            if (firstBand.isNegative() || firstBand.isZero() || firstBand.compareTo(secondBand) >= 0
                    || secondBand.compareTo(thirdBand) >= 0 || thirdBand.compareTo(fourthBand) >= 0) {
                throw new IllegalArgumentException("long-connection bands must increase: " + this);
            }
        }

        double bandSeconds(int band) {
            Duration duration = switch (band) {
                case 0 -> firstBand;
                case 1 -> secondBand;
                case 2 -> thirdBand;
                default -> fourthBand;
            };
            return duration.toMillis() / 1000.0;
        }
    }

    public LongConnectionDetector(Settings settings) {
        this.settings = settings;
        this.factory = () -> new LongConnectionChannel(settings);
    }

    public LongConnectionDetector() {
        this(Settings.DEFAULTS);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public PairSettings pairSettings() {
        return settings.pairs();
    }

    @Override
    public ChannelState.Factory<LongConnectionChannel> channels() {
        return factory;
    }
}
