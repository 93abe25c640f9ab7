package io.stagehunt.detect.network;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.event.Connection;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.EventTime;
import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.TlsSession;
import io.stagehunt.event.Transport;
import io.stagehunt.net.Cidr;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.PortSet;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code egress}: permitted outbound traffic that goes around the usual restrictions, per internal host and
 * destination (address, port, transport). It judges firewall verdicts ({@link FirewallDecision}) and, where no
 * firewall log exists, sensor flows ({@link Connection}):
 *
 * <ul>
 *   <li>a known protocol on a port that protocol does not use (Zeek's service or the firewall's App-ID against
 *       the port), and ports ordinary client traffic does not leave on ({@code T1571});</li>
 *   <li>connections straight to an address the host never resolved, judged only where this host's DNS is
 *       visible: most of its other flows went to resolved addresses;</li>
 *   <li>web traffic straight out while a forward proxy exists (configured, or used by this host), and
 *       connections to proxy or Tor ports on the internet ({@code T1090});</li>
 *   <li>a flow allowed to an address (or its /24 or /48 neighbour) minutes after the firewall denied one
 *       ({@code T1104}: a fallback channel).</li>
 * </ul>
 *
 * <p>One finding per destination and episode: an episode ends when the destination has been quiet for
 * {@link Settings#episodeIdleMicros()} or lasted {@link Settings#maxEpisodeMicros()}. Per host the state holds at
 * most {@link Settings#maxPairs()} destinations, {@link Settings#maxResolved()} resolved addresses and
 * {@link Settings#maxDenials()} recent denials; all of it expires. Stateless apart from its settings, so
 * thread-safe.
 */
public final class EgressDetector implements Detector<Host, EgressDetector.State> {

    public static final String ID = "egress";

    private static final int MAX_EVIDENCE = 8;
    private static final int MAX_PROXIES = 4;
    private static final int MAX_LITERALS = 64;

    /**
     * Policy, weights and bounds.
     *
     * @param commonPorts ports ordinary client traffic leaves the network on
     * @param servicePorts customary ports per protocol (Zeek service names; firewall App-IDs map onto them)
     * @param proxyPorts ports of forward proxies and Tor on the internet
     * @param proxies the site's forward proxies; web traffic from other hosts should go through them
     * @param episodeIdleMicros a destination quiet this long ends its episode and is reported
     * @param maxEpisodeMicros an episode is reported at the latest after this long
     * @param resolutionMicros how long a DNS answer (or a TLS/HTTP name) counts for the address it named
     * @param deniedThenAllowedMicros how soon after a denial an allowed flow counts as a retry around it
     * @param minDnsCoverage share of a host's flows that must go to resolved addresses before an unresolved one
     *     counts as direct-to-IP
     * @param minCoverageFlows flows needed to measure that share
     * @param minScore findings below this are not reported
     * @param maxPairs destinations tracked per host; the least recently active is reported early beyond it
     * @param maxResolved resolved addresses remembered per host
     * @param maxDenials recent denials remembered per host
     */
    public record Settings(
            Set<Integer> commonPorts, Map<String, Set<Integer>> servicePorts, Set<Integer> proxyPorts,
            List<Cidr> proxies, long episodeIdleMicros, long maxEpisodeMicros, long resolutionMicros,
            long deniedThenAllowedMicros, double minDnsCoverage, int minCoverageFlows, double minScore,
            int maxPairs, int maxResolved, int maxDenials,
            double portMismatchWeight, double uncommonPortWeight, double directAddressWeight,
            double proxyBypassWeight, double externalProxyWeight, double deniedThenAllowedWeight,
            double maxRepetitionWeight, double unansweredWeight) {

        public static final Settings DEFAULTS = new Settings(EgressPorts.COMMON, EgressPorts.BY_SERVICE,
                EgressPorts.PROXY, List.of(), 3_600_000_000L, 24 * 3_600_000_000L, 4 * 3_600_000_000L,
                600_000_000L, 0.6, 20, 0.25, 256, 1_024, 64,
                0.35, 0.15, 0.15, 0.30, 0.25, 0.30, 0.15, 0.10);

        public Settings {
            commonPorts = Set.copyOf(EgressPorts.checked("commonPorts", commonPorts));
            servicePorts = Map.copyOf(servicePorts);
            servicePorts.forEach((service, ports) -> EgressPorts.checked("servicePorts." + service, ports));
            proxyPorts = Set.copyOf(EgressPorts.checked("proxyPorts", proxyPorts));
            proxies = List.copyOf(proxies);
            if (episodeIdleMicros <= 0 || maxEpisodeMicros <= 0 || resolutionMicros <= 0 || maxPairs < 1
                    || maxResolved < 1 || maxDenials < 1) {
                throw new IllegalArgumentException("egress windows and bounds must be positive");
            }
        }

        /** These settings with the site's forward proxies. */
        public Settings withProxies(List<Cidr> siteProxies) {
            return new Settings(commonPorts, servicePorts, proxyPorts, siteProxies, episodeIdleMicros,
                    maxEpisodeMicros, resolutionMicros, deniedThenAllowedMicros, minDnsCoverage, minCoverageFlows,
                    minScore, maxPairs, maxResolved, maxDenials, portMismatchWeight, uncommonPortWeight,
                    directAddressWeight, proxyBypassWeight, externalProxyWeight, deniedThenAllowedWeight,
                    maxRepetitionWeight, unansweredWeight);
        }
    }

    private final Settings settings;
    private final PortSet common;
    private final PortSet proxyPorts;
    private final PortSet webPorts = PortSet.of(EgressPorts.WEB);
    private final Map<String, PortSet> servicePorts = new HashMap<>();

    public EgressDetector(Settings settings) {
        this.settings = settings;
        this.common = PortSet.of(settings.commonPorts());
        this.proxyPorts = PortSet.of(settings.proxyPorts());
        settings.servicePorts().forEach((service, ports) -> servicePorts.put(service, PortSet.of(ports)));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Class<? extends Event> type) {
        return type == Connection.class || type == FirewallDecision.class || type == DnsQuery.class
                || type == TlsSession.class || type == HttpRequest.class;
    }

    @Override
    public Host keyOf(Event event) {
        if (event instanceof Connection connection) {
            return connection.direction() == Direction.OUTBOUND
                    || connection.direction() == Direction.INTERNAL && isProxy(connection.responder())
                    ? event.host() : null;
        }
        if (event instanceof FirewallDecision decision) {
            return decision.direction() == Direction.OUTBOUND ? event.host() : null;
        }
        if (event instanceof DnsQuery query) {
            return query.answers().isEmpty() ? null : event.host();
        }
        return event.host();
    }

    @Override
    public State onEvent(Host host, State state, Event event, DetectorContext context) {
        State current = state != null ? state : new State();
        long time = event.timeMicros();
        current.lastActivity = Math.max(current.lastActivity, time);
        if (event instanceof DnsQuery query) {
            remember(current, query, time);
        } else if (event instanceof TlsSession session) {
            if (host.ip() != null && host.ip().equals(session.client())) {
                learnName(current, session.server(), session.serverName(), time, session.established());
            }
        } else if (event instanceof HttpRequest request) {
            onHttp(current, host, request, time);
        } else if (event instanceof Connection connection) {
            onConnection(current, host, connection, context);
        } else if (event instanceof FirewallDecision decision) {
            onFirewall(current, host, decision, context);
        }
        long deadline = time + settings.episodeIdleMicros();
        if (context.timer() == Long.MIN_VALUE || context.timer() > deadline) {
            context.setTimer(deadline);
        }
        return current;
    }

    private void remember(State state, DnsQuery query, long time) {
        String name = DomainName.normalize(query.query());
        for (IpAddress address : query.answerAddresses()) {
            state.resolve(address, name, time, true, settings.maxResolved());
        }
    }

    /** A TLS server name or HTTP Host header: a name for the address, or proof the client used the bare address. */
    private void learnName(State state, IpAddress server, String name, long time, boolean seen) {
        if (server == null) {
            return;
        }
        String normalized = DomainName.normalize(DomainName.withoutPort(name));
        if (normalized != null) {
            state.resolve(server, normalized, time, false, settings.maxResolved());
        } else if (seen) {
            state.literal(server);
        }
    }

    private void onHttp(State state, Host host, HttpRequest request, long time) {
        if (host.ip() == null || !host.ip().equals(request.client())) {
            return;
        }
        if ("CONNECT".equalsIgnoreCase(request.method())) {
            state.usedProxy(request.server(), request.serverPort());
            return;
        }
        if (request.method() != null) {
            learnName(state, request.server(), request.hostHeader(), time, true);
        }
    }

    private void onConnection(State state, Host host, Connection connection, DetectorContext context) {
        if (connection.direction() == Direction.INTERNAL) {
            state.usedProxy(connection.responder(), connection.responderPort());
            return;
        }
        Transport transport = connection.transport();
        if (!transport.hasPorts()) {
            return;
        }
        IpAddress remote = connection.remote();
        int port = connection.remotePort();
        long time = connection.timeMicros();
        if (unroutable(remote)) {
            return;
        }
        boolean established = !connection.outcome().failed();
        Resolution known = state.resolved.get(remote);
        boolean resolved = known != null && known.freshAt(time, settings.resolutionMicros());
        if (established && transport == Transport.TCP && !EgressPorts.ADDRESSED_BY_DESIGN.contains(port)) {
            state.sensorCoverage.count(known != null && known.freshFromDnsAt(time, settings.resolutionMicros()));
        }
        String mismatched = EgressPorts.mismatched(connection.service(), null, port, servicePorts);
        Candidate candidate = candidate(state, host, remote, port, transport, mismatched, resolved, null);
        PairKey key = new PairKey(remote, port, transport);
        Pair pair = state.pairs.get(key);
        if (pair == null) {
            if (candidate == null) {
                return;
            }
            pair = newPair(state, key, host, context);
        }
        pair.addSensorFlow(connection.timeMicros(), connection.provenance(), connection.outcome().failed());
        pair.apply(candidate);
        if (resolved) {
            pair.named = known;
        }
    }

    private void onFirewall(State state, Host host, FirewallDecision decision, DetectorContext context) {
        Transport transport = decision.transport();
        IpAddress remote = decision.remote();
        // an ICMP code in the port field names no service: such flows are judged by address alone
        int port = transport.hasPorts() ? decision.remotePort() : -1;
        long time = decision.timeMicros();
        if (unroutable(remote)) {
            return;
        }
        if (!decision.verdict().allowed()) {
            state.deny(new Denial(remote, port, time, decision.rule(), decision.provenance()), settings.maxDenials());
            return;
        }
        Resolution known = state.resolved.get(remote);
        boolean resolved = known != null && known.freshAt(time, settings.resolutionMicros());
        if (transport == Transport.TCP && !EgressPorts.ADDRESSED_BY_DESIGN.contains(port)) {
            state.firewallCoverage.count(known != null && known.freshFromDnsAt(time, settings.resolutionMicros()));
        }
        String mismatched = transport.hasPorts()
                ? EgressPorts.mismatched(null, decision.application(), port, servicePorts) : null;
        Denial denial = state.recentDenial(remote, time, settings.deniedThenAllowedMicros());
        Candidate candidate = candidate(state, host, remote, port, transport, mismatched, resolved, denial);
        PairKey key = new PairKey(remote, port, transport);
        if (candidate == null && !state.pairs.containsKey(key)) {
            return;
        }
        Pair pair = pairOf(state, key, host, context);
        pair.addFirewallFlow(time, decision.provenance());
        pair.apply(candidate);
        if (resolved) {
            pair.named = known;
        }
    }

    /**
     * What about this flow could make its destination worth reporting, or null when nothing could. Unresolved
     * destinations are only worth tracking while this host's DNS could still turn out to be visible.
     */
    private Candidate candidate(State state, Host host, IpAddress remote, int port, Transport transport,
            String mismatched, boolean resolved, Denial denial) {
        boolean uncommon = transport.hasPorts() && !common.contains(port)
                && !(transport == Transport.UDP && port == 443);
        // proxies and Tor relays listen on TCP: a UDP datagram to such a port is only an uncommon port
        boolean externalProxy = transport == Transport.TCP && proxyPorts.contains(port);
        boolean bypass = transport.hasPorts() && webPorts.contains(port)
                && (!settings.proxies().isEmpty() || !state.proxiesUsed.isEmpty())
                && !isProxy(remote) && !isProxy(host.ip());
        boolean unresolved = !resolved && transport == Transport.TCP
                && !EgressPorts.ADDRESSED_BY_DESIGN.contains(port)
                && (state.coverageFlows() < settings.minCoverageFlows()
                        || state.coverage() >= settings.minDnsCoverage());
        if (mismatched == null && !uncommon && !externalProxy && !bypass && denial == null && !unresolved) {
            return null;
        }
        return new Candidate(mismatched, uncommon, externalProxy, bypass, denial);
    }

    /** The host's episode with this destination; beyond the bound, the least recently active is reported early. */
    private Pair pairOf(State state, PairKey key, Host host, DetectorContext context) {
        Pair pair = state.pairs.get(key);
        return pair != null ? pair : newPair(state, key, host, context);
    }

    private Pair newPair(State state, PairKey key, Host host, DetectorContext context) {
        if (state.pairs.size() >= settings.maxPairs()) {
            Iterator<Pair> eldest = state.pairs.values().iterator();
            report(host, state, eldest.next(), context);
            eldest.remove();
        }
        Pair pair = new Pair(key);
        state.pairs.put(key, pair);
        return pair;
    }

    /** Multicast and broadcast addresses: group traffic on the local link, never egress. */
    private static boolean unroutable(IpAddress address) {
        if (address.isV4()) {
            int first = (address.v4() >>> 24) & 0xFF;
            return first >= 224 || address.v4() == 0;
        }
        return (address.high() >>> 56) == 0xFF;
    }

    private boolean isProxy(IpAddress address) {
        if (address == null) {
            return false;
        }
        // indexed, as in NetworkScope: this runs for every internal connection
        List<Cidr> proxies = settings.proxies();
        for (int i = 0; i < proxies.size(); i++) {
            if (proxies.get(i).contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public State onTimer(Host host, State state, long timeMicros, DetectorContext context) {
        boolean ended = context.watermarkMicros() == Long.MAX_VALUE;
        long next = Long.MAX_VALUE;
        Iterator<Map.Entry<PairKey, Pair>> pairs = state.pairs.entrySet().iterator();
        while (pairs.hasNext()) {
            Pair pair = pairs.next().getValue();
            if (ended || pair.last + settings.episodeIdleMicros() <= timeMicros
                    || pair.first + settings.maxEpisodeMicros() <= timeMicros) {
                report(host, state, pair, context);
                pairs.remove();
            } else {
                next = Math.min(next, Math.min(pair.last + settings.episodeIdleMicros(),
                        pair.first + settings.maxEpisodeMicros()));
            }
        }
        long expiry = state.lastActivity + settings.resolutionMicros();
        if (ended || state.pairs.isEmpty() && expiry <= timeMicros) {
            return null;
        }
        context.setTimer(Math.min(next, Math.max(expiry, timeMicros + 1)));
        return state;
    }

    /** Scores one destination's episode and reports it when it reaches the minimum score. */
    private void report(Host host, State state, Pair pair, DetectorContext context) {
        List<Signal> signals = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        List<String> techniques = new ArrayList<>();
        String port = pair.key.transport().label() + "/" + pair.key.port();
        if (pair.mismatched != null) {
            Set<Integer> customary = settings.servicePorts().get(pair.mismatched);
            signals.add(new Signal("protocol-port-mismatch", pair.mismatched + " on " + port,
                    pair.mismatched + " customarily on " + EgressPorts.listed(customary),
                    settings.portMismatchWeight()));
            clauses.add("speaking " + pair.mismatched + " on a port " + pair.mismatched + " does not use");
            techniques.add("T1571");
        }
        if (pair.uncommon) {
            signals.add(new Signal("uncommon-port", port,
                    "ordinary client egress: " + EgressPorts.listed(settings.commonPorts()),
                    settings.uncommonPortWeight()));
            if (pair.mismatched == null) {
                clauses.add("a port ordinary client traffic does not use");
            }
            if (!techniques.contains("T1571")) {
                techniques.add("T1571");
            }
        }
        // a name fresh at any of the episode's flows names it: hours of flows outlast the name's freshness
        Resolution named = pair.named != null ? pair.named
                : state.resolvedAt(pair.key.address(), pair.last, settings.resolutionMicros());
        boolean literal = state.literals.containsKey(pair.key.address());
        String direct = named == null && pair.key.transport() == Transport.TCP
                ? directAddress(state, pair.key, literal) : null;
        if (direct != null) {
            signals.add(new Signal("direct-to-ip", "no name resolved or sent for " + pair.key.address(), direct,
                    settings.directAddressWeight()));
            clauses.add("without resolving a name for it first");
        }
        if (pair.externalProxy) {
            signals.add(new Signal("external-proxy", port + " on an internet address",
                    "proxy and Tor ports: " + EgressPorts.listed(settings.proxyPorts()),
                    settings.externalProxyWeight()));
            clauses.add("a proxy or Tor port on the internet");
            techniques.add("T1090");
        }
        String bypassed = pair.bypass ? bypassBaseline(state) : null;
        if (bypassed != null) {
            signals.add(new Signal("proxy-bypass", "web traffic on " + port + " straight to " + pair.key.address(),
                    bypassed, settings.proxyBypassWeight()));
            clauses.add("straight past the web proxy");
        }
        if (pair.denial != null) {
            Denial denial = pair.denial;
            String target = denial.address().equals(pair.key.address()) ? "it" : "its neighbour " + denial.address();
            signals.add(new Signal("denied-then-allowed",
                    "denied " + new Destination(denial.address(), null, denial.port()).label() + " at "
                            + EventTime.iso(denial.timeMicros())
                            + (denial.rule() == null ? "" : " (rule " + denial.rule() + ")") + ", then allowed",
                    "a retry around a denial within " + minutes(settings.deniedThenAllowedMicros()),
                    settings.deniedThenAllowedWeight()));
            clauses.add("minutes after the firewall denied " + target);
        }
        if (signals.isEmpty()) {
            return;
        }
        long flows = pair.flows();
        if (flows >= 4) {
            double repetition = Math.min(settings.maxRepetitionWeight(), 0.05 * log2(flows / 2.0));
            signals.add(new Signal("repetition", flows + " flows over " + duration(pair.last - pair.first),
                    "one-off flows add nothing", repetition));
        }
        if (pair.sensorFlows >= 10 && pair.failed >= 0.9 * pair.sensorFlows) {
            signals.add(new Signal("unanswered-retries", pair.failed + " of " + pair.sensorFlows + " unanswered",
                    "a live service answers", settings.unansweredWeight()));
            clauses.add(pair.failed + " of them unanswered");
        }
        double score = Finding.scoreOf(signals);
        if (score < settings.minScore()) {
            return;
        }
        techniques.add("T1104");
        String domain = named != null ? named.name() : null;
        Destination destination = new Destination(pair.key.address(), domain, pair.key.port());
        double confidence = direct != null && !literal ? 0.6 + 0.3 * state.coverage() : 0.9;
        String reason = "Host " + host.label() + " made " + plural(flows, "allowed outbound "
                + pair.key.transport().label() + " connection") + " to " + destination.label() + ", "
                + String.join(", ", clauses) + ".";
        context.emit(new Finding(Finding.uidOf(ID, host, destination, pair.first), ID, title(signals), techniques,
                host, destination, pair.first, pair.last, score, Math.min(1, confidence), reason, signals,
                pair.evidence));
    }

    /** Why an unnamed destination counts as direct-to-IP, as a baseline text, or null when it does not. */
    private String directAddress(State state, PairKey key, boolean literal) {
        if (EgressPorts.ADDRESSED_BY_DESIGN.contains(key.port())) {
            return null;
        }
        if (literal) {
            return "the client addressed it by number (HTTP Host header or TLS without a server name)";
        }
        if (state.coverageFlows() >= settings.minCoverageFlows() && state.coverage() >= settings.minDnsCoverage()) {
            // concatenated, not formatted: this runs for every episode reported, most of which score too low
            return Math.round(100 * state.coverage()) + " % of this host's " + state.coverageFlows()
                    + " flows went to addresses it resolved";
        }
        return null;
    }

    private String bypassBaseline(State state) {
        if (!state.proxiesUsed.isEmpty()) {
            ProxyUse proxy = state.proxiesUsed.values().iterator().next();
            return "this host used the proxy " + proxy.address().withPort(proxy.port()) + " "
                    + plural(proxy.uses(), "time");
        }
        if (!settings.proxies().isEmpty()) {
            return "web traffic goes through the site's proxies " + settings.proxies();
        }
        return null;
    }

    private static String title(List<Signal> signals) {
        return switch (signals.get(0).name()) {
            case "protocol-port-mismatch" -> "Known protocol on a non-standard port";
            case "uncommon-port" -> "Outbound traffic on an uncommon port";
            case "direct-to-ip" -> "Direct-to-IP connection without DNS";
            case "external-proxy" -> "Connection to an external proxy or Tor port";
            case "proxy-bypass" -> "Web traffic bypassing the proxy";
            default -> "Allowed right after being denied";
        };
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    private static String minutes(long micros) {
        return (micros / 60_000_000L) + " min";
    }

    private static String duration(long micros) {
        if (micros < 60_000_000L) {
            return (micros / 1_000_000L) + " s";
        }
        if (micros < 3_600_000_000L) {
            return (micros / 60_000_000L) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", micros / 3_600_000_000.0);
    }

    /** A destination of one host. */
    record PairKey(IpAddress address, int port, Transport transport) implements Serializable {
    }

    /**
     * A name for an address and when the host last learned it from a DNS answer and from a TLS server name or
     * HTTP Host header ({@link Long#MIN_VALUE} for never).
     */
    record Resolution(long dnsMicros, long sentMicros, String name) implements Serializable {
        long latest() {
            return Math.max(dnsMicros, sentMicros);
        }

        boolean freshAt(long time, long retention) {
            return time - latest() <= retention;
        }

        /** Whether the host resolved the address through DNS recently: what DNS visibility is measured by. */
        boolean freshFromDnsAt(long time, long retention) {
            return dnsMicros != Long.MIN_VALUE && time - dnsMicros <= retention;
        }
    }

    /** A firewall denial of an outbound flow. */
    record Denial(IpAddress address, int port, long timeMicros, String rule, Provenance provenance)
            implements Serializable {
    }

    /** A forward proxy this host used, and how often. */
    record ProxyUse(IpAddress address, int port, long uses) implements Serializable {
    }

    /** What one flow suggests about its destination. */
    private record Candidate(String mismatched, boolean uncommon, boolean externalProxy, boolean bypass,
            Denial denial) {
    }

    /** Flows one view of the traffic counted toward a host's DNS coverage, and how many went to resolved addresses. */
    static final class Coverage implements Serializable {
        private static final long serialVersionUID = 1L;
        long flows;
        long resolved;

        void count(boolean toResolved) {
            flows++;
            resolved += toResolved ? 1 : 0;
        }
    }

    /** One destination's episode. Mutable; owned by its host's {@link State}. */
    static final class Pair implements Serializable {
        private static final long serialVersionUID = 2L;
        final PairKey key;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long failed;
        long sensorFlows;
        long firewallFlows;
        String mismatched;
        boolean uncommon;
        boolean externalProxy;
        boolean bypass;
        Denial denial;
        /** The latest name that was fresh for the address when one of the episode's flows went to it. */
        Resolution named;
        final List<Provenance> evidence = new ArrayList<>();

        Pair(PairKey key) {
            this.key = key;
        }

        void addSensorFlow(long time, Provenance provenance, boolean unanswered) {
            sensorFlows++;
            if (unanswered) {
                failed++;
            }
            add(time, provenance);
        }

        void addFirewallFlow(long time, Provenance provenance) {
            firewallFlows++;
            add(time, provenance);
        }

        /** Flows to the destination: a sensor and a firewall may both log each one, so the larger count. */
        long flows() {
            return Math.max(sensorFlows, firewallFlows);
        }

        private void add(long time, Provenance provenance) {
            first = Math.min(first, time);
            last = Math.max(last, time);
            if (evidence.size() < MAX_EVIDENCE) {
                evidence.add(provenance);
            }
        }

        void apply(Candidate candidate) {
            if (candidate == null) {
                return;
            }
            mismatched = mismatched == null ? candidate.mismatched() : mismatched;
            uncommon |= candidate.uncommon();
            externalProxy |= candidate.externalProxy();
            bypass |= candidate.bypass();
            if (denial == null && candidate.denial() != null) {
                denial = candidate.denial();
                if (evidence.size() < MAX_EVIDENCE) {
                    evidence.add(denial.provenance());
                }
            }
        }
    }

    /**
     * One host's egress state: its open destination episodes, the addresses it resolved, recent denials, the
     * proxies it used and how much of its traffic went to resolved addresses. Bounded by the settings; mutable,
     * owned by the runner.
     */
    public static final class State implements Serializable {
        private static final long serialVersionUID = 2L;
        final LinkedHashMap<PairKey, Pair> pairs = new LinkedHashMap<>(16, 0.75f, true);
        final LinkedHashMap<IpAddress, Resolution> resolved = new LinkedHashMap<>();
        final LinkedHashMap<IpAddress, Boolean> literals = new LinkedHashMap<>();
        final ArrayDeque<Denial> denials = new ArrayDeque<>();
        final LinkedHashMap<IpAddress, ProxyUse> proxiesUsed = new LinkedHashMap<>();
        /** How many of the host's flows went to resolved addresses, as the sensor and as the firewall logged them. */
        final Coverage sensorCoverage = new Coverage();
        final Coverage firewallCoverage = new Coverage();
        long lastActivity = Long.MIN_VALUE;

        /** The view that logged more flows: both may log the same ones, so they are compared, never added. */
        private Coverage fuller() {
            return sensorCoverage.flows >= firewallCoverage.flows ? sensorCoverage : firewallCoverage;
        }

        long coverageFlows() {
            return fuller().flows;
        }

        double coverage() {
            Coverage counted = fuller();
            return counted.flows == 0 ? 0 : (double) counted.resolved / counted.flows;
        }

        void resolve(IpAddress address, String name, long time, boolean fromDns, int bound) {
            Resolution held = resolved.remove(address);
            long dns = fromDns ? time : held != null ? held.dnsMicros() : Long.MIN_VALUE;
            long sent = fromDns ? held != null ? held.sentMicros() : Long.MIN_VALUE : time;
            String kept = name != null ? name : held != null ? held.name() : null;
            resolved.put(address, new Resolution(dns, sent, kept));
            if (resolved.size() > bound) {
                Iterator<IpAddress> eldest = resolved.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }

        /** The name known for the address at this time, or null when none is fresh. */
        Resolution resolvedAt(IpAddress address, long time, long retention) {
            Resolution resolution = resolved.get(address);
            return resolution != null && resolution.freshAt(time, retention) ? resolution : null;
        }

        void literal(IpAddress address) {
            literals.put(address, Boolean.TRUE);
            if (literals.size() > MAX_LITERALS) {
                Iterator<IpAddress> eldest = literals.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }

        void deny(Denial denial, int bound) {
            denials.addLast(denial);
            while (denials.size() > bound) {
                denials.removeFirst();
            }
        }

        /** The latest denial of this address or a neighbour (same /24, or /48 for IPv6) within the window. */
        Denial recentDenial(IpAddress address, long time, long window) {
            Iterator<Denial> latestFirst = denials.descendingIterator();
            while (latestFirst.hasNext()) {
                Denial denial = latestFirst.next();
                if (time - denial.timeMicros() > window) {
                    return null;
                }
                if (neighbours(denial.address(), address)) {
                    return denial;
                }
            }
            return null;
        }

        void usedProxy(IpAddress proxy, int port) {
            if (proxy == null) {
                return;
            }
            ProxyUse held = proxiesUsed.get(proxy);
            if (held != null) {
                proxiesUsed.put(proxy, new ProxyUse(proxy, port, held.uses() + 1));
            } else if (proxiesUsed.size() < MAX_PROXIES) {
                proxiesUsed.put(proxy, new ProxyUse(proxy, port, 1));
            }
        }

        private static boolean neighbours(IpAddress left, IpAddress right) {
            int length = left.isV4() ? 24 + 96 : 48;
            return new Cidr(left, length).contains(right);
        }
    }
}
