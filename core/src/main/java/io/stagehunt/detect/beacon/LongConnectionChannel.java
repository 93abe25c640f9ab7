package io.stagehunt.detect.beacon;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.detect.beacon.scoring.RitaScoring;
import io.stagehunt.event.EventTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One channel's connection time per hour of flow start, to tell a long connection: a cumulative duration of
 * an hour or more in one window, graded in RITA's bands. Records of flows still open count with their duration
 * so far, and a later record of the same flow replaces the earlier one instead of adding to it (remembered
 * for the latest {@value #REMEMBERED} flows). Bounded in size. Public only as part of the detector's state type;
 * opaque outside this package. Not thread-safe.
 */
public final class LongConnectionChannel implements ChannelState {

    static final int REMEMBERED = 32;
    private static final int FIRST_REMEMBERED = 4;

    private final LongConnectionDetector.Settings settings;
    private final HourlyTotals seconds;
    private final EvidenceSample evidence = new EvidenceSample();
    private final PortTally remotePorts = new PortTally();
    private final PortTally targetPorts = new PortTally();
    /** The remembered flows, in arrays that grow to {@value #REMEMBERED}: most channels see only a few flows. */
    private String[] rememberedUids = new String[FIRST_REMEMBERED];
    /** The uids' hashes, compared first: a flow is checked against every remembered one, most of them others. */
    private int[] rememberedHashes = new int[FIRST_REMEMBERED];
    private long[] rememberedStarts = new long[FIRST_REMEMBERED];
    private long[] rememberedDurations = new long[FIRST_REMEMBERED];
    private boolean[] rememberedOpen = new boolean[FIRST_REMEMBERED];
    private int nextSlot;
    private long firstMicros = Long.MAX_VALUE;
    private long lastActivityMicros = Long.MIN_VALUE;
    private long lastDeliveredMicros = Long.MIN_VALUE;
    private long flows;
    private long longestMicros;
    private boolean encrypted;
    private double reportedScore;
    private long reportedAtMicros = Long.MIN_VALUE;
    private boolean pending;

    LongConnectionChannel(LongConnectionDetector.Settings settings) {
        this.settings = settings;
        this.seconds = new HourlyTotals(settings.pairs().windowMicros());
    }

    @Override
    public void observe(Observation observation, long nowMicros) {
        lastActivityMicros = Math.max(lastActivityMicros, observation.timeMicros());
        lastDeliveredMicros = Math.max(lastDeliveredMicros, Math.max(observation.timeMicros(), nowMicros));
        encrypted |= observation.encrypted();
        if (observation.kind() == Observation.Kind.REQUEST || observation.durationMicros() < 0) {
            return;
        }
        int slot = remembered(observation.uid());
        long start = observation.timeMicros();
        long added = observation.durationMicros();
        if (slot >= 0) {
            // a later record of a flow already counted: count the difference
            start = rememberedStarts[slot];
            added = observation.durationMicros() - rememberedDurations[slot];
            rememberedDurations[slot] = Math.max(rememberedDurations[slot], observation.durationMicros());
            rememberedOpen[slot] = observation.open();
        } else {
            if (observation.kind() == Observation.Kind.UPDATE && observation.uid() == null) {
                return;
            }
            flows++;
            remember(observation);
            remotePorts.add(observation.remotePort());
            targetPorts.add(observation.targetPort());
            evidence.add(observation.provenance());
        }
        if (added <= 0) {
            return;
        }
        firstMicros = Math.min(firstMicros, start);
        longestMicros = Math.max(longestMicros, observation.durationMicros());
        seconds.add(start, added / 1e6);
        pending = true;
    }

    private int remembered(String uid) {
        if (uid == null) {
            return -1;
        }
        int hash = uid.hashCode();
        for (int i = 0; i < rememberedUids.length; i++) {
            if (rememberedHashes[i] == hash && uid.equals(rememberedUids[i])) {
                return i;
            }
        }
        return -1;
    }

    private void remember(Observation observation) {
        if (nextSlot == rememberedUids.length && nextSlot < REMEMBERED) {
            // grown in place of wrapping: flows fill the slots in the same order as in arrays of full size
            int length = Math.min(REMEMBERED, 2 * nextSlot);
            rememberedUids = Arrays.copyOf(rememberedUids, length);
            rememberedHashes = Arrays.copyOf(rememberedHashes, length);
            rememberedStarts = Arrays.copyOf(rememberedStarts, length);
            rememberedDurations = Arrays.copyOf(rememberedDurations, length);
            rememberedOpen = Arrays.copyOf(rememberedOpen, length);
        }
        rememberedUids[nextSlot] = observation.uid();
        rememberedHashes[nextSlot] = observation.uid() == null ? 0 : observation.uid().hashCode();
        rememberedStarts[nextSlot] = observation.timeMicros();
        rememberedDurations[nextSlot] = observation.durationMicros();
        rememberedOpen[nextSlot] = observation.open();
        nextSlot = (nextSlot + 1) % REMEMBERED;
    }

    private int openFlows() {
        int open = 0;
        for (int i = 0; i < rememberedUids.length; i++) {
            if (rememberedUids[i] != null && rememberedOpen[i]) {
                open++;
            }
        }
        return open;
    }

    /** Event time to the minute, for a sentence: {@code 2024-03-04T09:00Z}. */
    private static String minute(long micros) {
        String iso = EventTime.iso(micros);
        return iso.substring(0, Math.min(16, iso.length())) + "Z";
    }

    private double total(long endMicros) {
        return seconds.sum(HourlyTotals.windowStart(endMicros, settings.pairs().windowMicros()), endMicros);
    }

    private double band(double totalSeconds) {
        return RitaScoring.bucketed(totalSeconds, settings.bandSeconds(0), settings.bandSeconds(1),
                settings.bandSeconds(2), settings.bandSeconds(3));
    }

    @Override
    public long dueMicros() {
        long expiry = lastDeliveredMicros + settings.pairs().idleMicros();
        if (pending && seconds.mayReach(settings.bandSeconds(0))
                && total(lastActivityMicros) >= settings.bandSeconds(0)) {
            long next = reportedAtMicros == Long.MIN_VALUE ? lastDeliveredMicros
                    : reportedAtMicros + settings.pairs().reportEveryMicros();
            return Math.min(expiry, next);
        }
        return expiry;
    }

    @Override
    public long lastActivityMicros() {
        return lastDeliveredMicros;
    }

    @Override
    public long typicalGapMicros() {
        return settings.pairs().idleMicros();
    }

    @Override
    public boolean attend(Moment moment, ChannelView view, Consumer<Finding> findings) {
        if (moment.nowMicros() >= lastDeliveredMicros + settings.pairs().idleMicros()) {
            close(moment, view, findings);
            return false;
        }
        if (pending && (reportedAtMicros == Long.MIN_VALUE
                || moment.nowMicros() >= reportedAtMicros + settings.pairs().reportEveryMicros())) {
            report(Math.min(moment.nowMicros(), lastActivityMicros), moment.nowMicros(), view, findings, false);
        }
        return true;
    }

    @Override
    public void close(Moment moment, ChannelView view, Consumer<Finding> findings) {
        if (pending) {
            long end = moment.endOfInput() ? moment.observedUntilMicros() : lastActivityMicros;
            report(end, moment.nowMicros(), view, findings, true);
        }
    }

    private void report(long endMicros, long nowMicros, ChannelView view, Consumer<Finding> findings,
            boolean last) {
        if (!seconds.mayReach(settings.bandSeconds(0))) {
            return;
        }
        double total = total(Math.max(endMicros, lastActivityMicros));
        double score = band(total);
        if (total < settings.bandSeconds(0) || last && reportedAtMicros != Long.MIN_VALUE
                && score < reportedScore + 0.05) {
            return;
        }
        pending = false;
        reportedAtMicros = nowMicros;
        reportedScore = score;
        int open = openFlows();
        long windowStart = HourlyTotals.windowStart(Math.max(endMicros, lastActivityMicros),
                settings.pairs().windowMicros());
        // the total covers the window; the channel's counts cover its life, which may have begun before it
        String since = firstMicros < windowStart ? " since " + minute(firstMicros) : "";
        List<Signal> signals = new ArrayList<>();
        signals.add(new Signal("cumulative duration", Phrasing.duration(total)
                + (since.isEmpty() ? " over " : " in the window; ") + Phrasing.count(flows)
                + (flows == 1 ? " connection" : " connections") + since,
                "RITA bands: 1 h = 0.2, 4 h = 0.4, 8 h = 0.6, 12 h = 0.8", score));
        signals.add(new Signal("longest connection", Phrasing.durationMicros(longestMicros), null, 0));
        signals.add(new Signal("open connections", open + " still open at their latest record",
                "open connections count with their duration so far", 0));
        int port = view.proxied() && targetPorts.usual() >= 0 ? targetPorts.usual() : remotePorts.usual();
        if (view.proxied()) {
            signals.add(new Signal("proxy", "reached through forward proxy " + view.key().remote()
                    + (remotePorts.usual() >= 0 ? ":" + remotePorts.usual() : ""), null, 0));
        }
        Destination destination = view.destination(port);
        String connections = flows == 1 ? "one connection" : Phrasing.count(flows) + " connections";
        String reason = view.key().host().label() + " stayed connected to " + view.spoken()
                + view.viaProxy(remotePorts.usual()) + " for " + Phrasing.duration(total)
                + (since.isEmpty() ? " in " + connections
                        + (flows > 1 ? " (the longest " + Phrasing.durationMicros(longestMicros) + ")" : "")
                        : " in its last " + Phrasing.durationMicros(settings.pairs().windowMicros()) + " ("
                                + connections + since + ", the longest " + Phrasing.durationMicros(longestMicros)
                                + ")")
                + (open > 0 ? ", " + (open == 1 ? "one" : Integer.toString(open)) + (open == REMEMBERED
                ? " or more" : "") + " still open" : "") + ".";
        List<String> techniques = encrypted ? List.of("T1573", "T1071") : List.of("T1071");
        long first = Math.max(firstMicros, windowStart);
        findings.accept(new Finding(Finding.uidOf(LongConnectionDetector.ID, view.key().host(), destination, first),
                LongConnectionDetector.ID, "Long connection to " + view.spoken(), techniques, view.key().host(),
                destination, first, Math.max(endMicros, first), Finding.scoreOf(signals), 1.0, reason, signals,
                evidence.toList()));
    }
}
