package io.stagehunt.detect.network.fanout;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.detect.network.dns.DnsNames;
import io.stagehunt.detect.network.measure.Fingerprints;
import io.stagehunt.detect.network.measure.NameShape;
import io.stagehunt.event.Connection;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import io.stagehunt.event.Transport;
import io.stagehunt.net.Cidr;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.PortSet;
import io.stagehunt.net.PublicSuffixList;
import io.stagehunt.net.SpecialAddresses;
import java.util.List;
import java.util.Set;

/**
 * {@code fanout}: one host contacting many destinations new to it in rapid succession. A destination is a
 * registered domain the host looks up, or an address it connects to out of the network without having looked
 * it up ("new" = not contacted by this host lately: a fixed-size filter of two generations, each lasting half
 * of {@code memoryMicros}, remembers a contact for between half of {@code memoryMicros} and all of it).
 * When at least {@code minNewDestinations} arrive within one {@code windowMicros}, an episode opens; it ends
 * when they stop for a window (or after {@code maxEpisodeMicros}) and is then scored once, see
 * {@link FanoutScoring}.
 *
 * <p>Left out: internal destinations (scanning-like internal traffic is another detector's business),
 * multicast and broadcast, infrastructure ports (DNS, NTP, NetBIOS, discovery protocols), reverse and
 * link-local names, and popular destinations. Popularity comes in through the settings
 * ({@code popularDomains}, {@code popularNetworks}) rather than from counting internal hosts per destination
 * here: the runner hands a detector one key's state at a time, so a per-host detector cannot see how many
 * other hosts use a destination without one network-wide key that would serialize every host's state
 * through it. Lists such as the Tranco or Umbrella top sites of the MISP warning lists, or the counts of an
 * earlier run, fill these settings. Stateless apart from its settings; thread-safe.
 */
public final class FanoutDetector implements Detector<Host, FanoutHostState> {

    public static final String ID = "fanout";
    private static final int TAG_DOMAIN = 1;
    private static final int TAG_ADDRESS = 2;
    private static final int RING = 256;
    private static final int KNOWN_BITS = 1 << 15;
    private static final int RESOLVED_BITS = 1 << 12;
    /**
     * How long an address from the host's own lookup explains a connection to it, at most: the filter of
     * resolved addresses rotates every half of this, so an answer counts for 15 to 30 minutes.
     */
    private static final long RESOLVED_MEMORY_MICROS = 30 * 60_000_000L;

    /**
     * Settings of {@code fanout}.
     *
     * @param windowMicros the span within which new destinations count as "rapid succession"
     * @param minNewDestinations new destinations within one window that open an episode
     * @param maxEpisodeMicros longest episode before it is scored anyway
     * @param memoryMicros how long a contacted destination stays known to the host at most (at least half of
     *     it), and how long a quiet host's state is kept
     * @param historyWindows active windows in the host's baseline of new destinations per window
     * @param warmupWindows active windows before the baseline counts; until then the count weighs half
     * @param reportScore the least score that is reported
     * @param popularDomains registered domains too widely used to be a staging destination
     * @param popularNetworks address ranges (CIDR) too widely used to be a staging destination
     * @param ignoredPorts remote ports of infrastructure protocols that are not contacts
     */
    public record Settings(
            long windowMicros, int minNewDestinations, long maxEpisodeMicros, long memoryMicros, int historyWindows,
            int warmupWindows, double reportScore, List<String> popularDomains, List<String> popularNetworks,
            List<Integer> ignoredPorts) {

        public static final Settings DEFAULTS = new Settings(
                60_000_000L, 20, 10 * 60_000_000L, 86_400_000_000L, 120, 10, 0.3,
                List.of(
                        // operating-system update and telemetry services
                        "microsoft.com", "windowsupdate.com", "windows.com", "windows.net", "live.com",
                        "office.com", "office.net", "office365.com", "msftncsi.com", "msn.com", "bing.com",
                        "apple.com", "icloud.com", "mzstatic.com", "ubuntu.com", "debian.org",
                        // content delivery networks and cloud front ends
                        "akamai.net", "akamaiedge.net", "akamaihd.net", "akadns.net", "edgekey.net", "edgesuite.net",
                        "cloudfront.net", "amazonaws.com", "fastly.net", "cloudflare.com", "cloudflare.net",
                        "azureedge.net", "trafficmanager.net",
                        // the most visited sites and their content hosts
                        "google.com", "googleapis.com", "gstatic.com", "googleusercontent.com", "googlevideo.com",
                        "youtube.com", "ytimg.com", "doubleclick.net", "googlesyndication.com",
                        "google-analytics.com", "googletagmanager.com", "facebook.com", "fbcdn.net",
                        "mozilla.com", "mozilla.net", "mozilla.org",
                        // certificate status (OCSP, CRL)
                        "digicert.com", "lencr.org", "letsencrypt.org", "pki.goog", "amazontrust.com",
                        "sectigo.com", "globalsign.com"),
                List.of(),
                List.of(53, 67, 68, 123, 137, 138, 1900, 5353, 5355));

        public Settings {
            popularDomains = List.copyOf(popularDomains);
            popularNetworks = List.copyOf(popularNetworks);
            ignoredPorts = List.copyOf(ignoredPorts);
            if (windowMicros <= 0 || minNewDestinations < 2 || maxEpisodeMicros < windowMicros || memoryMicros <= 0
                    || historyWindows < 1 || warmupWindows < 0 || warmupWindows > historyWindows) {
                throw new IllegalArgumentException("fanout settings out of range: " + this);
            }
        }
    }

    private final Settings settings;
    private final PublicSuffixList suffixes;
    private final Set<String> popularDomains;
    private final List<Cidr> popularNetworks;
    private final PortSet ignoredPorts;

    public FanoutDetector(Settings settings, PublicSuffixList suffixes) {
        this.settings = settings;
        this.suffixes = suffixes;
        this.popularDomains = Set.copyOf(settings.popularDomains());
        this.popularNetworks = settings.popularNetworks().stream().map(Cidr::parse).toList();
        this.ignoredPorts = PortSet.of(settings.ignoredPorts());
    }

    public FanoutDetector() {
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
        if (event instanceof Connection connection && connection.direction() == Direction.OUTBOUND
                && connection.host() != null && connection.host().ip() != null
                && connection.host().ip().equals(connection.originator())) {
            return connection.host();
        }
        return null;
    }

    @Override
    public FanoutHostState onEvent(Host host, FanoutHostState state, Event event, DetectorContext context) {
        long time = event.timeMicros();
        if (state == null) {
            state = new FanoutHostState(KNOWN_BITS, RESOLVED_BITS, RING, settings.historyWindows());
            state.knownRotateAt = time + settings.memoryMicros() / 2;
            state.resolvedRotateAt = time + RESOLVED_MEMORY_MICROS / 2;
        }
        rotate(state, time);
        state.lastActivity = Math.max(state.lastActivity, time);
        if (event instanceof DnsQuery query) {
            onLookup(host, state, query, context);
        } else {
            onConnection(host, state, (Connection) event, context);
        }
        context.setTimer(deadline(state));
        return state;
    }

    @Override
    public FanoutHostState onTimer(Host host, FanoutHostState state, long timeMicros, DetectorContext context) {
        if (state.episode != null && (timeMicros == Long.MAX_VALUE || episodeOver(state.episode, timeMicros))) {
            closeEpisode(host, state, context);
        }
        if (timeMicros == Long.MAX_VALUE || timeMicros >= state.lastActivity + settings.memoryMicros()) {
            return null;
        }
        context.setTimer(deadline(state));
        return state;
    }

    private void onLookup(Host host, FanoutHostState state, DnsQuery query, DetectorContext context) {
        state.lastLookup = Math.max(state.lastLookup, query.timeMicros());
        for (IpAddress address : query.answerAddresses()) {
            state.resolved.add(Fingerprints.of(address));
        }
        String name = DnsNames.destinationName(query);
        if (name == null || DnsNames.isInfrastructureName(name)) {
            return;
        }
        String domain = suffixes.registeredDomain(name);
        if (domain == null || DnsNames.isUnderAny(domain, popularDomains)) {
            return;
        }
        if (!state.known.add(Fingerprints.tagged(Fingerprints.of(domain), TAG_DOMAIN))) {
            return;
        }
        int labelEnd = domain.indexOf('.');
        long shape = Fingerprints.tagged(Fingerprints.of(domain, labelEnd < 0 ? 0 : labelEnd + 1, domain.length()),
                labelEnd < 0 ? domain.length() : labelEnd);
        int flag = FanoutHostState.DOMAIN | (query.nxdomain() ? FanoutHostState.FAILED : 0)
                | (NameShape.looksGenerated(domain, 0, labelEnd < 0 ? domain.length() : labelEnd)
                        ? FanoutHostState.GENERATED : 0);
        newDestination(host, state, query.timeMicros(), flag, shape, 0, domain, query, context);
    }

    private void onConnection(Host host, FanoutHostState state, Connection connection, DetectorContext context) {
        IpAddress remote = connection.remote();
        if (remote == null || SpecialAddresses.isNonUnicast(remote)
                || ignoredPorts.contains(connection.remotePort()) || connection.transport() == Transport.ICMP
                || isPopular(remote)) {
            return;
        }
        long fingerprint = Fingerprints.of(remote);
        boolean fresh = state.known.add(Fingerprints.tagged(fingerprint, TAG_ADDRESS));
        if (!fresh || state.resolved.mightContain(fingerprint)) {
            return;
        }
        int flag = connection.outcome().failed() ? FanoutHostState.FAILED : 0;
        newDestination(host, state, connection.timeMicros(), flag, networkOf(remote), connection.remotePort(),
                remote, connection, context);
    }

    private void newDestination(Host host, FanoutHostState state, long time, int flag, long group, int port,
            Object destination, Event event, DetectorContext context) {
        long index = Math.floorDiv(time, settings.windowMicros());
        if (index != state.window) {
            if (state.windowCount > 0) {
                state.history.push(state.windowCount);
            }
            state.window = index;
            state.windowCount = 0;
        }
        if (state.episode != null && episodeOver(state.episode, time)) {
            closeEpisode(host, state, context);
        }
        state.remember(time, flag, group, port, destination, event.provenance());
        // an episode cut at its maximum length while contacts kept coming is followed by one that starts after it
        long since = Math.max(time - settings.windowMicros(), state.reportedThrough);
        int recent = state.countSince(since, settings.windowMicros());
        if (state.episode != null) {
            state.addNewestToEpisode();
        } else if (recent >= settings.minNewDestinations()) {
            state.openEpisode(since);
        }
        if (state.episode != null) {
            state.episode.peak = Math.max(state.episode.peak, recent);
        }
        state.windowCount++;
    }

    private boolean episodeOver(FanoutHostState.Episode episode, long time) {
        return time >= episode.last + settings.windowMicros() || time >= episode.first + settings.maxEpisodeMicros();
    }

    private void closeEpisode(Host host, FanoutHostState state, DetectorContext context) {
        FanoutHostState.Episode episode = state.episode;
        state.episode = null;
        state.reportedThrough = Math.max(state.reportedThrough, episode.last);
        boolean dnsVisible = state.lastLookup != Long.MIN_VALUE
                && state.lastLookup >= episode.last - settings.memoryMicros();
        FanoutMeasurements measurements = new FanoutMeasurements(episode.first, episode.last, settings.windowMicros(),
                episode.peak, episode.domains, episode.addresses, episode.failedDomains, episode.failedAddresses,
                episode.generated, episode.largestShapeGroup(), dnsVisible, episode.networks.size(),
                episode.ports.size(), episode.baselineWindows, episode.baselineMedian, episode.baselineMad,
                episode.examples);
        List<Signal> signals = FanoutScoring.signals(measurements, settings);
        double score = FanoutScoring.score(signals);
        if (score < settings.reportScore()) {
            return;
        }
        boolean byName = episode.domains >= episode.addresses;
        List<String> techniques = byName ? List.of("T1104", "T1568") : List.of("T1104");
        double confidence = Math.min(1, 0.4 + 0.4 * Math.min(1, episode.baselineWindows
                / (double) Math.max(1, settings.warmupWindows())) + 0.2 * Math.min(1, episode.peak / 60.0));
        context.emit(new Finding(Finding.uidOf(ID, host, Destination.NONE, episode.first), ID,
                "Rapid contact with many new destinations from " + host.label(), techniques, host, Destination.NONE,
                episode.first, episode.last, score, confidence, FanoutScoring.reason(host.label(), measurements,
                        signals), signals, episode.evidence.records()));
    }

    private void rotate(FanoutHostState state, long time) {
        while (time >= state.knownRotateAt) {
            state.known.rotate();
            state.knownRotateAt += settings.memoryMicros() / 2;
            if (time - state.knownRotateAt > settings.memoryMicros()) {
                state.knownRotateAt = time + settings.memoryMicros() / 2;
                state.known.rotate();
            }
        }
        while (time >= state.resolvedRotateAt) {
            state.resolved.rotate();
            state.resolvedRotateAt += RESOLVED_MEMORY_MICROS / 2;
            if (time - state.resolvedRotateAt > RESOLVED_MEMORY_MICROS) {
                state.resolvedRotateAt = time + RESOLVED_MEMORY_MICROS / 2;
                state.resolved.rotate();
            }
        }
    }

    private long deadline(FanoutHostState state) {
        long drop = state.lastActivity + settings.memoryMicros();
        if (state.episode == null) {
            return drop;
        }
        long episodeEnd = Math.min(state.episode.last + settings.windowMicros(),
                state.episode.first + settings.maxEpisodeMicros());
        return Math.min(drop, episodeEnd);
    }

    private boolean isPopular(IpAddress address) {
        for (Cidr network : popularNetworks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The /24 of an IPv4 address or the /48 of an IPv6 one, as a fingerprint. */
    private static long networkOf(IpAddress address) {
        if (address.isV4()) {
            return Fingerprints.tagged(address.v4() >>> 8, 4);
        }
        return Fingerprints.tagged(address.high() >>> 16, 6);
    }
}
