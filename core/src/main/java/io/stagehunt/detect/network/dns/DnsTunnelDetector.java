package io.stagehunt.detect.network.dns;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.event.Connection;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.PublicSuffixList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code dns-tunnel}: data carried inside DNS, per internal host and registered domain. Measures the distinct
 * subdomains (RITA's bands), the bytes of unique subdomain text per window (the information-content bound of
 * Paxson et al., "Practical Comprehensive Bounds on Surreptitious Communication Over DNS", USENIX Security
 * 2013), the subdomains' length and entropy, how many queries use data-carrying types (TXT, NULL, CNAME), the
 * free-form answer data coming back, and whether the host ever connected to an address the domain returned.
 *
 * <p>Keyed by host, because "never connected" joins the host's lookups with its own connections. A domain is
 * reported once per window: when its score first reaches {@code reportScore}, the report waits
 * {@code settleMicros} so the finding carries a fuller picture, and is sent early when the window closes, the
 * host goes idle or the input ends. State per host is bounded by {@code maxDomainsPerHost},
 * {@code maxNamesPerDomain} and {@code maxAnswersPerHost}, and expires after {@code idleMicros} without a
 * lookup or connection. Stateless apart from its settings; thread-safe.
 */
public final class DnsTunnelDetector implements Detector<Host, TunnelHostState> {

    public static final String ID = "dns-tunnel";
    private static final List<String> TECHNIQUES = List.of("T1071.004", "T1572");
    private static final int DNS_PORT = 53;
    /** Re-score a domain every this many queries between window closes; the close always re-scores. */
    private static final int RESCORE_EVERY = 8;
    /** The quick score agrees with the signals' sum to rounding; this keeps a domain at the bar on the full path. */
    private static final double QUICK_SCORE_MARGIN = 1e-6;

    /**
     * Settings of {@code dns-tunnel}.
     *
     * @param windowMicros the accounting window; Paxson et al. bound information per client per day
     * @param idleMicros host state is dropped (and its domains finally scored) after this long without a lookup
     *     or a connection
     * @param settleMicros delay between a domain first reaching {@code reportScore} and its report
     * @param minQueries queries under a domain before it is scored at all
     * @param subdomainBands distinct-subdomain counts of RITA's bands, ascending
     * @param informationBudgetBytes bytes of unique subdomain text (and of answer data) per host, domain and
     *     window that ordinary use stays under; Paxson et al. operate at 4 kB per day
     * @param maxDomainsPerHost domains tracked per host; the least active is dropped first
     * @param maxNamesPerDomain distinct subdomains remembered per domain; past it counts are lower bounds
     * @param maxAnswersPerHost recent answer addresses remembered per host to join with its connections
     * @param reportScore the least score that is reported
     * @param trustedDomains domains whose DNS lookups are a service by design (anti-virus and reputation
     *     lookups, DNS block lists), never reported: a registered domain ({@code sophosxl.net}) or a name below
     *     one ({@code avqs.mcafee.com}), each with everything below it; case, a final dot and a leading
     *     {@code *.} do not matter
     */
    public record Settings(
            long windowMicros, long idleMicros, long settleMicros, int minQueries, List<Integer> subdomainBands,
            int informationBudgetBytes, int maxDomainsPerHost, int maxNamesPerDomain, int maxAnswersPerHost,
            double reportScore, List<String> trustedDomains) {

        public static final Settings DEFAULTS = new Settings(
                86_400_000_000L, 2 * 3_600_000_000L, 10 * 60_000_000L, 10, List.of(100, 500, 800, 1000),
                4096, 128, 1024, 512, 0.25,
                List.of(
                        // Sophos Live Protection file and URL reputation over DNS
                        "sophosxl.net",
                        // DNS block lists queried by mail servers with reversed addresses as labels
                        "spamhaus.org", "spamcop.net", "sorbs.net", "barracudacentral.org", "surbl.org",
                        "uribl.com", "senderbase.org"));

        public Settings {
            subdomainBands = List.copyOf(subdomainBands);
            trustedDomains = List.copyOf(trustedDomains);
            if (windowMicros <= 0 || idleMicros <= 0 || settleMicros < 0 || minQueries < 1
                    || informationBudgetBytes < 16 || maxDomainsPerHost < 1 || maxNamesPerDomain < 1
                    || maxAnswersPerHost < 1) {
                throw new IllegalArgumentException("dns-tunnel settings out of range: " + this);
            }
        }
    }

    private final Settings settings;
    private final PublicSuffixList suffixes;
    private final Set<String> trusted;
    /** Whether some trusted entry lies below its registered domain, so that whole names must be matched. */
    private final boolean trustedBelowDomains;

    public DnsTunnelDetector(Settings settings, PublicSuffixList suffixes) {
        this.settings = settings;
        this.suffixes = suffixes;
        Set<String> entries = new HashSet<>();
        boolean below = false;
        for (String entry : settings.trustedDomains()) {
            String name = DomainName.normalize(entry.startsWith("*.") ? entry.substring(2)
                    : entry.startsWith(".") ? entry.substring(1) : entry);
            if (name != null) {
                entries.add(name);
                below |= !name.equals(suffixes.registeredDomain(name));
            }
        }
        this.trusted = Set.copyOf(entries);
        this.trustedBelowDomains = below;
    }

    public DnsTunnelDetector() {
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

    @Override
    public Host keyOf(Event event) {
        if (event instanceof DnsQuery query) {
            return DnsNames.sentByHost(query) ? query.host() : null;
        }
        if (event instanceof Connection connection && connection.host() != null
                && connection.host().ip() != null && connection.host().ip().equals(connection.originator())) {
            return connection.host();
        }
        return null;
    }

    @Override
    public TunnelHostState onEvent(Host host, TunnelHostState state, Event event, DetectorContext context) {
        if (event instanceof Connection connection) {
            if (connection.remotePort() == DNS_PORT) {
                return state;
            }
            if (state == null) {
                state = new TunnelHostState(connection.timeMicros());
            }
            state.lastActivity = Math.max(state.lastActivity, connection.timeMicros());
            noteConnection(state, connection);
            context.setTimer(deadline(state));
            return state;
        }
        DnsQuery query = (DnsQuery) event;
        // most names are host names, whole: only the rare others need their host-name part found
        String plain = DnsNames.destinationName(query);
        String name = plain != null ? plain : DnsNames.tunnelName(query);
        if (name == null || DnsNames.isInfrastructureName(name)) {
            return state;
        }
        String hostNamePart = plain != null ? plain : DnsNames.hostNamePart(name);
        String domain = suffixes.registeredDomain(hostNamePart);
        if (domain == null || DnsNames.isUnderAny(trustedBelowDomains ? hostNamePart : domain, trusted)) {
            return state;
        }
        long time = query.timeMicros();
        if (state == null) {
            state = new TunnelHostState(time);
        } else if (time >= state.windowStart + settings.windowMicros()) {
            closeWindow(host, state, context);
            state.windowStart = time;
        }
        state.lastActivity = Math.max(state.lastActivity, time);
        DomainTraffic traffic = trafficFor(host, state, domain, time, context);
        int subdomainEnd = name.length() > domain.length() ? name.length() - domain.length() - 1 : 0;
        int type = DnsNames.typeOf(query);
        traffic.add(query, name, type, subdomainEnd);
        for (IpAddress address : query.answerAddresses()) {
            state.rememberAnswer(address, domain, settings.maxAnswersPerHost());
        }
        if (!traffic.reported && traffic.reportDue == Long.MAX_VALUE && traffic.queries >= settings.minQueries()
                && (traffic.queries == settings.minQueries() || traffic.queries % RESCORE_EVERY == 0)) {
            double score = TunnelScoring.quickScore(traffic.measure(state.visibleConnections > 0), settings);
            if (score >= settings.reportScore()) {
                traffic.reportDue = time + settings.settleMicros();
                state.reportDue = Math.min(state.reportDue, traffic.reportDue);
            }
        }
        context.setTimer(deadline(state));
        return state;
    }

    @Override
    public TunnelHostState onTimer(Host host, TunnelHostState state, long timeMicros, DetectorContext context) {
        boolean windowOver = timeMicros >= state.windowStart + settings.windowMicros();
        boolean idle = timeMicros >= state.lastActivity + settings.idleMicros();
        if (timeMicros == Long.MAX_VALUE || idle) {
            closeWindow(host, state, context);
            return null;
        }
        if (windowOver) {
            closeWindow(host, state, context);
            state.windowStart = timeMicros;
        } else if (state.reportDue <= timeMicros) {
            for (DomainTraffic traffic : state.domainsInOrder()) {
                if (traffic.reportDue <= timeMicros) {
                    report(host, state, traffic, context);
                }
            }
            state.recomputeReportDue();
        }
        context.setTimer(deadline(state));
        return state;
    }

    /**
     * Counts a connection toward "answers used" when it went to an address a lookup returned. Internal addresses
     * do not count: a tunnel could answer with the proxy's or a domain controller's address, which the host
     * contacts all day anyway, and earn its domain the discount of an ordinarily used name.
     */
    private void noteConnection(TunnelHostState state, Connection connection) {
        state.visibleConnections++;
        if (connection.direction() != Direction.OUTBOUND) {
            return;
        }
        String domain = state.domainAnswering(connection.remote());
        if (domain != null) {
            DomainTraffic traffic = state.domains.get(domain);
            if (traffic != null) {
                traffic.connectionsToAnswers++;
            }
        }
    }

    private DomainTraffic trafficFor(Host host, TunnelHostState state, String domain, long time,
            DetectorContext context) {
        DomainTraffic traffic = state.domains.get(domain);
        if (traffic == null) {
            if (state.domains.size() >= settings.maxDomainsPerHost()) {
                for (DomainTraffic dropped : state.leastInteresting()) {
                    report(host, state, dropped, context);
                    state.domains.remove(dropped.domain);
                }
                state.recomputeReportDue();
            }
            traffic = new DomainTraffic(domain, time, settings.maxNamesPerDomain());
            // a domain dropped from a full table after its report comes back reported: one finding a window
            traffic.reported = state.reportedInWindow.contains(domain);
            state.domains.put(domain, traffic);
        }
        return traffic;
    }

    private long deadline(TunnelHostState state) {
        long windowEnd = state.windowStart + settings.windowMicros();
        long idleEnd = state.lastActivity + settings.idleMicros();
        return Math.min(Math.min(windowEnd, idleEnd), state.reportDue);
    }

    /** Scores every domain not yet reported, reports those that reach the bar, and starts an empty window. */
    private void closeWindow(Host host, TunnelHostState state, DetectorContext context) {
        for (DomainTraffic traffic : state.domainsInOrder()) {
            report(host, state, traffic, context);
        }
        state.domains.clear();
        state.reportedInWindow.clear();
        state.visibleConnections = 0;
        state.reportDue = Long.MAX_VALUE;
    }

    private void report(Host host, TunnelHostState state, DomainTraffic traffic, DetectorContext context) {
        traffic.reportDue = Long.MAX_VALUE;
        if (traffic.reported || traffic.queries < settings.minQueries()) {
            return;
        }
        TunnelMeasurements measurements = traffic.measure(state.visibleConnections > 0);
        // most domains close far below the bar: their signals' wording is not worth building
        if (TunnelScoring.quickScore(measurements, settings) < settings.reportScore() - QUICK_SCORE_MARGIN) {
            return;
        }
        List<Signal> signals = TunnelScoring.signals(measurements, settings);
        double score = TunnelScoring.score(signals);
        if (score < settings.reportScore()) {
            return;
        }
        traffic.reported = true;
        state.noteReported(traffic.domain, settings.maxDomainsPerHost());
        Destination destination = new Destination(null, traffic.domain, DNS_PORT);
        context.emit(new Finding(Finding.uidOf(ID, host, destination, traffic.firstSeen), ID,
                "Possible DNS tunnel to " + traffic.domain, TECHNIQUES, host, destination, traffic.firstSeen,
                traffic.lastSeen, score, confidence(measurements), TunnelScoring.reason(host.label(), measurements,
                signals), signals, traffic.evidence.records()));
    }

    /** More queries and a visible connection log make the judgement surer. */
    private static double confidence(TunnelMeasurements measurements) {
        double volume = Math.min(1, measurements.queries() / 100.0);
        return Math.min(1, 0.4 + 0.3 * volume + (measurements.connectionsVisible() ? 0.3 : 0));
    }
}
