package io.stagehunt.detect.network.dns;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code dns-tunnel} score as a sum of named signals. Pure functions of {@link TunnelMeasurements} and
 * the detector's settings; thread-safe.
 *
 * <p>Weights (the most each signal adds): unique subdomains in RITA's bands 0.1 per band reached (0.4),
 * upstream information content 0.25, subdomain shape (long and random) 0.15, tunnel-capable query types
 * 0.25, downstream answer data 0.2, never connected to the answers 0.15. Answers that the host went on to
 * connect to subtract up to 0.3: that is how ordinary lookups, CDNs with hashed names included, are used.
 */
public final class TunnelScoring {

    static final double BAND_STEP = 0.10;
    static final double INFORMATION_WEIGHT = 0.25;
    static final double SHAPE_WEIGHT = 0.15;
    static final double TYPE_WEIGHT = 0.25;
    static final double PAYLOAD_WEIGHT = 0.20;
    static final double NEVER_CONNECTED_WEIGHT = 0.15;
    static final double ANSWERS_USED_WEIGHT = -0.30;
    /** Tunnel-type queries at which the type signal reaches full weight. */
    static final double FULL_TYPE_VOLUME = 20;
    /** Connections to the answers at which the "answers used" signal reaches full weight. */
    static final double FULL_USE = 3;

    private TunnelScoring() {
    }

    /** The signals of one host and domain, in a fixed order; zero-contribution signals are kept as context. */
    public static List<Signal> signals(TunnelMeasurements m, DnsTunnelDetector.Settings settings) {
        List<Signal> signals = new ArrayList<>(6);
        int bands = bandsReached(m.uniqueNames(), settings.subdomainBands());
        signals.add(new Signal("unique_subdomains",
                (m.uniqueNamesSaturated() ? "at least " : "") + m.uniqueNames() + " distinct subdomains",
                "RITA bands " + settings.subdomainBands(), bands * BAND_STEP));

        int budget = settings.informationBudgetBytes();
        signals.add(new Signal("information_content",
                bytes(m.uniqueNameBytes()) + " of unique subdomain text",
                "budget " + bytes(budget) + " per host and domain per window (Paxson et al. 2013)",
                INFORMATION_WEIGHT * logRamp(m.uniqueNameBytes(), budget / 16.0, budget)));

        signals.add(new Signal("subdomain_shape",
                String.format(Locale.ROOT, "mean length %.1f, entropy %.0f%% of maximum, longest label %d",
                        m.meanNameLength(), 100 * m.meanNormalizedEntropy(), m.longestLabel())
                        + (m.rawByteNames() > 0 ? ", " + m.rawByteNames() + " holding bytes no host name holds" : ""),
                "ordinary names are short words: length under 6, entropy under 50%",
                shapeContribution(m)));

        double typeShare = m.queries() == 0 ? 0 : (double) m.tunnelTypeQueries() / m.queries();
        signals.add(new Signal("query_types",
                String.format(Locale.ROOT, "%d of %d queries (%.0f%%) TXT/NULL/CNAME", m.tunnelTypeQueries(),
                        m.queries(), 100 * typeShare) + (m.dominantTunnelType() == null ? ""
                        : String.format(Locale.ROOT, ", %d %s", m.dominantTypeQueries(), m.dominantTunnelType())),
                "ordinary lookups ask for addresses (A/AAAA)",
                TYPE_WEIGHT * typeShare * clamp(m.tunnelTypeQueries() / FULL_TYPE_VOLUME)));

        signals.add(new Signal("answer_payload",
                bytes(m.payloadBytes()) + " of distinct TXT/NULL answer data",
                "budget " + bytes(budget) + " per window", PAYLOAD_WEIGHT * logRamp(m.payloadBytes(), budget / 16.0,
                        budget)));

        signals.add(connectionSignal(m));
        return signals;
    }

    public static double score(List<Signal> signals) {
        return Finding.scoreOf(signals);
    }

    /** The score without building signals, for the detector's frequent interim checks. */
    public static double quickScore(TunnelMeasurements m, DnsTunnelDetector.Settings settings) {
        int budget = settings.informationBudgetBytes();
        double typeShare = m.queries() == 0 ? 0 : (double) m.tunnelTypeQueries() / m.queries();
        double sum = bandsReached(m.uniqueNames(), settings.subdomainBands()) * BAND_STEP
                + INFORMATION_WEIGHT * logRamp(m.uniqueNameBytes(), budget / 16.0, budget)
                + shapeContribution(m)
                + TYPE_WEIGHT * typeShare * clamp(m.tunnelTypeQueries() / FULL_TYPE_VOLUME)
                + PAYLOAD_WEIGHT * logRamp(m.payloadBytes(), budget / 16.0, budget)
                + connectionContribution(m);
        return Math.max(0, Math.min(1, sum));
    }

    /** How many of the ascending bands the count has reached (RITA: 100, 500, 800, 1000 subdomains). */
    static int bandsReached(long count, List<Integer> bands) {
        int reached = 0;
        for (int band : bands) {
            if (count >= band) {
                reached++;
            }
        }
        return reached;
    }

    /** 0 at or below {@code low}, 1 at or above {@code high}, logarithmic in between. */
    static double logRamp(double value, double low, double high) {
        if (value <= low) {
            return 0;
        }
        if (value >= high) {
            return 1;
        }
        return Math.log(value / low) / Math.log(high / low);
    }

    /**
     * Long and random together: either alone is common (long words, short hashes). Raw bytes in a name are data
     * whatever their measured entropy, which lumps every such byte into one symbol.
     */
    static double shapeContribution(TunnelMeasurements m) {
        double rawShare = m.uniqueNames() == 0 ? 0 : Math.min(1, (double) m.rawByteNames() / m.uniqueNames());
        double randomness = Math.max(rawShare, clamp((m.meanNormalizedEntropy() - 0.5) / 0.4));
        double length = clamp((m.meanNameLength() - 6) / 24);
        return SHAPE_WEIGHT * randomness * length;
    }

    private static Signal connectionSignal(TunnelMeasurements m) {
        if (!m.connectionsVisible()) {
            return new Signal("never_connected", "not measured: no connection records for this host",
                    "tunnels never connect to what their lookups return", 0);
        }
        if (m.addressAnswers() == 0) {
            return new Signal("never_connected", "not judged: the domain returned no address to connect to",
                    "tunnels never connect to what their lookups return", 0);
        }
        if (m.connectionsToAnswers() == 0) {
            return new Signal("never_connected", "no connection to any address the domain returned",
                    "ordinary lookups are followed by a connection", connectionContribution(m));
        }
        return new Signal("answers_used", m.connectionsToAnswers() + " connections to addresses the domain returned",
                "tunnels never connect to what their lookups return", connectionContribution(m));
    }

    private static double connectionContribution(TunnelMeasurements m) {
        if (!m.connectionsVisible() || m.addressAnswers() == 0 && m.connectionsToAnswers() == 0) {
            return 0;
        }
        if (m.connectionsToAnswers() == 0) {
            return NEVER_CONNECTED_WEIGHT;
        }
        return ANSWERS_USED_WEIGHT * clamp(m.connectionsToAnswers() / FULL_USE);
    }

    /** One sentence for a Tier-1 analyst, naming the host, the domain and the strongest evidence. */
    public static String reason(String host, TunnelMeasurements m, List<Signal> signals) {
        StringBuilder text = new StringBuilder();
        text.append(host).append(" sent ").append(m.queries()).append(" DNS queries for ");
        if (m.uniqueNames() == 0) {
            text.append(m.domain()).append(" itself");
        } else {
            text.append(m.uniqueNamesSaturated() ? "at least " : "").append(m.uniqueNames())
                    .append(m.uniqueNames() == 1 ? " distinct name" : " distinct names").append(" under ")
                    .append(m.domain());
        }
        if (m.tunnelTypeQueries() * 2 >= m.queries() && m.dominantTunnelType() != null) {
            text.append(String.format(Locale.ROOT, " (%.0f%% %s)", 100.0 * m.dominantTypeQueries() / m.queries(),
                    m.dominantTunnelType()));
        }
        if (contribution(signals, "information_content") > 0) {
            text.append(" carrying ").append(bytes(m.uniqueNameBytes())).append(" of unique subdomain text");
        }
        if (contribution(signals, "answer_payload") > 0) {
            text.append(" and received ").append(bytes(m.payloadBytes())).append(" of answer data");
        }
        if (m.connectionsVisible() && m.addressAnswers() > 0 && m.connectionsToAnswers() == 0) {
            text.append(", yet never connected to anything it returned");
        } else if (m.connectionsToAnswers() > 0) {
            text.append(", though it did connect to the addresses returned");
        }
        text.append(": data may be travelling inside DNS.");
        return text.toString();
    }

    private static double contribution(List<Signal> signals, String name) {
        for (Signal signal : signals) {
            if (signal.name().equals(name)) {
                return signal.contribution();
            }
        }
        return 0;
    }

    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        return String.format(Locale.ROOT, "%.1f kB", count / 1024.0);
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
