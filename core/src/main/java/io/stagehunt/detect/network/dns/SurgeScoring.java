package io.stagehunt.detect.network.dns;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.detect.network.measure.RobustStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code dns-surge} score as a sum of named signals; pure functions, thread-safe.
 *
 * <p>A window is a surge when its query count or its number of distinct domains is both a multiple of the
 * host's median ({@code minRatio}) and far outside its usual spread (robust z-score against the median and
 * MAD, never a spread below the Poisson noise {@code sqrt(median)}). Volume alone weighs at most 0.35, a low
 * finding: people arriving at work or a browser opening a news site also multiply DNS. What a surge carries
 * raises it: a jump in NXDOMAIN answers (0.25) and in machine-generated-looking names (0.2), the traces of a
 * host hunting for its next stage. A host that resolves for others (a resolver or proxy) loses 0.25.
 */
public final class SurgeScoring {

    static final double RATE_WEIGHT = 0.20;
    static final double DIVERSITY_WEIGHT = 0.15;
    static final double NXDOMAIN_WEIGHT = 0.25;
    static final double GENERATED_WEIGHT = 0.20;
    static final double FORWARDER_WEIGHT = -0.25;
    /** Fewest NXDOMAIN answers and generated-looking names that can count as a change at all. */
    static final int MIN_NXDOMAIN = 10;
    /** Clients a host must serve to count as a forwarder, or windows in which its one client used it. */
    static final int MIN_SERVED_CLIENTS = 2;
    static final int MIN_SERVED_WINDOWS = 3;
    static final int MIN_GENERATED = 5;

    private SurgeScoring() {
    }

    /** Whether either volume measure is a surge under the settings: the gate before anything is scored. */
    public static boolean isSurge(SurgeMeasurements m, DnsSurgeDetector.Settings settings) {
        return rateSurge(m, settings) || diversitySurge(m, settings);
    }

    static boolean rateSurge(SurgeMeasurements m, DnsSurgeDetector.Settings settings) {
        return rises(m.queries(), m.medianQueries(), m.madQueries(), settings.minSurgeQueries(), settings);
    }

    static boolean diversitySurge(SurgeMeasurements m, DnsSurgeDetector.Settings settings) {
        return rises(m.distinctDomains(), m.medianDomains(), m.madDomains(), settings.minSurgeDomains(), settings);
    }

    private static boolean rises(double value, double median, double mad, int minimum,
            DnsSurgeDetector.Settings settings) {
        return value >= minimum && ratio(value, median) >= settings.minRatio()
                && RobustStatistics.robustZ(value, median, mad, minimumSpread(median)) >= settings.minRobustZ();
    }

    /** The value as a multiple of the median; a median under 1 counts as 1 (one query per window). */
    static double ratio(double value, double median) {
        return value / Math.max(1, median);
    }

    /** Counts are at least as noisy as a Poisson process: never assume a spread below its sqrt(mean). */
    static double minimumSpread(double median) {
        return Math.max(1, Math.sqrt(Math.max(0, median)));
    }

    /** The signals of a surge window; callers check {@link #isSurge} first. */
    public static List<Signal> signals(SurgeMeasurements m, DnsSurgeDetector.Settings settings) {
        List<Signal> signals = new ArrayList<>(5);
        double rateRatio = ratio(m.queries(), m.medianQueries());
        signals.add(new Signal("query_rate",
                String.format(Locale.ROOT, "%d queries in %s (%.1f× usual, robust z %.1f)", m.queries(),
                        minutes(m.windowMicros()), rateRatio, RobustStatistics.robustZ(m.queries(), m.medianQueries(),
                                m.madQueries(), minimumSpread(m.medianQueries()))),
                baseline(m.medianQueries(), m.madQueries(), "queries", m.baselineWindows()),
                rateSurge(m, settings) ? RATE_WEIGHT * growth(rateRatio) : 0));

        double domainRatio = ratio(m.distinctDomains(), m.medianDomains());
        signals.add(new Signal("domain_diversity",
                String.format(Locale.ROOT, "%s%d distinct domains (%.1f× usual)", m.distinctSaturated() ? "at least "
                        : "", m.distinctDomains(), domainRatio),
                baseline(m.medianDomains(), m.madDomains(), "domains", m.baselineWindows()),
                diversitySurge(m, settings) ? DIVERSITY_WEIGHT * growth(domainRatio) : 0));

        double nxShare = m.queries() == 0 ? 0 : (double) m.nxdomain() / m.queries();
        signals.add(new Signal("nxdomain_share",
                String.format(Locale.ROOT, "%d NXDOMAIN answers (%.0f%%)", m.nxdomain(), 100 * nxShare),
                String.format(Locale.ROOT, "%.0f%% before", 100 * m.baselineNxShare()),
                m.nxdomain() >= MIN_NXDOMAIN ? NXDOMAIN_WEIGHT * clamp((nxShare - m.baselineNxShare() - 0.1) / 0.4)
                        : 0));

        double generatedShare = m.distinctDomains() == 0 ? 0 : (double) m.generated() / m.distinctDomains();
        signals.add(new Signal("generated_names",
                String.format(Locale.ROOT, "%d generated-looking domains (%.0f%%)", m.generated(),
                        100 * generatedShare),
                String.format(Locale.ROOT, "%.0f%% before", 100 * m.baselineGeneratedShare()),
                m.generated() >= MIN_GENERATED
                        ? GENERATED_WEIGHT * clamp((generatedShare - m.baselineGeneratedShare() - 0.05) / 0.3) : 0));

        if (forwards(m)) {
            signals.add(new Signal("forwarder",
                    role(m) + " for " + m.servedClients() + " other internal host"
                            + (m.servedClients() == 1 ? "" : "s") + " in " + m.servedWindows() + " windows",
                    "a forwarder's lookups follow its clients' demand", FORWARDER_WEIGHT));
        }
        return signals;
    }

    /**
     * Whether the host serves others: two clients at least, or one that keeps using it (a lab's only browser
     * behind its proxy), so that one scanner's probe of an open port or a colleague trying a test server once
     * does not make it a forwarder.
     */
    static boolean forwards(SurgeMeasurements m) {
        return m.servedClients() >= MIN_SERVED_CLIENTS
                || m.servedClients() > 0 && m.servedWindows() >= MIN_SERVED_WINDOWS;
    }

    private static String role(SurgeMeasurements m) {
        return m.resolvesForClients() ? "resolves" : "proxies";
    }

    public static double score(List<Signal> signals) {
        return Finding.scoreOf(signals);
    }

    /** 0.25 of the weight at a doubling past 1.5×, full weight at 24×: log-scaled so 100× is not 4× 25×. */
    static double growth(double ratio) {
        return clamp(Math.log(ratio / 1.5) / Math.log(16));
    }

    public static String reason(String host, SurgeMeasurements m, List<Signal> signals) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT,
                "%s made %d DNS queries for %d distinct domains in %s, %.0f× its usual %.0f queries and %.0f× its"
                        + " usual %.0f domains",
                host, m.queries(), m.distinctDomains(), minutes(m.windowMicros()), ratio(m.queries(),
                        m.medianQueries()), m.medianQueries(), ratio(m.distinctDomains(), m.medianDomains()),
                m.medianDomains()));
        if (contribution(signals, "nxdomain_share") > 0) {
            text.append(String.format(Locale.ROOT, ", and %.0f%% of the queries failed with NXDOMAIN",
                    100.0 * m.nxdomain() / m.queries()));
        }
        if (contribution(signals, "generated_names") > 0) {
            text.append(String.format(Locale.ROOT, ", %d of the names looking machine-generated", m.generated()));
        }
        if (forwards(m)) {
            text.append("; it ").append(role(m)).append(" for other hosts, so this may be their demand");
        }
        text.append('.');
        return text.toString();
    }

    private static String baseline(double median, double mad, String unit, int windows) {
        return String.format(Locale.ROOT, "median %.0f %s per active window (MAD %.1f) over %d earlier active windows", median, unit,
                mad, windows);
    }

    private static String minutes(long micros) {
        double minutes = micros / 60_000_000.0;
        return minutes == Math.rint(minutes) ? String.format(Locale.ROOT, "%.0f min", minutes)
                : String.format(Locale.ROOT, "%.1f min", minutes);
    }

    private static double contribution(List<Signal> signals, String name) {
        for (Signal signal : signals) {
            if (signal.name().equals(name)) {
                return signal.contribution();
            }
        }
        return 0;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
