package io.stagehunt.refine;

import io.stagehunt.event.Connection;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.FileTransfer;
import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.ProcessConnection;
import io.stagehunt.event.TlsSession;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How many internal hosts talk to each destination (address or domain name), and since when, over one run;
 * which internal hosts serve DNS or proxy requests for others; and which names DNS answered with which
 * addresses. Fed every event of the run in time order as a pipeline observer, read once the run has ended.
 *
 * <p>Memory is bounded: at most {@link Settings#maxDestinations()} destinations of each kind (the ones seen least
 * recently are forgotten first, and counted), and per destination an exact set of up to
 * {@link Settings#exactHosts()} hosts, then a 1 KiB sketch; for a name, up to 8 addresses DNS answered it with
 * and 8 hosts whose lookups of it were answered. A forgotten destination that comes back looks new and rare,
 * which errs towards showing it. Not thread-safe.
 */
public final class Prevalence implements Consumer<Event> {

    /** Ports of forward proxies (Squid, Privoxy, SOCKS) whose internal servers relay for other hosts. */
    private static final Set<Integer> PROXY_PORTS = Set.of(3128, 8118, 1080);
    private static final int DNS_PORT = 53;

    /**
     * Bounds.
     *
     * @param maxDestinations destinations of each kind (addresses, names) remembered at once
     * @param exactHosts hosts counted exactly per destination before switching to a sketch
     * @param maxServers internal DNS or proxy servers remembered at once
     */
    public record Settings(int maxDestinations, int exactHosts, int maxServers) {
        public static final Settings DEFAULTS = new Settings(100_000, 32, 4_096);

        public Settings {
            if (maxDestinations < 1 || exactHosts < 1 || maxServers < 1) {
                throw new IllegalArgumentException("prevalence bounds must be positive");
            }
        }
    }

    /**
     * What the run saw of one destination.
     *
     * @param hosts distinct internal hosts that contacted it (exact up to the settings' cap)
     * @param firstSeenMicros the first contact by any internal host
     * @param estimated whether {@code hosts} is past the cap and so a sketch's estimate (about 3 % error)
     */
    public record Seen(long hosts, long firstSeenMicros, long lastSeenMicros, long events, boolean estimated) {
    }

    private final Settings settings;
    private final Table<IpAddress> addresses;
    private final Table<String> domains;
    private final Bounded<IpAddress, DistinctCounter> resolvers;
    private final Bounded<IpAddress, DistinctCounter> proxies;
    private final DistinctCounter population = new DistinctCounter(1 << 16);
    /** Made once: a lambda reading the settings would be a new object at each of the many lookups of a server. */
    private final Function<IpAddress, DistinctCounter> newServerCounter;
    private long firstEventMicros = Long.MAX_VALUE;
    private long lastEventMicros = Long.MIN_VALUE;

    public Prevalence(Settings settings) {
        this.settings = settings;
        this.addresses = new Table<>(settings.maxDestinations());
        this.domains = new Table<>(settings.maxDestinations());
        this.resolvers = new Bounded<>(settings.maxServers());
        this.proxies = new Bounded<>(settings.maxServers());
        this.newServerCounter = server -> new DistinctCounter(settings.exactHosts());
    }

    @Override
    public void accept(Event event) {
        long time = event.timeMicros();
        firstEventMicros = Math.min(firstEventMicros, time);
        lastEventMicros = Math.max(lastEventMicros, time);
        Host host = event.host();
        if (host == null) {
            return;
        }
        if (event instanceof Connection connection) {
            accept(connection, host, time);
        } else if (event instanceof DnsQuery query) {
            // only names that resolved to an address count as destinations: NXDOMAIN floods and tunnels through
            // TXT or NULL records would otherwise push real destinations out of the bounded table
            List<IpAddress> answers = query.answerAddresses();
            String name = answers.isEmpty() ? null : DomainName.normalize(query.query());
            if (name != null) {
                domains.count(name, host, time).answered(DistinctCounter.hash(host), answers);
            }
            if (query.server() != null && host.ip() != null && !query.server().equals(host.ip())) {
                served(resolvers, query.server(), host);
            }
        } else if (event instanceof HttpRequest request) {
            if (host.ip() != null && host.ip().equals(request.client())) {
                countAddress(request.server(), host, time);
                countDomain(DomainName.withoutPort(request.hostHeader()), host, time);
                if ("CONNECT".equalsIgnoreCase(request.method())) {
                    served(proxies, request.server(), host);
                    countDomain(DomainName.withoutPort(request.uri()), host, time);
                }
            }
        } else if (event instanceof TlsSession session) {
            if (host.ip() != null && host.ip().equals(session.client())) {
                countAddress(session.server(), host, time);
                countDomain(session.serverName(), host, time);
            }
        } else if (event instanceof ProcessConnection connection) {
            if (connection.initiated()) {
                countAddress(connection.destinationIp(), host, time);
                countDomain(connection.destinationHostname(), host, time);
            }
        } else if (event instanceof FirewallDecision decision) {
            if (decision.verdict().allowed() && reachesOut(decision.direction())) {
                countAddress(decision.remote(), host, time);
            }
        } else if (event instanceof FileTransfer transfer) {
            countAddress(transfer.remote(), host, time);
        } else {
            return;
        }
        population.add(DistinctCounter.hash(host));
    }

    private void accept(Connection connection, Host host, long time) {
        if (!reachesOut(connection.direction())) {
            return;
        }
        countAddress(connection.responder(), host, time);
        if (connection.direction() == Direction.INTERNAL && !connection.outcome().failed()) {
            if (connection.responderPort() == DNS_PORT) {
                served(resolvers, connection.responder(), host);
            } else if (PROXY_PORTS.contains(connection.responderPort())) {
                served(proxies, connection.responder(), host);
            }
        }
    }

    private static boolean reachesOut(Direction direction) {
        return direction == Direction.OUTBOUND || direction == Direction.INTERNAL;
    }

    private void countAddress(IpAddress address, Host host, long time) {
        if (address != null && !address.equals(host.ip())) {
            addresses.count(address, host, time);
        }
    }

    private void countDomain(String name, Host host, long time) {
        String domain = DomainName.normalize(name);
        if (domain != null) {
            domains.count(domain, host, time);
        }
    }

    private void served(Bounded<IpAddress, DistinctCounter> servers, IpAddress server, Host client) {
        if (server == null || server.equals(client.ip())) {
            return;
        }
        servers.computeIfAbsent(server, newServerCounter).add(DistinctCounter.hash(client));
    }

    /** What the run saw of this address, or null when nothing (or it was forgotten). */
    public Seen address(IpAddress address) {
        return address == null ? null : addresses.seen(address);
    }

    /** What the run saw of this domain name, or null when nothing (or it was forgotten). */
    public Seen domain(String domain) {
        String name = DomainName.normalize(domain);
        return name == null ? null : domains.seen(name);
    }

    /**
     * Whether the host's traffic that called this address {@code name} may be believed. Not when the host's own
     * lookups of the name are in the logs and DNS answered it only with other addresses: then the name was
     * claimed (a TLS server name or Host header the client wrote), not resolved. Believed otherwise: the host's
     * lookups are not in the logs (missing DNS logs, DNS over HTTPS), DNS gave the name more addresses than are
     * kept, or the address is a forward proxy, which resolves the names it is asked for itself.
     */
    public boolean nameMayLeadTo(Host host, String name, IpAddress address) {
        String normalized = DomainName.normalize(name);
        if (normalized == null || address == null || host == null || proxies.containsKey(address)) {
            return true;
        }
        Stats stats = domains.get(normalized);
        Answers answers = stats == null ? null : stats.answers;
        return answers == null || answers.moreAddresses || !answers.lookedUpBy(DistinctCounter.hash(host))
                || answers.gave(address);
    }

    /** Distinct internal hosts seen in the run. */
    public long population() {
        return population.count();
    }

    /** How many other hosts sent DNS queries to this address. */
    public long resolverClients(IpAddress server) {
        return clients(resolvers, server);
    }

    /** How many other hosts used this address as a forward proxy (CONNECT, or a Squid, Privoxy or SOCKS port). */
    public long proxyClients(IpAddress server) {
        return clients(proxies, server);
    }

    private static long clients(Map<IpAddress, DistinctCounter> servers, IpAddress server) {
        DistinctCounter clients = server == null ? null : servers.get(server);
        return clients == null ? 0 : clients.count();
    }

    /** The earliest event time of the run, {@link Long#MAX_VALUE} before any event. */
    public long firstEventMicros() {
        return firstEventMicros;
    }

    public long lastEventMicros() {
        return lastEventMicros;
    }

    /** Destinations forgotten to stay within bounds. */
    public long forgotten() {
        return addresses.forgotten + domains.forgotten;
    }

    /** A map that forgets its least recently used entry beyond a bound. */
    private static class Bounded<K, V> extends LinkedHashMap<K, V> {
        private final int bound;
        long forgotten;

        Bounded(int bound) {
            super(16, 0.75f, true);
            this.bound = bound;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            if (size() > bound) {
                forgotten++;
                return true;
            }
            return false;
        }
    }

    private final class Table<K> extends Bounded<K, Stats> {
        Table(int bound) {
            super(bound);
        }

        Stats count(K key, Host host, long time) {
            Stats stats = get(key);
            if (stats == null) {
                stats = new Stats(settings.exactHosts(), time);
                put(key, stats);
            }
            stats.add(host, time);
            return stats;
        }

        Seen seen(K key) {
            Stats stats = get(key);
            return stats == null ? null
                    : new Seen(stats.hosts.count(), stats.firstSeenMicros, stats.lastSeenMicros, stats.events,
                            !stats.hosts.exact());
        }
    }

    private static final class Stats {
        final DistinctCounter hosts;
        long firstSeenMicros;
        long lastSeenMicros;
        long events;
        /** For a name: what DNS answered it with, and for whom; null until a lookup of it is answered. */
        Answers answers;

        Stats(int exactHosts, long time) {
            this.hosts = new DistinctCounter(exactHosts);
            this.firstSeenMicros = time;
            this.lastSeenMicros = time;
        }

        void add(Host host, long time) {
            hosts.add(DistinctCounter.hash(host));
            firstSeenMicros = Math.min(firstSeenMicros, time);
            lastSeenMicros = Math.max(lastSeenMicros, time);
            events++;
        }

        void answered(long client, List<IpAddress> addresses) {
            if (answers == null) {
                answers = new Answers();
            }
            answers.add(client, addresses);
        }
    }

    /**
     * The addresses DNS answered one name with and the hosts whose lookups got them, exactly, up to 8 of each:
     * beyond, "more" is noted and the name is believed wherever it is claimed (a CDN name with many edges). Exact,
     * not hashed, so that no crafted name or address can pass for another.
     */
    private static final class Answers {
        private static final int MAX_ADDRESSES = 8;
        private static final int MAX_CLIENTS = 8;

        final IpAddress[] addresses = new IpAddress[MAX_ADDRESSES];
        int addressCount;
        boolean moreAddresses;
        final long[] clients = new long[MAX_CLIENTS];
        int clientCount;
        boolean moreClients;

        void add(long client, List<IpAddress> answered) {
            if (!lookedUpBy(client)) {
                if (clientCount < MAX_CLIENTS) {
                    clients[clientCount++] = client;
                } else {
                    moreClients = true;
                }
            }
            for (int i = 0; i < answered.size() && !moreAddresses; i++) {
                IpAddress address = answered.get(i);
                if (!gave(address)) {
                    if (addressCount < MAX_ADDRESSES) {
                        addresses[addressCount++] = address;
                    } else {
                        moreAddresses = true;
                    }
                }
            }
        }

        /** Whether this host's lookup was answered; past the kept hosts, every host is taken to have looked. */
        boolean lookedUpBy(long client) {
            if (moreClients) {
                return true;
            }
            for (int i = 0; i < clientCount; i++) {
                if (clients[i] == client) {
                    return true;
                }
            }
            return false;
        }

        boolean gave(IpAddress address) {
            for (int i = 0; i < addressCount; i++) {
                if (addresses[i].equals(address)) {
                    return true;
                }
            }
            return false;
        }
    }
}
