package io.stagehunt.detect.beacon;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.beacon.scoring.BeaconScoring;
import io.stagehunt.detect.beacon.scoring.Periodicity;
import io.stagehunt.detect.beacon.scoring.RitaScoring;
import java.util.function.Consumer;

/**
 * One channel's beacon state: its arrivals in the window and when it was last evaluated and reported. A
 * channel is evaluated when it falls quiet (no check-in for {@code quietFactor} of its usual intervals), every
 * {@code reportEvery} while it keeps calling, and when it expires or the input ends. Public only as part of
 * the detector's state type; opaque outside this package. Not thread-safe.
 */
public final class BeaconChannel implements ChannelState {

    private static final long HOUR_MICROS = 3_600_000_000L;
    /** A rise in score that is news even shortly after the previous report. */
    private static final double RISE = 0.1;
    /** A live channel's next report may come this fraction of the reporting period early (1/8: 3 h of 24). */
    private static final long REPORT_SLACK_DIVISOR = 8;
    /**
     * A channel that tried at least this many distinct ports, most of its attempts unanswered, sweeps services (a
     * port scan, datagrams to closed ephemeral ports) rather than calling one. Unanswered, because a working
     * channel is answered, whichever ports it hops over or probes first.
     */
    private static final int SWEEP_PORTS = 16;
    /** Weight of the newest interval in the running estimate of the usual interval. */
    private static final double GAP_SMOOTHING = 0.25;

    private final BeaconDetector.Settings settings;
    private final ArrivalSeries series;
    private final EvidenceSample evidence = new EvidenceSample();
    private final PortTally remotePorts = new PortTally();
    private final PortTally targetPorts = new PortTally();
    private long lastActivityMicros = Long.MIN_VALUE;
    private long lastArrivalMicros = Long.MIN_VALUE;
    /** The watermark when the latest arrival was delivered: silences are measured from here. */
    private long lastDeliveredMicros = Long.MIN_VALUE;
    private long lastFlowMicros = Long.MIN_VALUE;
    private int lastOriginatorPort = -1;
    private boolean lastFlowAnswered;
    private double logTypicalGap = Double.NaN;
    private long ownCheckIns;
    private long unanswered;
    private long timePolls;
    private long measuredTimePolls;
    private long flows;
    private boolean encrypted;
    private long evaluatedThroughMicros = Long.MIN_VALUE;
    private long reportedThroughMicros = Long.MIN_VALUE;
    private long reportedAtMicros = Long.MIN_VALUE;
    private double reportedScore;
    private long nextReportMicros = Long.MAX_VALUE;

    BeaconChannel(BeaconDetector.Settings settings) {
        this.settings = settings;
        this.series = new ArrivalSeries(settings.maxArrivalsPerChannel());
    }

    @Override
    public void observe(Observation observation, long nowMicros) {
        long time = observation.timeMicros();
        lastActivityMicros = Math.max(lastActivityMicros, Math.max(time, nowMicros));
        encrypted |= observation.encrypted();
        if (observation.kind() == Observation.Kind.UPDATE || observation.open() || observation.lookup()) {
            // a still-open flow is a long connection, not a check-in (RITA leaves open flows out too); a DNS
            // flow is a lookup of some name through a resolver, whose rhythm is the names' and their TTLs'
            return;
        }
        byte kind;
        if (observation.kind() == Observation.Kind.REQUEST) {
            kind = ArrivalSeries.OWN;
        } else {
            flows++;
            if (!observation.answered()) {
                unanswered++;
            }
            if (observation.timePoll()) {
                timePolls++;
                measuredTimePolls += observation.bytesOut() > 0 ? 1 : 0;
            }
            remotePorts.add(observation.remotePort());
            targetPorts.add(observation.targetPort());
            kind = retransmission(observation) ? ArrivalSeries.RITA : ArrivalSeries.RITA | ArrivalSeries.OWN;
            if (!observation.answered()) {
                kind |= ArrivalSeries.UNANSWERED;
            }
            lastFlowMicros = Math.max(lastFlowMicros, time);
            lastOriginatorPort = observation.originatorPort();
            lastFlowAnswered = observation.answered();
        }
        if ((kind & ArrivalSeries.OWN) != 0) {
            learnGap(time);
            ownCheckIns++;
        }
        series.add(time, observation.kind() == Observation.Kind.REQUEST ? -1 : observation.bytesOut(), kind);
        evidence.add(observation.provenance());
        if (lastArrivalMicros == Long.MIN_VALUE) {
            nextReportMicros = Math.max(time, nowMicros) + settings.pairs().reportEveryMicros();
        }
        lastArrivalMicros = Math.max(lastArrivalMicros, time);
        lastDeliveredMicros = Math.max(lastDeliveredMicros, Math.max(time, nowMicros));
    }

    /**
     * A flow from the same source port moments after an unanswered one retries that attempt. After an answered
     * flow it is a new call: an implant may bind one source port for all its check-ins.
     */
    private boolean retransmission(Observation observation) {
        return !lastFlowAnswered && observation.originatorPort() >= 0
                && observation.originatorPort() == lastOriginatorPort
                && Math.abs(observation.timeMicros() - lastFlowMicros)
                <= PairSettings.micros(settings.retransmissionWindow());
    }

    private void learnGap(long time) {
        if (lastArrivalMicros == Long.MIN_VALUE || time <= lastArrivalMicros) {
            return;
        }
        long gap = time - lastArrivalMicros;
        if (gap < PairSettings.micros(settings.checkInMerge())) {
            return;
        }
        double logGap = Math.log(gap);
        logTypicalGap = Double.isNaN(logTypicalGap) ? logGap
                : logTypicalGap + GAP_SMOOTHING * (logGap - logTypicalGap);
    }

    @Override
    public long lastActivityMicros() {
        return lastActivityMicros;
    }

    /** 0 before a rhythm is learnt: a channel called once or twice has no rhythm to lose when a pair is full. */
    @Override
    public long typicalGapMicros() {
        return Double.isNaN(logTypicalGap) ? 0 : (long) Math.exp(logTypicalGap);
    }

    private long quietDelayMicros() {
        long minimum = PairSettings.micros(settings.quietMinimum());
        long maximum = PairSettings.micros(settings.quietMaximum());
        if (Double.isNaN(logTypicalGap)) {
            return maximum;
        }
        return Math.max(minimum, Math.min(maximum, settings.quietFactor() * typicalGapMicros()));
    }

    private boolean unevaluated() {
        return lastArrivalMicros > evaluatedThroughMicros;
    }

    private long expiryMicros() {
        return lastActivityMicros + settings.pairs().idleMicros();
    }

    @Override
    public long dueMicros() {
        long due = expiryMicros();
        if (unevaluated()) {
            if (ownCheckIns >= settings.minCheckIns()) {
                due = Math.min(due, lastDeliveredMicros + quietDelayMicros());
            }
            due = Math.min(due, nextReportMicros);
        }
        return due;
    }

    @Override
    public boolean attend(Moment moment, ChannelView view, Consumer<Finding> findings) {
        long now = moment.nowMicros();
        if (now >= expiryMicros()) {
            close(moment, view, findings);
            return false;
        }
        if (unevaluated() && ownCheckIns >= settings.minCheckIns()
                && now >= lastDeliveredMicros + quietDelayMicros()) {
            evaluate(channelTime(now), moment, view, false, findings);
        }
        if (now >= nextReportMicros) {
            if (unevaluated()) {
                evaluate(channelTime(now), moment, view, false, findings);
            }
            nextReportMicros = now + settings.pairs().reportEveryMicros();
        }
        series.dropBefore(windowSelectionStart(channelTime(now), moment));
        return true;
    }

    /**
     * The end of a window judged now: now, but no later than the channel's own activity allows, so that late
     * records (or a stream that ran ahead) are judged in the channel's own time.
     */
    private long channelTime(long now) {
        return Math.min(now, lastArrivalMicros + quietDelayMicros());
    }

    @Override
    public void close(Moment moment, ChannelView view, Consumer<Finding> findings) {
        if (series.isEmpty()) {
            return;
        }
        long end;
        if (moment.endOfInput() && lastArrivalMicros >= moment.observedUntilMicros()
                - settings.pairs().windowMicros()) {
            // as RITA: the window ends where the data ends
            end = moment.observedUntilMicros();
        } else {
            // an expired channel is judged as it stood when it fell silent, not a day later
            end = channelTime(moment.endOfInput() ? moment.observedUntilMicros() : moment.nowMicros());
        }
        if (reportedThroughMicros < lastArrivalMicros) {
            evaluate(Math.max(end, lastArrivalMicros), moment, view, true, findings);
        }
    }

    /** The first instant a window ending at {@code end} selects: RITA selects whole hours. */
    private long windowSelectionStart(long end, Moment moment) {
        return Math.floorDiv(windowStartMicros(end, moment), HOUR_MICROS) * HOUR_MICROS;
    }

    private long windowStartMicros(long end, Moment moment) {
        long start = end - settings.pairs().windowMicros();
        return moment.observedSinceMicros() != Long.MIN_VALUE ? Math.max(start, moment.observedSinceMicros())
                : start;
    }

    private void evaluate(long end, Moment moment, ChannelView view, boolean last, Consumer<Finding> findings) {
        evaluatedThroughMicros = lastArrivalMicros;
        if (!series.hasAfter(reportedThroughMicros, settings.minNewArrivals())) {
            return;
        }
        long selectionStart = windowSelectionStart(end, moment);
        ArrivalSeries.Selection selection = series.select(selectionStart, end,
                PairSettings.micros(settings.checkInMerge()), settings.keptAliveWeight());
        if (selection.kept() == 0 || selection.connections() >= settings.strobeConnections()
                || sweep()) {
            return;
        }
        Periodicity.Estimate estimate = selection.checkIns().length >= settings.minCheckIns()
                ? Periodicity.estimate(selection.checkIns(), selection.checkInWeights(), settings.periodicity())
                : Periodicity.Estimate.none(Math.max(0, selection.checkIns().length - 1));
        BeaconScoring.Breakdown own = BeaconScoring.score(estimate, selection.checkInBytes(), settings.scoring());
        boolean ownReports = own.score() >= settings.reportScore();
        // RITA's score decides only at the last report; before that it is computed only for a report that goes out
        if (!last && (!ownReports || !reportDue(moment, own.score()))) {
            return;
        }
        long windowStart = Math.floorDiv(windowStartMicros(end, moment), 1_000_000L);
        long windowEnd = Math.floorDiv(end, 1_000_000L);
        ArrivalSeries.RitaArrivals arrivals = series.ritaArrivals(selectionStart, end);
        RitaScoring.Result rita = RitaScoring.score(windowStart, windowEnd, arrivals.seconds(), arrivals.bytes(),
                settings.rita());
        boolean ritaReports = last && rita != null && rita.score() >= settings.ritaReportScore();
        if (!(ownReports || ritaReports)) {
            return;
        }
        reportedThroughMicros = selection.lastMicros();
        reportedAtMicros = moment.nowMicros();
        reportedScore = own.score();
        BeaconReport report = new BeaconReport(view, selection, rita, estimate, own, remotePorts.usual(),
                targetPorts.usual(), encrypted, selection.unansweredShare(), onlyTimePolls(),
                evidence.toList(), settings.rita().minUniqueTimestamps(), settings.timePollWeight());
        findings.accept(report.finding());
    }

    /**
     * While a channel is live it is reported again only after most of a reporting period, or sooner when its
     * score has risen markedly; the last report (expiry, end of input) only needs new arrivals. "Most of": a
     * channel on a daily rhythm falls quiet a few seconds or minutes earlier on some days than on the day
     * before, and that day's report belongs to that evening, not to the next morning's first call.
     */
    private boolean reportDue(Moment moment, double score) {
        long period = settings.pairs().reportEveryMicros();
        return reportedAtMicros == Long.MIN_VALUE
                || moment.nowMicros() >= reportedAtMicros + period - period / REPORT_SLACK_DIVISOR
                || score >= reportedScore + RISE;
    }

    private boolean sweep() {
        return remotePorts.distinctPorts() >= SWEEP_PORTS && unansweredShare() > 0.5;
    }

    /** Every flow a plain NTP poll as far as measured, and the sizes of one at least measured. */
    private boolean onlyTimePolls() {
        return timePolls == flows && measuredTimePolls > 0;
    }

    private double unansweredShare() {
        return flows == 0 ? 0 : (double) unanswered / flows;
    }
}
