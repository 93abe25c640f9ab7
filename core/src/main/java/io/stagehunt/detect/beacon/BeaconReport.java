package io.stagehunt.detect.beacon;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.detect.beacon.scoring.BeaconScoring;
import io.stagehunt.detect.beacon.scoring.Periodicity;
import io.stagehunt.detect.beacon.scoring.RitaScoring;
import io.stagehunt.event.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns one evaluation of a beacon channel into a finding: the score from stagehunt's signals, RITA's score
 * and sub-scores as zero-weight signals beside them, and a sentence an analyst can read aloud.
 */
final class BeaconReport {

    /** Below this periodicity evidence the sentence does not claim a period. */
    private static final double CLAIM_PERIOD = 0.3;
    private static final Set<Integer> WEB_PORTS = Set.of(80, 443, 8000, 8080, 8443, 3128);
    /**
     * A silence of this many periods, and of an hour at least, separates sessions: a night between office days,
     * or two bursts of calls a day apart, which "every 7.7 s over 22.2 h" alone would hide.
     */
    private static final double SESSION_GAP_PERIODS = 20;
    private static final double SESSION_GAP_MIN_SECONDS = 3600;

    private final ChannelView view;
    private final ArrivalSeries.Selection selection;
    private final RitaScoring.Result rita;
    private final Periodicity.Estimate estimate;
    private final BeaconScoring.Breakdown own;
    private final int remotePort;
    private final int targetPort;
    private final boolean encrypted;
    private final double unanswered;
    private final boolean timePolls;
    private final List<Provenance> evidence;
    private final int ritaMinimum;
    private final double timePollWeight;

    BeaconReport(ChannelView view, ArrivalSeries.Selection selection, RitaScoring.Result rita,
            Periodicity.Estimate estimate, BeaconScoring.Breakdown own, int remotePort, int targetPort,
            boolean encrypted, double unanswered, boolean timePolls, List<Provenance> evidence, int ritaMinimum,
            double timePollWeight) {
        this.view = view;
        this.selection = selection;
        this.rita = rita;
        this.estimate = estimate;
        this.own = own;
        this.remotePort = remotePort;
        this.targetPort = targetPort;
        this.encrypted = encrypted;
        this.unanswered = unanswered;
        this.timePolls = timePolls;
        this.evidence = evidence;
        this.ritaMinimum = ritaMinimum;
        this.timePollWeight = timePollWeight;
    }

    Finding finding() {
        int port = view.proxied() && targetPort >= 0 ? targetPort : remotePort;
        Destination destination = view.destination(port);
        List<Signal> signals = signals();
        double score = Finding.scoreOf(signals);
        long checkIns = selection.checkInCount();
        double confidence = 1 - Math.exp(-checkIns / 10.0);
        return new Finding(Finding.uidOf(BeaconDetector.ID, view.key().host(), destination, selection.firstMicros()),
                BeaconDetector.ID, title(score), techniques(port), view.key().host(), destination,
                selection.firstMicros(), selection.lastMicros(), score, confidence, reason(), signals,
                evidence);
    }

    /** The estimated period in seconds, undoing the thinning of very busy channels. */
    private double period() {
        return estimate.periodSeconds() / selection.stride();
    }

    private boolean periodic() {
        return estimate.found() && estimate.strength() >= CLAIM_PERIOD;
    }

    private String title(double score) {
        return (score >= 0.4 ? "Beacon to " : "Repeated calls to ") + view.spoken();
    }

    private List<String> techniques(int port) {
        List<String> techniques = new ArrayList<>(3);
        boolean web = view.proxied() || encrypted || WEB_PORTS.contains(port) || WEB_PORTS.contains(remotePort);
        techniques.add(web ? "T1071.001" : "T1071");
        if (view.proxied()) {
            techniques.add("T1090");
        }
        techniques.add("T1104");
        return techniques;
    }

    private String reason() {
        StringBuilder sentence = new StringBuilder();
        sentence.append(view.key().host().label()).append(unanswered >= 0.5 ? " tried to call " : " called ")
                .append(view.spoken()).append(view.viaProxy(remotePort));
        String span = Phrasing.durationMicros(Math.max(0, selection.lastMicros() - selection.firstMicros()));
        long times = selection.checkInCount();
        if (periodic()) {
            sentence.append(" every ").append(Phrasing.duration(period()));
            if (!Double.isNaN(estimate.jitter())) {
                sentence.append(" (").append(Phrasing.plusMinusPercent(estimate.jitter())).append(')');
            }
            int sessions = sessions();
            sentence.append(' ').append(Phrasing.times(times))
                    .append(sessions > 1 ? " in " + sessions + " sessions" : "").append(" over ").append(span);
        } else {
            sentence.append(' ').append(Phrasing.times(times)).append(" over ").append(span)
                    .append(" at irregular intervals");
            if (rita != null) {
                sentence.append(", which RITA v5 would score ").append(Phrasing.score(rita.score()));
            }
        }
        if (unanswered >= 0.5) {
            sentence.append(", and ").append(Phrasing.percent(unanswered)).append(" of the attempts got no answer");
        }
        if (timePolls) {
            sentence.append("; each was a plain NTP time poll");
        }
        return sentence.append('.').toString();
    }

    /** Runs of check-ins separated by silences of many periods (and an hour at least). */
    private int sessions() {
        double gap = Math.max(SESSION_GAP_MIN_SECONDS, SESSION_GAP_PERIODS * period());
        double[] checkIns = selection.checkIns();
        int sessions = checkIns.length == 0 ? 0 : 1;
        for (int i = 1; i < checkIns.length; i++) {
            if (checkIns[i] - checkIns[i - 1] > gap) {
                sessions++;
            }
        }
        return sessions;
    }

    private List<Signal> signals() {
        List<Signal> signals = new ArrayList<>();
        String period = estimate.found() ? Phrasing.duration(period()) : "none";
        signals.add(new Signal("periodicity",
                estimate.found() ? "every " + period + ": " + estimate.onSchedule() + " of " + estimate.intervals()
                        + " intervals on schedule (regularity " + Phrasing.score(estimate.regularity())
                        + ", significance " + Phrasing.score(estimate.significance()) + ")"
                        : "no stable period in " + estimate.intervals() + " intervals",
                "random timing 0, a fixed timer 1", own.periodicity()));
        signals.add(new Signal("persistence",
                estimate.onSchedule() + " check-ins on schedule (" + Phrasing.score(own.persistenceShare()) + ")",
                "15 on schedule earn 63 %, a one-off session none", own.persistence()));
        signals.add(new Signal("check-in size",
                Double.isNaN(own.sizeShare()) ? "sizes unknown, counted half"
                        : Phrasing.percent(own.sizeShare()) + " sent " + Phrasing.bytes(own.typicalSize())
                        + " ±10 %",
                "interactive traffic varies in size", own.sizes()));
        signals.add(new Signal("period", period, null, 0));
        signals.add(new Signal("jitter",
                Double.isNaN(estimate.jitter()) ? "unknown" : Phrasing.plusMinusPercent(estimate.jitter()),
                "±0 % is a fixed timer; C2 frameworks offer up to ±50 %", 0));
        signals.add(new Signal("check-ins", Phrasing.count(selection.checkInCount()) + " check-ins, "
                + Phrasing.count(selection.connections()) + " connections"
                + (selection.stride() > 1 ? " (1 in " + selection.stride() + " kept for analysis)" : ""), null, 0));
        if (rita != null) {
            signals.add(new Signal("rita score", Phrasing.score(rita.score()) + " on "
                    + Phrasing.count(selection.connections()) + " connections",
                    "RITA v5 raises beacons from 0.500", 0));
            signals.add(new Signal("rita timestamp score", Phrasing.score(rita.timestamp()),
                    "1 = intervals without skew or spread", 0));
            signals.add(new Signal("rita data size score", Phrasing.score(rita.dataSize()),
                    "1 = sizes without skew or spread", 0));
            signals.add(new Signal("rita histogram score", Phrasing.score(rita.histogram()),
                    "1 = flat or two-level across the day's 24 bins", 0));
            signals.add(new Signal("rita duration score", Phrasing.score(rita.duration()),
                    "1 = covers the window or 12 consecutive bins", 0));
        } else {
            signals.add(new Signal("rita score", "not scored: fewer than " + ritaMinimum
                    + " distinct seconds or 3 intervals", "RITA v5 raises beacons from 0.500", 0));
        }
        if (view.proxied()) {
            signals.add(new Signal("proxy", "reached through forward proxy " + view.key().remote()
                    + (remotePort >= 0 ? ":" + remotePort : ""), null, 0));
        }
        if (unanswered > 0) {
            signals.add(new Signal("unanswered", Phrasing.percent(unanswered) + " of attempts got no answer",
                    "a live service answers", 0));
        }
        if (timePolls) {
            signals.add(new Signal("time poll", "every flow a plain NTP message each way (UDP to port 123, "
                    + "48 bytes, no extension fields)", "a clock polls its time server on a schedule",
                    -timePollWeight));
        }
        return signals;
    }
}
