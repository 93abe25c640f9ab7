package io.stagehunt.detect.network.burst;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.detect.network.measure.Fingerprints;
import io.stagehunt.detect.network.measure.RobustStatistics;
import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.TlsSession;
import io.stagehunt.event.Transport;
import io.stagehunt.net.Cidr;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.PortSet;
import io.stagehunt.net.SpecialAddresses;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * {@code burst-then-sustained}: a short burst of connection attempts followed within minutes by sustained
 * communication from the same host. Per host, a state machine over its outbound connections:
 *
 * <ol>
 *   <li><b>watching</b>: remembers which destinations the host contacts (a fixed-size filter);</li>
 *   <li><b>burst open</b>: TCP attempts that got no reply ({@link ConnectionOutcome#NO_REPLY}), were refused
 *       ({@link ConnectionOutcome#REJECTED}) or were cut short (connected, closed within
 *       {@code shortConnectionMicros}, no data one way) follow each other within {@code burstWindowMicros};
 *       the burst closes after a quiet window. It counts when at least {@code minBurstAttempts} of them fell
 *       within one window, and is dropped as scanning when it tried more than {@code maxBurstTargets}
 *       destinations or made more than {@code maxBurstAttempts} attempts;</li>
 *   <li><b>waiting</b>: for {@code confirmMicros} after a counted burst, every destination the host then
 *       connects to is a candidate; one becomes sustained with {@code minRepeats} connections at regular
 *       intervals (coefficient of variation at most {@code maxIntervalCv}) or one connection lasting
 *       {@code longConnectionMicros}, provided its first connection began within {@code followMicros} of the
 *       burst's end;</li>
 *   <li><b>reported</b>: the pair is scored ({@link BurstScoring}); when it reaches {@code reportScore} it is
 *       reported once, with both phases in the signals and evidence, and the burst is done.</li>
 * </ol>
 *
 * <p>The host's own TLS server names and HTTP Host headers, while a burst waits, name the sustained destination
 * (for the analyst, and for allowlists matched by name); they never start a host's state.
 *
 * <p>{@code confirmMicros} is longer than {@code followMicros} because sensors log a connection when it ends:
 * a long connection that began a minute after the burst arrives when it closes. The host's state expires
 * after {@code memoryMicros} without a connection. Stateless apart from its settings; thread-safe.
 */
public final class BurstThenSustainedDetector implements Detector<Host, BurstHostState> {

    public static final String ID = "burst-then-sustained";
    private static final List<String> TECHNIQUES = List.of("T1104");
    private static final int FILTER_BITS = 1 << 14;
    private static final int EVIDENCE = 10;
    /** Time constant of the decaying counts behind a host's novelty rate. */
    private static final double NOVELTY_TAU_MICROS = 3_600_000_000.0;
    /** Recent connections (decayed) before a host's novelty rate is trusted. */
    private static final double MIN_NOVELTY_SAMPLE = 20;

    /**
     * Settings of {@code burst-then-sustained}.
     *
     * @param burstWindowMicros attempts this close together belong to one burst; a burst needs
     *     {@code minBurstAttempts} within one such window
     * @param minBurstAttempts fewest attempts that make a burst
     * @param maxBurstAttempts more attempts than this in one burst is scanning, not staging
     * @param maxBurstTargets more distinct destinations (address and port) than this is scanning
     * @param shortConnectionMicros a connection closed this fast with no data one way counts as an attempt
     * @param followMicros sustained communication must begin within this after the burst ends
     * @param confirmMicros how long a burst waits for sustained evidence, late-logged long connections included
     * @param minRepeats connections to one destination that make repeated communication
     * @param minIntervalMicros repeated connections must be at least this far apart (not one page load)
     * @param maxIntervalCv most variation (standard deviation over mean) of the intervals that is regular
     * @param longConnectionMicros one connection at least this long is sustained
     * @param maxCandidates destinations tracked after a burst; the least used is dropped first
     * @param maxPendingBursts bursts waiting at once; the oldest is dropped first
     * @param memoryMicros how long a host's contacted destinations are remembered (and its state kept)
     * @param reportScore the least score that is reported
     * @param ignoredPorts remote ports of infrastructure protocols, never a burst or a sustained channel
     * @param popularNetworks address ranges (CIDR) of services too widely used to be a stage-2 destination
     */
    public record Settings(
            long burstWindowMicros, int minBurstAttempts, int maxBurstAttempts, int maxBurstTargets,
            long shortConnectionMicros, long followMicros, long confirmMicros, int minRepeats,
            long minIntervalMicros, double maxIntervalCv, long longConnectionMicros, int maxCandidates,
            int maxPendingBursts, long memoryMicros, double reportScore, List<Integer> ignoredPorts,
            List<String> popularNetworks) {

        public static final Settings DEFAULTS = new Settings(
                60_000_000L, 5, 200, 16, 1_000_000L, 10 * 60_000_000L, 4 * 3_600_000_000L, 4, 5_000_000L, 0.5,
                20 * 60_000_000L, 32, 4, 6 * 3_600_000_000L, 0.5,
                List.of(
                        // name resolution, time, address assignment, local discovery and file sharing
                        53, 67, 68, 123, 137, 138, 139, 445, 853, 1900, 5353, 5355,
                        // STUN/TURN: calls probe many relay candidates, then keep one (RFC 8445)
                        3478, 5349),
                List.of());

        public Settings {
            ignoredPorts = List.copyOf(ignoredPorts);
            popularNetworks = List.copyOf(popularNetworks);
            if (burstWindowMicros <= 0 || minBurstAttempts < 2 || maxBurstAttempts < minBurstAttempts
                    || maxBurstTargets < 1 || followMicros <= 0 || confirmMicros < followMicros || minRepeats < 3
                    || maxIntervalCv <= 0 || longConnectionMicros <= 0 || maxCandidates < 1 || maxPendingBursts < 1
                    || memoryMicros <= 0) {
                throw new IllegalArgumentException("burst-then-sustained settings out of range: " + this);
            }
        }
    }

    private final Settings settings;
    private final PortSet ignoredPorts;
    private final List<Cidr> popularNetworks;

    public BurstThenSustainedDetector(Settings settings) {
        this.settings = settings;
        this.ignoredPorts = PortSet.of(settings.ignoredPorts());
        this.popularNetworks = settings.popularNetworks().stream().map(Cidr::parse).toList();
    }

    public BurstThenSustainedDetector() {
        this(Settings.DEFAULTS);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Class<? extends Event> type) {
        return type == Connection.class || type == HttpRequest.class || type == TlsSession.class;
    }

    @Override
    public Host keyOf(Event event) {
        if (event instanceof HttpRequest request) {
            return request.hostHeader() != null && sentBy(request.host(), request.client()) ? request.host() : null;
        }
        if (event instanceof TlsSession session) {
            return session.serverName() != null && sentBy(session.host(), session.client()) ? session.host() : null;
        }
        Connection connection = (Connection) event;
        if (connection.direction() != Direction.OUTBOUND || connection.host() == null
                || connection.remote() == null || SpecialAddresses.isNonUnicast(connection.remote())
                || ignoredPorts.contains(connection.remotePort())) {
            return null;
        }
        return connection.host();
    }

    private static boolean sentBy(Host host, IpAddress client) {
        return host != null && host.ip() != null && host.ip().equals(client);
    }

    @Override
    public BurstHostState onEvent(Host host, BurstHostState state, Event event, DetectorContext context) {
        if (event instanceof HttpRequest request) {
            // a name only matters for a destination that may follow a burst: names start no state, and are
            // kept only while a burst waits for its sequel
            if (state != null && state.waiting()) {
                state.names.name(request.server(), request.hostHeader());
            }
            return state;
        }
        if (event instanceof TlsSession session) {
            if (state != null && state.waiting()) {
                state.names.name(session.server(), session.serverName());
            }
            return state;
        }
        Connection connection = (Connection) event;
        long time = connection.timeMicros();
        if (state == null) {
            state = new BurstHostState(time, FILTER_BITS);
            state.rotateAt = time + settings.memoryMicros() / 2;
        }
        rotate(state, time);
        state.lastActivity = Math.max(state.lastActivity, time);
        if (isPopular(connection)) {
            context.setTimer(deadline(state));
            return state;
        }
        long target = Fingerprints.of(connection.remote(), connection.remotePort());
        if (isAttempt(connection)) {
            onAttempt(state, connection, target);
        } else if (connection.outcome() == ConnectionOutcome.ESTABLISHED) {
            countNovelty(state, time, target);
            if (state.waiting()) {
                onEstablished(host, state, connection, target, context);
            }
        }
        (state.waiting() ? state.contactedSince : state.contactedBefore).add(target);
        context.setTimer(deadline(state));
        return state;
    }

    @Override
    public BurstHostState onTimer(Host host, BurstHostState state, long timeMicros, DetectorContext context) {
        if (timeMicros == Long.MAX_VALUE) {
            return null;
        }
        if (state.open != null && timeMicros >= state.open.last + settings.burstWindowMicros()) {
            closeOpenBurst(state);
        }
        expirePending(state, timeMicros);
        if (timeMicros >= state.lastActivity + settings.memoryMicros() && !state.waiting()) {
            return null;
        }
        context.setTimer(deadline(state));
        return state;
    }

    /** An attempt: TCP refused or unanswered, or connected and closed at once with no data one way. */
    private boolean isAttempt(Connection connection) {
        if (connection.transport() != Transport.TCP) {
            return false;
        }
        if (connection.outcome().failed()) {
            return true;
        }
        return connection.outcome() == ConnectionOutcome.ESTABLISHED && !connection.open()
                && connection.durationMicros() >= 0 && connection.durationMicros() < settings.shortConnectionMicros()
                && (connection.bytesOut() == 0 || connection.bytesIn() == 0);
    }

    private void onAttempt(BurstHostState state, Connection connection, long target) {
        long time = connection.timeMicros();
        if (state.open != null && time > state.open.last + settings.burstWindowMicros()) {
            closeOpenBurst(state);
        }
        if (state.open == null) {
            if (state.waiting()) {
                // what was contacted while earlier bursts waited was contacted before this one
                state.contactedBefore.absorb(state.contactedSince);
                state.contactedSince.clear();
            }
            state.open = new BurstHostState.Burst(time, settings.maxBurstTargets(), settings.minBurstAttempts());
        }
        state.open.add(time, target, connection.remotePort(), connection.outcome().failed(),
                endpoint(connection), connection.provenance(), settings.burstWindowMicros());
    }

    private void onEstablished(Host host, BurstHostState state, Connection connection, long target,
            DetectorContext context) {
        long time = connection.timeMicros();
        if (time < state.earliestBurstStart()) {
            return;
        }
        BurstHostState.Candidate candidate = state.candidates.get(target);
        if (candidate == null) {
            if (state.open == null && time > latestFollowEnd(state)) {
                return;
            }
            if (state.candidates.size() >= settings.maxCandidates()) {
                dropLeastUsedCandidate(state);
            }
            candidate = new BurstHostState.Candidate(connection.remote(), connection.remotePort(), target,
                    state.contactedBefore.mightContain(target));
            state.candidates.put(target, candidate);
        }
        candidate.add(time, Math.max(0, connection.durationMicros()), connection.open(), connection.provenance());
        BurstSequence.Kind kind = sustainedKind(candidate);
        if (kind == null) {
            return;
        }
        BurstHostState.Burst burst = burstBefore(state, candidate.first);
        if (burst == null) {
            return;
        }
        String name = state.names.of(candidate.address);
        BurstSequence sequence = sequenceOf(state, burst, candidate, kind, name);
        List<Signal> signals = BurstScoring.signals(sequence, settings);
        double score = BurstScoring.score(signals);
        if (score < settings.reportScore()) {
            return;
        }
        Destination destination = new Destination(candidate.address, name, candidate.port);
        List<Provenance> evidence = new ArrayList<>(burst.evidence.records());
        evidence.addAll(candidate.evidence.records());
        context.emit(new Finding(Finding.uidOf(ID, host, destination, burst.first), ID,
                "Burst of connection attempts, then sustained communication from " + host.label(), TECHNIQUES,
                host, destination, burst.first, Math.max(candidate.lastEnd, burst.last), score, confidence(sequence),
                BurstScoring.reason(host.label(), sequence), signals, evidence.subList(0, Math.min(EVIDENCE,
                        evidence.size()))));
        if (burst == state.open) {
            state.open = null;
        } else {
            state.pending.remove(burst);
        }
        state.candidates.remove(target);
        if (!state.waiting()) {
            settle(state);
        }
    }

    /** The end of the follow window of the latest pending burst. */
    private long latestFollowEnd(BurstHostState state) {
        long end = Long.MIN_VALUE;
        for (BurstHostState.Burst burst : state.pending) {
            end = Math.max(end, burst.last + settings.followMicros());
        }
        return end;
    }

    /** Decaying counts of the host's established connections, and of those to destinations new to it. */
    private static void countNovelty(BurstHostState state, long time, long target) {
        if (state.noveltyTime != Long.MIN_VALUE && time > state.noveltyTime) {
            double decay = Math.exp(-(time - state.noveltyTime) / NOVELTY_TAU_MICROS);
            state.recentConnections *= decay;
            state.recentNew *= decay;
        }
        state.noveltyTime = Math.max(state.noveltyTime, time);
        state.recentConnections++;
        if (!state.contactedBefore.mightContain(target) && !state.contactedSince.mightContain(target)) {
            state.recentNew++;
        }
    }

    private static double noveltyRate(BurstHostState state) {
        return state.recentConnections < MIN_NOVELTY_SAMPLE ? Double.NaN
                : state.recentNew / state.recentConnections;
    }

    /** How the candidate is sustained, or null when it is not (yet). */
    private BurstSequence.Kind sustainedKind(BurstHostState.Candidate candidate) {
        if (candidate.longest >= settings.longConnectionMicros()) {
            return BurstSequence.Kind.LONG;
        }
        if (candidate.connections < settings.minRepeats()) {
            return null;
        }
        long[] intervals = candidate.intervals();
        if (intervals.length + 1 < settings.minRepeats()) {
            return null;
        }
        double median = medianOf(intervals);
        return median >= settings.minIntervalMicros() && coefficientOfVariation(intervals) <= settings.maxIntervalCv()
                ? BurstSequence.Kind.REPEATED : null;
    }

    /** The latest counted burst that began before the sustained communication and ended shortly before it. */
    private BurstHostState.Burst burstBefore(BurstHostState state, long sustainedFirst) {
        BurstHostState.Burst best = null;
        List<BurstHostState.Burst> all = new ArrayList<>(state.pending);
        if (state.open != null && counts(state.open)) {
            all.add(state.open);
        }
        for (BurstHostState.Burst burst : all) {
            boolean before = burst.first <= sustainedFirst && sustainedFirst <= burst.last + settings.followMicros();
            if (before && (best == null || burst.first > best.first)) {
                best = burst;
            }
        }
        return best;
    }

    private BurstSequence sequenceOf(BurstHostState state, BurstHostState.Burst burst,
            BurstHostState.Candidate candidate, BurstSequence.Kind kind, String name) {
        long[] intervals = candidate.intervals();
        BurstSequence.Relation relation = burst.targets.contains(candidate.fingerprint)
                ? BurstSequence.Relation.SAME_DESTINATION
                : burst.ports.contains(candidate.port + 1L) ? BurstSequence.Relation.SAME_PORT
                        : BurstSequence.Relation.DIFFERENT;
        BurstSequence.Novelty novelty = burst.first - state.watchedSince < settings.followMicros()
                ? BurstSequence.Novelty.UNKNOWN
                : candidate.knownBefore ? BurstSequence.Novelty.KNOWN : BurstSequence.Novelty.NEW;
        return new BurstSequence(burst.first, burst.last, burst.attempts, burst.failed, burst.cutShort,
                burst.targets.size(), burst.ports.size(), burst.examples, kind, candidate.address, name,
                candidate.port,
                candidate.connections, kind == BurstSequence.Kind.REPEATED ? (long) medianOf(intervals) : 0,
                kind == BurstSequence.Kind.REPEATED ? coefficientOfVariation(intervals) : 0, candidate.longest,
                candidate.longestOpen, candidate.first, candidate.last, relation, novelty, noveltyRate(state));
    }

    /** A burst counts when enough attempts fell within one window and it does not look like a scan. */
    private boolean counts(BurstHostState.Burst burst) {
        return burst.attempts >= settings.minBurstAttempts() && burst.dense
                && burst.attempts <= settings.maxBurstAttempts() && !burst.targets.saturated()
                && burst.targets.size() <= settings.maxBurstTargets();
    }

    private void closeOpenBurst(BurstHostState state) {
        BurstHostState.Burst burst = state.open;
        state.open = null;
        if (!counts(burst)) {
            if (!state.waiting()) {
                settle(state);
            }
            return;
        }
        state.pending.add(burst);
        if (state.pending.size() > settings.maxPendingBursts()) {
            state.pending.remove(0);
        }
    }

    private void expirePending(BurstHostState state, long time) {
        Iterator<BurstHostState.Burst> bursts = state.pending.iterator();
        while (bursts.hasNext()) {
            if (time >= bursts.next().last + settings.confirmMicros()) {
                bursts.remove();
            }
        }
        if (!state.waiting()) {
            settle(state);
        } else {
            long earliest = state.earliestBurstStart();
            state.candidates.values().removeIf(candidate -> candidate.last < earliest);
        }
    }

    /** No burst is waiting any more: forget candidates and fold what was contacted meanwhile into memory. */
    private static void settle(BurstHostState state) {
        state.candidates.clear();
        state.contactedBefore.absorb(state.contactedSince);
        state.contactedSince.clear();
    }

    private void dropLeastUsedCandidate(BurstHostState state) {
        state.candidates.values().stream()
                .min(Comparator.<BurstHostState.Candidate>comparingInt(candidate -> candidate.connections)
                        .thenComparingLong(candidate -> candidate.last))
                .ifPresent(least -> state.candidates.remove(least.fingerprint));
    }

    /** Both memories age alike, so that bursts pending for hours leave neither one growing without end. */
    private void rotate(BurstHostState state, long time) {
        if (time >= state.rotateAt) {
            state.contactedBefore.rotate();
            state.contactedSince.rotate();
            state.rotateAt = time + settings.memoryMicros() / 2;
        }
    }

    private long deadline(BurstHostState state) {
        long deadline = state.lastActivity + settings.memoryMicros();
        if (state.open != null) {
            deadline = Math.min(deadline, state.open.last + settings.burstWindowMicros());
        }
        for (int i = 0; i < state.pending.size(); i++) {
            deadline = Math.min(deadline, state.pending.get(i).last + settings.confirmMicros());
        }
        return deadline;
    }

    private boolean isPopular(Connection connection) {
        for (Cidr network : popularNetworks) {
            if (network.contains(connection.remote())) {
                return true;
            }
        }
        return false;
    }

    /** More attempts, more repeats and a judged novelty make the reading surer. */
    private static double confidence(BurstSequence sequence) {
        double repeats = sequence.kind() == BurstSequence.Kind.LONG ? 1 : Math.min(1, sequence.connections() / 10.0);
        return Math.min(1, 0.3 + 0.2 * Math.min(1, sequence.attempts() / 20.0) + 0.3 * repeats
                + (sequence.novelty() == BurstSequence.Novelty.UNKNOWN ? 0 : 0.2));
    }

    private static double medianOf(long[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return RobustStatistics.median(doubles, doubles.length);
    }

    static double coefficientOfVariation(long[] values) {
        if (values.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double mean = 0;
        for (long value : values) {
            mean += value;
        }
        mean /= values.length;
        if (mean <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double variance = 0;
        for (long value : values) {
            variance += (value - mean) * (value - mean);
        }
        return Math.sqrt(variance / values.length) / mean;
    }

    private static String endpoint(Connection connection) {
        return connection.remote().withPort(connection.remotePort());
    }
}
