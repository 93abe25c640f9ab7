package io.stagehunt.detect.beacon;

import io.stagehunt.detect.beacon.scoring.BeaconScoring;
import io.stagehunt.detect.beacon.scoring.Periodicity;
import io.stagehunt.detect.beacon.scoring.RitaScoring;
import java.io.Serializable;
import java.time.Duration;

/**
 * Finds hosts calling a destination on a schedule: implants checking in with their controller (ATT&CK T1071,
 * T1104), directly or through a forward proxy (T1090).
 *
 * <p>Keyed by internal host and contacted address; inside a pair every name the host reached there (TLS
 * server name, HTTP host, proxy {@code CONNECT} target) is its own channel, and flows without a name form the
 * address's channel, labelled with the address's latest DNS name. Each channel keeps its arrivals for one
 * window (a day) and is reported when it falls quiet, at least once a {@link PairSettings#reportEvery()}, and
 * when the input ends, each report looking back one window from its end. A report carries stagehunt's score
 * (periodicity, persistence, check-in size; it drives the finding's score) and RITA v5's score on the same
 * window, with every sub-score as a signal. A channel is reported when stagehunt's score reaches
 * {@link Settings#reportScore()}, or, when the input ends or the channel expires, when RITA's reaches
 * {@link Settings#ritaReportScore()}, so that nothing RITA would raise goes unexplained. Channels with strobe
 * volume are left to {@link StrobeDetector}. Stateless apart from its settings; thread-safe.
 */
public final class BeaconDetector implements PairDetector<BeaconChannel> {

    public static final String ID = "beacon";

    private final Settings settings;
    private final ChannelState.Factory<BeaconChannel> factory;

    /**
     * @param maxArrivalsPerChannel arrivals kept exactly per channel and window; beyond, the series is thinned
     * @param checkInMerge connections closer than this to the previous one are parts of one check-in
     * @param retransmissionWindow a flow from the same source port within this time retries the previous one
     * @param keptAliveWeight the evidence a request on a connection already open carries, against 1 for a new
     *     connection: a burst of requests on one connection (a page, a batch of certificate checks) is one
     *     conversation, while an implant's loop opens contact again and again
     * @param quietFactor a channel is quiet after this many of its usual intervals without a check-in ...
     * @param quietMinimum ... but never sooner than this ...
     * @param quietMaximum ... nor later than this
     * @param minCheckIns fewest check-ins (RITA: four distinct timestamps) for a channel to be scored
     * @param minNewArrivals fewest arrivals a report must add to the previous report of its channel
     * @param reportScore stagehunt score from which a channel is reported
     * @param ritaReportScore RITA score from which a channel is reported when the input ends (RITA's own
     *     threshold for a beacon of interest is 0.5)
     * @param strobeConnections connections per window from which a channel is a strobe, not a beacon (RITA:
     *     86,400, one a second)
     * @param timePollWeight points taken off a channel whose every flow was a plain NTP poll: a clock keeping
     *     time is the textbook benign beacon, and the channel stays reported, marked, for what hides in NTP
     */
    public record Settings(PairSettings pairs, RitaScoring.Settings rita, Periodicity.Settings periodicity,
            BeaconScoring.Settings scoring, int maxArrivalsPerChannel, Duration checkInMerge,
            Duration retransmissionWindow, double keptAliveWeight, int quietFactor, Duration quietMinimum,
            Duration quietMaximum, int minCheckIns, int minNewArrivals, double reportScore, double ritaReportScore,
            long strobeConnections, double timePollWeight) implements Serializable {

        public static final Settings DEFAULTS = new Settings(PairSettings.DEFAULTS, RitaScoring.Settings.DEFAULTS,
                Periodicity.Settings.DEFAULTS, BeaconScoring.Settings.DEFAULTS, 4096, Duration.ofSeconds(1),
                Duration.ofSeconds(60), 0.25, 10, Duration.ofMinutes(5), Duration.ofHours(6), 4, 4, 0.4, 0.5, 86_400,
                0.3);

        public Settings {
            if (maxArrivalsPerChannel < 16 || keptAliveWeight <= 0 || keptAliveWeight > 1 || quietFactor < 1
                    || minCheckIns < 4 || minNewArrivals < 1 || reportScore < 0 || reportScore > 1
                    || ritaReportScore < 0 || strobeConnections < 1 || quietMinimum.compareTo(quietMaximum) > 0
                    || timePollWeight < 0 || timePollWeight > 1) {
                throw new IllegalArgumentException("invalid beacon settings: " + this);
            }
        }
    }

    public BeaconDetector(Settings settings) {
        this.settings = settings;
        this.factory = () -> new BeaconChannel(settings);
    }

    public BeaconDetector() {
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
    public ChannelState.Factory<BeaconChannel> channels() {
        return factory;
    }
}
