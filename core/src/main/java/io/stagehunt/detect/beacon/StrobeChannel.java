package io.stagehunt.detect.beacon;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One channel's connection counts per hour, to tell a strobe: at least RITA's threshold of connections in one
 * window. Reported as soon as it crosses the threshold, then at most once per {@code reportEvery}. Fixed size.
 * Public only as part of the detector's state type; opaque outside this package. Not thread-safe.
 */
public final class StrobeChannel implements ChannelState {

    private final StrobeDetector.Settings settings;
    private final HourlyTotals counts;
    private final EvidenceSample evidence = new EvidenceSample();
    private final PortTally remotePorts = new PortTally();
    private final PortTally targetPorts = new PortTally();
    private long firstMicros = Long.MAX_VALUE;
    private long lastActivityMicros = Long.MIN_VALUE;
    private long lastDeliveredMicros = Long.MIN_VALUE;
    private long reportedAtMicros = Long.MIN_VALUE;
    private boolean crossed;

    StrobeChannel(StrobeDetector.Settings settings) {
        this.settings = settings;
        this.counts = new HourlyTotals(settings.pairs().windowMicros());
    }

    @Override
    public void observe(Observation observation, long nowMicros) {
        lastActivityMicros = Math.max(lastActivityMicros, observation.timeMicros());
        lastDeliveredMicros = Math.max(lastDeliveredMicros, Math.max(observation.timeMicros(), nowMicros));
        if (observation.kind() != Observation.Kind.FLOW || observation.open() || observation.lookup()) {
            return;
        }
        firstMicros = Math.min(firstMicros, observation.timeMicros());
        counts.add(observation.timeMicros(), 1);
        remotePorts.add(observation.remotePort());
        targetPorts.add(observation.targetPort());
        evidence.add(observation.provenance());
        if (!crossed && counts.mayReach(settings.connectionsPerWindow())
                && count(lastActivityMicros) >= settings.connectionsPerWindow()) {
            crossed = true;
        }
    }

    private double count(long endMicros) {
        return counts.sum(windowStart(endMicros), endMicros);
    }

    private long windowStart(long endMicros) {
        return HourlyTotals.windowStart(endMicros, settings.pairs().windowMicros());
    }

    @Override
    public long dueMicros() {
        long expiry = lastDeliveredMicros + settings.pairs().idleMicros();
        if (!crossed) {
            return expiry;
        }
        return Math.min(expiry, reportedAtMicros == Long.MIN_VALUE ? lastDeliveredMicros
                : reportedAtMicros + settings.pairs().reportEveryMicros());
    }

    private boolean reportDue(long nowMicros) {
        return reportedAtMicros == Long.MIN_VALUE
                || nowMicros >= reportedAtMicros + settings.pairs().reportEveryMicros();
    }

    @Override
    public long lastActivityMicros() {
        return lastDeliveredMicros;
    }

    @Override
    public long typicalGapMicros() {
        return 1_000_000L;
    }

    @Override
    public boolean attend(Moment moment, ChannelView view, Consumer<Finding> findings) {
        if (moment.nowMicros() >= lastDeliveredMicros + settings.pairs().idleMicros()) {
            close(moment, view, findings);
            return false;
        }
        if (crossed && reportDue(moment.nowMicros())) {
            report(Math.min(moment.nowMicros(), lastActivityMicros), moment.nowMicros(), view, findings);
        }
        return true;
    }

    @Override
    public void close(Moment moment, ChannelView view, Consumer<Finding> findings) {
        long end = moment.endOfInput() ? moment.observedUntilMicros() : moment.nowMicros();
        if (crossed && reportDue(end)) {
            report(Math.min(end, lastActivityMicros), end, view, findings);
        }
    }

    private void report(long endMicros, long nowMicros, ChannelView view, Consumer<Finding> findings) {
        double connections = count(endMicros);
        crossed = connections >= settings.connectionsPerWindow();
        if (!crossed) {
            return;
        }
        reportedAtMicros = nowMicros;
        long from = Math.max(firstMicros, windowStart(endMicros));
        int hours = (int) (HourlyTotals.hourOf(endMicros) - HourlyTotals.hourOf(from) + 1);
        int active = counts.activeHours(from, endMicros);
        double threshold = settings.connectionsPerWindow();
        double volume = 0.5 + 0.2 * Math.min(1, Math.log(connections / threshold) / Math.log(2));
        double spread = 0.2 * Math.min(1, (double) active / hours);
        List<Signal> signals = new ArrayList<>();
        double perSecond = connections / Math.max(1, (endMicros - from) / 1e6);
        signals.add(new Signal("connections", Phrasing.count(Math.round(connections)) + " in "
                + Phrasing.durationMicros(endMicros - from) + " (" + String.format(java.util.Locale.ROOT, "%.2f",
                perSecond) + " a second)", "RITA strobe threshold " + Phrasing.count(Math.round(threshold))
                + " a day (one a second)", volume));
        signals.add(new Signal("spread", "active in " + active + " of " + hours + " hours",
                "a burst fills few hours, a stuck loop or an interactive session all of them", spread));
        int port = view.proxied() && targetPorts.usual() >= 0 ? targetPorts.usual() : remotePorts.usual();
        if (view.proxied()) {
            signals.add(new Signal("proxy", "reached through forward proxy " + view.key().remote()
                    + (remotePorts.usual() >= 0 ? ":" + remotePorts.usual() : ""), null, 0));
        }
        Destination destination = view.destination(port);
        double score = Finding.scoreOf(signals);
        String reason = view.key().host().label() + " connected to " + view.spoken()
                + view.viaProxy(remotePorts.usual()) + " " + Phrasing.times(Math.round(connections)) + " in "
                + Phrasing.durationMicros(endMicros - from) + ", more often than once a second, in " + active
                + " of " + hours + " hours.";
        List<String> techniques = List.of(port == 80 || port == 443 || view.proxied() ? "T1071.001" : "T1071");
        findings.accept(new Finding(Finding.uidOf(StrobeDetector.ID, view.key().host(), destination, from),
                StrobeDetector.ID, "Strobe to " + view.spoken(), techniques, view.key().host(), destination, from,
                endMicros, score, 1.0, reason, signals, evidence.toList()));
    }
}
