package io.stagehunt.detect.network.fanout;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.detect.network.measure.RobustStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code fanout} score as a sum of named signals; pure functions, thread-safe.
 *
 * <p>The number of new destinations alone weighs at most 0.25, and nothing when the host routinely reaches it
 * (above its median plus three robust standard deviations of earlier windows), because opening a web page
 * fans out to dozens of new hosts too. What the destinations are raises it: failures (NXDOMAIN, unanswered
 * or refused connections) 0.3, names cut to one shape (one suffix, one label length, as one generator makes
 * them) 0.25, generated-looking names 0.2, addresses contacted without any lookup while the host does use
 * DNS 0.15. A sweep through few networks on one or two ports is scanning, not staging: its unanswered
 * addresses then say nothing about staging, so address failures and lookup-less contacts do not count, and
 * the sweep takes 0.1 away.
 */
public final class FanoutScoring {

    static final double COUNT_WEIGHT = 0.25;
    static final double FAILED_WEIGHT = 0.30;
    static final double UNIFORM_WEIGHT = 0.25;
    static final double GENERATED_WEIGHT = 0.20;
    static final double DIRECT_WEIGHT = 0.15;
    static final double SWEEP_WEIGHT = -0.10;
    static final int MIN_FAILED = 5;
    static final int MIN_GENERATED = 5;
    static final int MIN_DIRECT = 10;
    static final int MIN_UNIFORM = 10;
    /** Addresses at which a sweep can be judged. */
    static final int MIN_SWEEP_ADDRESSES = 16;

    private FanoutScoring() {
    }

    /** The count above which this host's fanout is unusual: median + 3 robust sigma, at least 1 above it. */
    static double usualHigh(FanoutMeasurements m) {
        if (m.baselineWindows() == 0) {
            return 0;
        }
        return m.baselineMedian() + 3 * Math.max(1, RobustStatistics.MAD_TO_SIGMA * m.baselineMad());
    }

    /** Whether the new addresses look like a sweep: many of them in few networks, on one or two ports. */
    static boolean sweep(FanoutMeasurements m) {
        return m.newAddresses() >= MIN_SWEEP_ADDRESSES && m.addressPrefixes() * 4 <= m.newAddresses()
                && m.addressPorts() <= 2;
    }

    public static List<Signal> signals(FanoutMeasurements m, FanoutDetector.Settings settings) {
        List<Signal> signals = new ArrayList<>(5);
        double high = usualHigh(m);
        boolean warm = m.baselineWindows() >= settings.warmupWindows();
        double count = 0;
        if (m.peak() > high) {
            double excess = m.peak() / Math.max(settings.minNewDestinations(), high);
            count = COUNT_WEIGHT * (0.4 + 0.6 * clamp(Math.log(excess) / Math.log(4)));
            if (!warm) {
                count /= 2;
            }
        }
        signals.add(new Signal("new_destinations",
                String.format(Locale.ROOT, "%d new destinations within %s at the peak; %d in the episode (%d domains,"
                        + " %d addresses)", m.peak(), seconds(m.windowMicros()), m.total(), m.newDomains(),
                        m.newAddresses()),
                warm ? String.format(Locale.ROOT, "usually at most %.0f per window (median %.0f, MAD %.1f over %d"
                        + " active windows)", high, m.baselineMedian(), m.baselineMad(), m.baselineWindows())
                        : "no baseline yet (" + m.baselineWindows() + " active windows): weighed half",
                count));

        boolean sweep = sweep(m);
        int failed = m.failedDomains() + m.failedAddresses();
        double failedShare = m.total() == 0 ? 0 : (double) failed / m.total();
        int countedFailures = sweep ? m.failedDomains() : failed;
        double countedShare = m.total() == 0 ? 0 : (double) countedFailures / m.total();
        signals.add(new Signal("failed_share",
                String.format(Locale.ROOT, "%d failed (%d NXDOMAIN, %d unanswered or refused): %.0f%%", failed,
                        m.failedDomains(), m.failedAddresses(), 100 * failedShare),
                "ordinary destinations resolve and answer",
                countedFailures >= MIN_FAILED ? FAILED_WEIGHT * clamp((countedShare - 0.1) / 0.4) : 0));

        double uniformShare = m.newDomains() == 0 ? 0 : (double) m.sameShapeDomains() / m.newDomains();
        signals.add(new Signal("uniform_names",
                String.format(Locale.ROOT, "%d of %d new domains share one suffix and label length",
                        m.sameShapeDomains(), m.newDomains()),
                "names people visit vary in length and suffix",
                m.sameShapeDomains() >= MIN_UNIFORM ? UNIFORM_WEIGHT * clamp((uniformShare - 0.3) / 0.5) : 0));

        double generatedShare = m.newDomains() == 0 ? 0 : (double) m.generatedDomains() / m.newDomains();
        signals.add(new Signal("generated_names",
                String.format(Locale.ROOT, "%d of %d new domains look machine-generated", m.generatedDomains(),
                        m.newDomains()),
                "people and vendors pick pronounceable names",
                m.generatedDomains() >= MIN_GENERATED ? GENERATED_WEIGHT * clamp((generatedShare - 0.1) / 0.4) : 0));

        if (m.dnsVisible()) {
            double directShare = m.total() == 0 ? 0 : (double) m.newAddresses() / m.total();
            signals.add(new Signal("direct_to_ip",
                    String.format(Locale.ROOT, "%d addresses contacted without a lookup (%.0f%%)", m.newAddresses(),
                            100 * directShare),
                    "a host that uses DNS reaches new services by name",
                    m.newAddresses() >= MIN_DIRECT && !sweep ? DIRECT_WEIGHT * clamp((directShare - 0.3) / 0.5) : 0));
        }

        if (sweep) {
            signals.add(new Signal("scan_like",
                    String.format(Locale.ROOT, "%d addresses in %d networks on %d port%s", m.newAddresses(),
                            m.addressPrefixes(), m.addressPorts(), m.addressPorts() == 1 ? "" : "s"),
                    "staging contacts scattered destinations; a sweep walks neighbouring addresses, so its"
                            + " failures do not count",
                    SWEEP_WEIGHT));
        }
        return signals;
    }

    public static double score(List<Signal> signals) {
        return Finding.scoreOf(signals);
    }

    public static String reason(String host, FanoutMeasurements m, List<Signal> signals) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s contacted %d destinations new to it within %s", host, m.peak(),
                seconds(m.windowMicros())));
        if (!m.examples().isEmpty()) {
            text.append(" (").append(String.join(", ", m.examples())).append(m.total() > m.examples().size()
                    ? " ...)" : ")");
        }
        int failed = m.failedDomains() + m.failedAddresses();
        if (contribution(signals, "failed_share") > 0) {
            text.append(String.format(Locale.ROOT, ", and %d of %d failed", failed, m.total()));
        }
        if (contribution(signals, "uniform_names") > 0) {
            text.append(String.format(Locale.ROOT, ", %d names cut to one pattern", m.sameShapeDomains()));
        }
        if (contribution(signals, "generated_names") > 0) {
            text.append(String.format(Locale.ROOT, ", %d names looking machine-generated", m.generatedDomains()));
        }
        if (contribution(signals, "direct_to_ip") > 0) {
            text.append(String.format(Locale.ROOT, ", %d addresses reached without any lookup", m.newAddresses()));
        }
        if (sweep(m)) {
            text.append("; the addresses sweep a few networks, which looks like scanning");
        }
        text.append('.');
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

    private static String seconds(long micros) {
        long seconds = micros / 1_000_000L;
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
