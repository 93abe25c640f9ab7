package io.stagehunt.detect.beacon;

import java.io.Serializable;

/**
 * Finds strobes: a host connecting to one destination at least once a second on average over a window
 * (RITA v5's threshold, 86,400 a day). A strobe is too frequent for interval statistics to mean much, so it is
 * reported here instead of as a beacon: an implant with its sleep set to zero (an operator working
 * interactively), a stuck retry loop, or a chatty monitoring agent. ATT&CK T1071 (T1071.001 for web ports), since the
 * pattern is a channel's, not discovery's. Keyed and named like {@link BeaconDetector}; confirmed DNS lookups
 * through a resolver are not counted. Stateless apart from its settings; thread-safe.
 */
public final class StrobeDetector implements PairDetector<StrobeChannel> {

    public static final String ID = "strobe";

    private final Settings settings;
    private final ChannelState.Factory<StrobeChannel> factory;

    /** @param connectionsPerWindow connections in one window from which a channel is a strobe */
    public record Settings(PairSettings pairs, long connectionsPerWindow) implements Serializable {

        public static final Settings DEFAULTS = new Settings(PairSettings.DEFAULTS, 86_400);

        public Settings {
            if (connectionsPerWindow < 1) {
                throw new IllegalArgumentException("invalid strobe settings: " + this);
            }
        }
    }

    public StrobeDetector(Settings settings) {
        this.settings = settings;
        this.factory = () -> new StrobeChannel(settings);
    }

    public StrobeDetector() {
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
    public ChannelState.Factory<StrobeChannel> channels() {
        return factory;
    }
}
