package io.stagehunt.detect.network.burst;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code burst-then-sustained} score as a sum of named signals; pure functions, thread-safe.
 *
 * <p>Both phases must be there (the detector only asks once they are): the burst weighs 0.1 to 0.2 with its
 * size, the sustained phase 0.15 to 0.25 with its regularity or length, a quick handoff up to 0.1. Browsers
 * show both phases all day (failed tracker connections, then long keep-alive sessions with content servers),
 * so what decides is how the phases are linked. Reaching a destination the burst had been retrying adds
 * 0.15; another server on a port the burst tried adds 0.1, but nothing on the web ports everyone uses. A
 * destination new to the host adds up to 0.15, less for a host that reaches new destinations all the time;
 * one it already used before the burst takes 0.2 away.
 */
public final class BurstScoring {

    static final double BURST_BASE = 0.10;
    static final double BURST_GROWTH = 0.10;
    static final double SUSTAINED_BASE = 0.15;
    static final double SUSTAINED_GROWTH = 0.10;
    static final double HANDOFF_WEIGHT = 0.10;
    static final double SAME_DESTINATION_WEIGHT = 0.15;
    static final double SAME_PORT_WEIGHT = 0.10;
    static final double NEW_WEIGHT = 0.15;
    static final double KNOWN_WEIGHT = -0.20;

    private BurstScoring() {
    }

    public static List<Signal> signals(BurstSequence s, BurstThenSustainedDetector.Settings settings) {
        List<Signal> signals = new ArrayList<>(5);
        signals.add(new Signal("burst",
                String.format(Locale.ROOT, "%d attempts (%d failed, %d cut short) to %d destination%s in %.0f s",
                        s.attempts(), s.failed(), s.cutShort(), s.targets(), s.targets() == 1 ? "" : "s",
                        (s.burstLastMicros() - s.burstFirstMicros()) / 1e6),
                String.format(Locale.ROOT, "a burst is %d+ attempts within %.0f s to at most %d destinations",
                        settings.minBurstAttempts(), settings.burstWindowMicros() / 1e6, settings.maxBurstTargets()),
                BURST_BASE + BURST_GROWTH * clamp((s.attempts() - settings.minBurstAttempts())
                        / (3.0 * settings.minBurstAttempts()))));

        signals.add(sustainedSignal(s, settings));

        signals.add(new Signal("handoff",
                String.format(Locale.ROOT, "sustained communication began %.0f s after the burst",
                        s.handoffMicros() / 1e6),
                String.format(Locale.ROOT, "within %.0f min", settings.followMicros() / 60e6),
                HANDOFF_WEIGHT * clamp(1 - (double) s.handoffMicros() / settings.followMicros())));

        signals.add(relationSignal(s));
        signals.add(noveltySignal(s));
        return signals;
    }

    private static Signal sustainedSignal(BurstSequence s, BurstThenSustainedDetector.Settings settings) {
        String sustainedBaseline = String.format(Locale.ROOT,
                "sustained is %d+ connections varying under %.2f, or one over %.0f min", settings.minRepeats(),
                settings.maxIntervalCv(), settings.longConnectionMicros() / 60e6);
        if (s.kind() == BurstSequence.Kind.REPEATED) {
            return new Signal("sustained",
                    String.format(Locale.ROOT, "%d connections to %s every %.0f s (variation %.2f)", s.connections(),
                            endpoint(s), s.medianIntervalMicros() / 1e6, s.intervalCv()),
                    sustainedBaseline,
                    SUSTAINED_BASE + SUSTAINED_GROWTH * clamp(1 - s.intervalCv() / settings.maxIntervalCv()));
        }
        return new Signal("sustained",
                String.format(Locale.ROOT, "a connection to %s lasting %.1f min%s", endpoint(s),
                        s.longestMicros() / 60e6, s.stillOpen() ? " and still open" : ""),
                sustainedBaseline,
                SUSTAINED_BASE + SUSTAINED_GROWTH * clamp(Math.log((double) s.longestMicros()
                        / settings.longConnectionMicros()) / Math.log(6)));
    }

    private static Signal relationSignal(BurstSequence s) {
        return switch (s.relation()) {
            case SAME_DESTINATION -> new Signal("destination_relation", "the burst had been trying this destination",
                    "retrying until it gets through", SAME_DESTINATION_WEIGHT);
            case SAME_PORT -> s.webPort()
                    ? new Signal("destination_relation", "another address on web port " + s.destinationPort(),
                            "every host uses the web ports: no link", 0)
                    : new Signal("destination_relation", "another address on port " + s.destinationPort()
                            + ", which the burst tried", "falling back to another server", SAME_PORT_WEIGHT);
            case DIFFERENT -> new Signal("destination_relation", "a destination and port the burst did not try",
                    "unrelated traffic often follows a burst", 0);
        };
    }

    private static Signal noveltySignal(BurstSequence s) {
        String baseline = Double.isNaN(s.hostNoveltyRate()) ? "a stage change brings a new destination"
                : String.format(Locale.ROOT, "%.0f%% of this host's recent connections went somewhere new",
                        100 * s.hostNoveltyRate());
        return switch (s.novelty()) {
            case NEW -> new Signal("new_destination", endpoint(s) + " was never contacted by this host before",
                    baseline, NEW_WEIGHT * (Double.isNaN(s.hostNoveltyRate()) ? 1 : 1 - s.hostNoveltyRate()));
            case KNOWN -> new Signal("new_destination", endpoint(s) + " was already in use before the burst",
                    baseline, KNOWN_WEIGHT);
            case UNKNOWN -> new Signal("new_destination", "not judged: the host was watched too briefly", baseline, 0);
        };
    }

    public static double score(List<Signal> signals) {
        return Finding.scoreOf(signals);
    }

    public static String reason(String host, BurstSequence s) {
        String burst = String.format(Locale.ROOT, "%s made %d failed or cut-short connection attempts to %d"
                + " destination%s within %.0f s", host, s.attempts(), s.targets(), s.targets() == 1 ? "" : "s",
                (s.burstLastMicros() - s.burstFirstMicros()) / 1e6);
        String after = String.format(Locale.ROOT, "%.0f s later", s.handoffMicros() / 1e6);
        String target = endpoint(s) + (s.novelty() == BurstSequence.Novelty.NEW ? " (new to this host)" : "");
        String sustained = s.kind() == BurstSequence.Kind.REPEATED
                ? String.format(Locale.ROOT, "began connecting to %s every %.0f s (%d connections)", target,
                        s.medianIntervalMicros() / 1e6, s.connections())
                : String.format(Locale.ROOT, "held a %.0f-minute connection to %s", s.longestMicros() / 60e6, target);
        String relation = switch (s.relation()) {
            case SAME_DESTINATION -> ", the destination it had been retrying";
            case SAME_PORT -> s.webPort() ? "" : ", another server on a port the burst tried";
            case DIFFERENT -> "";
        };
        return burst + ", then " + after + " " + sustained + relation + ".";
    }

    private static String endpoint(BurstSequence s) {
        if (s.destinationName() != null) {
            return s.destinationName() + ":" + s.destinationPort() + " (" + s.destination() + ")";
        }
        return s.destination().withPort(s.destinationPort());
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
