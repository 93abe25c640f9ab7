package io.stagehunt.detect.network.dns;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.detect.network.measure.Fingerprints;
import io.stagehunt.detect.network.measure.NameShape;
import io.stagehunt.event.Connection;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import io.stagehunt.net.PortSet;
import io.stagehunt.net.PublicSuffixList;
import java.util.List;

/**
 * {@code dns-surge}: a host's DNS suddenly much busier (queries per window) or much more diverse (distinct
 * registered domains per window) than its own baseline, the median and MAD of its earlier active windows
 * (windows in which it made any query). Windows are tumbling and aligned to multiples of
 * {@code windowMicros}, so both runners cut them alike. A host is judged only after {@code warmupWindows}
 * active windows and {@code minBaselineQueries} queries of history, so its first window never fires. What the surge carries (NXDOMAIN answers, generated-looking names) and whether
 * the host resolves for others weigh in; see {@link SurgeScoring}.
 *
 * <p>Resolvers and proxies are recognised from connections other internal hosts make to their DNS or proxy
 * ports. State per host is a fixed-length history plus one window's distinct-domain set; it expires after a
 * full history of quiet windows. Stateless apart from its settings; thread-safe.
 */
public final class DnsSurgeDetector implements Detector<Host, SurgeHostState> {

    public static final String ID = "dns-surge";
    private static final List<String> TECHNIQUES = List.of("T1071.004", "T1104");
    private static final int DNS_PORT = 53;

    /**
     * Settings of {@code dns-surge}.
     *
     * @param windowMicros the window length; windows are aligned to multiples of it
     * @param historyWindows active windows in the baseline; also how many quiet windows a host is remembered
     * @param warmupWindows active windows a host must have been watched in before it is judged
     * @param minBaselineQueries queries the baseline must hold before the host is judged
     * @param minSurgeQueries fewest queries in a window that can be a rate surge
     * @param minSurgeDomains fewest distinct domains in a window that can be a diversity surge
     * @param minRatio the least multiple of the median that counts as a surge
     * @param minRobustZ the least robust z-score that counts as a surge
     * @param maxDomainsPerWindow distinct domains remembered per window; past it the count is a lower bound
     * @param reportScore the least score that is reported
     * @param forwarderPorts ports on which serving other internal hosts marks a resolver or proxy
     */
    public record Settings(
            long windowMicros, int historyWindows, int warmupWindows, int minBaselineQueries, int minSurgeQueries,
            int minSurgeDomains, double minRatio, double minRobustZ, int maxDomainsPerWindow, double reportScore,
            List<Integer> forwarderPorts) {

        public static final Settings DEFAULTS = new Settings(
                5 * 60_000_000L, 24, 6, 50, 50, 20, 3.0, 5.0, 2048, 0.2,
                List.of(53, 1080, 3128, 3129, 8080, 8118, 8888));

        public Settings {
            forwarderPorts = List.copyOf(forwarderPorts);
            if (windowMicros <= 0 || historyWindows < 2 || warmupWindows < 1 || warmupWindows > historyWindows
                    || minRatio <= 1 || maxDomainsPerWindow < 1) {
                throw new IllegalArgumentException("dns-surge settings out of range: " + this);
            }
        }
    }

    private final Settings settings;
    private final PublicSuffixList suffixes;
    private final PortSet forwarderPorts;

    public DnsSurgeDetector(Settings settings, PublicSuffixList suffixes) {
        this.settings = settings;
        this.suffixes = suffixes;
        this.forwarderPorts = PortSet.of(settings.forwarderPorts());
    }

    public DnsSurgeDetector() {
        this(Settings.DEFAULTS, PublicSuffixList.bundled());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Class<? extends Event> type) {
        return type == DnsQuery.class || type == Connection.class;
    }

    /**
     * The querying host for a lookup; the serving host for a client's answered connection to a resolver or proxy
     * port (a scanner's probes, refused or unanswered, make nobody a forwarder).
     */
    @Override
    public Host keyOf(Event event) {
        if (event instanceof DnsQuery query) {
            return DnsNames.sentByHost(query) ? query.host() : null;
        }
        if (event instanceof Connection connection && connection.direction() == Direction.INTERNAL
                && !connection.outcome().failed()
                && forwarderPorts.contains(connection.responderPort()) && connection.responder() != null
                && !connection.responder().equals(connection.originator())) {
            return Host.of(connection.responder());
        }
        return null;
    }

    @Override
    public SurgeHostState onEvent(Host host, SurgeHostState state, Event event, DetectorContext context) {
        long index = Math.floorDiv(event.timeMicros(), settings.windowMicros());
        if (state == null) {
            state = new SurgeHostState(index, settings.historyWindows(), settings.maxDomainsPerWindow());
        }
        if (event instanceof Connection connection) {
            state.servedClients.add(Fingerprints.of(connection.originator()));
            state.resolvesForClients |= connection.responderPort() == DNS_PORT;
            if (index > state.lastServedWindow) {
                state.servedWindows++;
                state.lastServedWindow = index;
            }
            state.lastUseWindow = Math.max(state.lastUseWindow, index);
            context.setTimer(state.windowHasQueries() ? windowEnd(state.window) : expiry(state));
            return state;
        }
        DnsQuery query = (DnsQuery) event;
        if (index > state.window) {
            closeAndAdvance(host, state, index, context);
        }
        state.queries++;
        state.lastUseWindow = Math.max(state.lastUseWindow, state.window);
        if (query.nxdomain()) {
            state.nxdomain++;
        }
        String name = DnsNames.destinationName(query);
        String domain = name == null || DnsNames.isInfrastructureName(name) ? null : suffixes.registeredDomain(name);
        if (domain != null && state.domains.add(Fingerprints.of(domain))) {
            int labelEnd = domain.indexOf('.');
            if (NameShape.looksGenerated(domain, 0, labelEnd < 0 ? domain.length() : labelEnd)) {
                state.generated++;
            }
        }
        state.evidence.offer(query.provenance());
        context.setTimer(windowEnd(state.window));
        return state;
    }

    @Override
    public SurgeHostState onTimer(Host host, SurgeHostState state, long timeMicros, DetectorContext context) {
        if (timeMicros == Long.MAX_VALUE) {
            if (state.windowHasQueries()) {
                assess(host, state, context);
            }
            return null;
        }
        long index = Math.floorDiv(timeMicros, settings.windowMicros());
        if (index > state.window) {
            closeAndAdvance(host, state, index, context);
        }
        if (timeMicros >= expiry(state)) {
            return null;
        }
        context.setTimer(state.windowHasQueries() ? windowEnd(state.window) : expiry(state));
        return state;
    }

    /** Closes the current window (judging it when it held queries) and moves on to window {@code index}. */
    private void closeAndAdvance(Host host, SurgeHostState state, long index, DetectorContext context) {
        if (state.windowHasQueries()) {
            assess(host, state, context);
        }
        state.moveTo(index);
    }

    /** State lives until a full history of windows has passed with no query and no client served. */
    private long expiry(SurgeHostState state) {
        return windowEnd(state.lastUseWindow + settings.historyWindows());
    }

    private long windowEnd(long index) {
        return (index + 1) * settings.windowMicros();
    }

    private void assess(Host host, SurgeHostState state, DetectorContext context) {
        if (state.activeWindowsClosed < settings.warmupWindows()
                || state.queryHistory.sum() < settings.minBaselineQueries()) {
            return;
        }
        SurgeMeasurements measurements = measure(state);
        if (!SurgeScoring.isSurge(measurements, settings)) {
            return;
        }
        List<Signal> signals = SurgeScoring.signals(measurements, settings);
        double score = SurgeScoring.score(signals);
        if (score < settings.reportScore()) {
            return;
        }
        long start = measurements.windowStartMicros();
        long end = start + settings.windowMicros() - 1;
        double confidence = Math.min(1, 0.4 + 0.6 * state.queryHistory.size() / (double) settings.historyWindows());
        context.emit(new Finding(Finding.uidOf(ID, host, Destination.NONE, start), ID,
                "DNS surge from " + host.label(), TECHNIQUES, host, Destination.NONE, start, end, score,
                confidence, SurgeScoring.reason(host.label(), measurements, signals), signals,
                state.evidence.records()));
    }

    private SurgeMeasurements measure(SurgeHostState state) {
        double baselineQueries = state.queryHistory.sum();
        double baselineDomains = state.domainHistory.sum();
        return new SurgeMeasurements(state.window * settings.windowMicros(), settings.windowMicros(), state.queries,
                state.domains.size(), state.domains.saturated(), state.nxdomain, state.generated,
                state.queryHistory.size(), state.queryHistory.median(), state.queryHistory.mad(),
                state.domainHistory.median(), state.domainHistory.mad(),
                baselineQueries == 0 ? 0 : state.nxHistory.sum() / baselineQueries,
                baselineDomains == 0 ? 0 : state.generatedHistory.sum() / baselineDomains,
                state.servedClients.size(), state.servedWindows, state.resolvesForClients);
    }
}
