package io.stagehunt.detect.network;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.SourceFile;
import io.stagehunt.event.TlsSession;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.NetworkScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Builds realistic network event sequences for detector tests and benchmarks: DNS lookups and connections
 * as a Zeek sensor would log them (client-side host, directions from the default internal networks, one
 * provenance line per record), plus ready-made scenarios of benign and attack traffic. Seeded, so every run
 * builds the same events. Not thread-safe.
 */
public final class SyntheticTraffic {

    public static final long SECOND = 1_000_000L;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;
    /** 2024-03-04T09:00:00Z, a Monday morning. */
    public static final long START = 1_709_542_800L * SECOND;

    private static final NetworkScope SCOPE = NetworkScope.defaults();
    private static final IpAddress RESOLVER = IpAddress.parse("10.0.0.53");
    private static final String[] WORDS = {"news", "mail", "shop", "cloud", "video", "static", "login", "api",
        "weather", "maps", "sport", "music", "photos", "docs", "travel", "bank", "health", "jobs", "games",
        "books", "market", "forum", "wiki", "social", "search", "stream", "store", "learn", "daily", "live"};
    private static final String[] SUFFIXES = {"com", "org", "net", "de", "co.uk", "io", "fr", "nl"};

    private final List<Event> events = new ArrayList<>();
    private final SourceFile source;
    private final Random random;
    private long line;

    public SyntheticTraffic(String name, long seed) {
        this.source = new SourceFile(name, "synthetic");
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** The events so far, sorted by time (stable, so equal times keep their order). */
    public List<Event> events() {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(Event::timeMicros));
        return sorted;
    }

    /** The events with each one moved by up to {@code jitterMicros} in list order: sensors log out of order. */
    public List<Event> eventsOutOfOrder(long jitterMicros) {
        List<Event> sorted = events();
        List<long[]> keys = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            keys.add(new long[] {sorted.get(i).timeMicros() + (long) (random.nextDouble() * jitterMicros), i});
        }
        keys.sort(Comparator.comparingLong(key -> key[0]));
        List<Event> shuffled = new ArrayList<>();
        for (long[] key : keys) {
            shuffled.add(sorted.get((int) key[1]));
        }
        return shuffled;
    }

    public static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    /** A lookup by {@code client} through the site resolver. */
    public SyntheticTraffic dns(long time, String client, String name, int type, int rcode, List<String> answers) {
        IpAddress address = ip(client);
        events.add(new DnsQuery(time, Host.of(address), provenance(), "D" + line, address, RESOLVER, 53,
                Transport.UDP, name, type, typeName(type), rcode, rcode == 3 ? "NXDOMAIN" : "NOERROR", answers,
                answers.stream().map(answer -> 300.0).toList(), false));
        return this;
    }

    public SyntheticTraffic lookupA(long time, String client, String name, String... addresses) {
        return dns(time, client, name, 1, addresses.length == 0 ? 3 : 0, List.of(addresses));
    }

    /** A connection from {@code originator}; host and direction follow from the default internal networks. */
    public SyntheticTraffic connection(long time, String originator, String responder, int port, Transport transport,
            ConnectionOutcome outcome, long durationMicros, long bytesOut, long bytesIn) {
        IpAddress from = ip(originator);
        IpAddress to = ip(responder);
        Direction direction = Direction.of(from, to, SCOPE);
        String state = switch (outcome) {
            case ESTABLISHED -> "SF";
            case NO_REPLY -> "S0";
            case REJECTED -> "REJ";
            default -> "OTH";
        };
        events.add(new Connection(time, Host.of(direction.internalSide(from, to)), provenance(), "C" + line, from,
                40_000 + random.nextInt(20_000), to, port, transport, null, durationMicros, bytesOut, bytesIn,
                outcome == ConnectionOutcome.ESTABLISHED ? 5 : 1, outcome == ConnectionOutcome.ESTABLISHED ? 5 : 0,
                outcome, state, direction, false));
        return this;
    }

    /** The TLS handshake of a client's session, naming the server. */
    public SyntheticTraffic tls(long time, String client, String server, int port, String serverName) {
        events.add(new TlsSession(time, Host.of(ip(client)), provenance(), "C" + line, ip(client),
                40_000 + random.nextInt(20_000), ip(server), port, "TLSv13", "TLS_AES_128_GCM_SHA256", serverName,
                true, null, null, null, null, null, List.of(), List.of(), null));
        return this;
    }

    /** An ordinary HTTPS exchange: established, a second or so, a few kilobytes each way. */
    public SyntheticTraffic https(long time, String client, String server) {
        return connection(time, client, server, 443, Transport.TCP, ConnectionOutcome.ESTABLISHED,
                (long) (SECOND * (0.2 + random.nextDouble() * 2)), 800 + random.nextInt(2_000),
                2_000 + random.nextInt(40_000));
    }

    public SyntheticTraffic failedAttempt(long time, String client, String server, int port) {
        return connection(time, client, server, port, Transport.TCP, ConnectionOutcome.NO_REPLY, 0, 0, 0);
    }

    // ---- scenarios ---------------------------------------------------------------------------------------

    /**
     * A workstation browsing: every few seconds to a minute, a lookup of a word-made name (often repeated,
     * sometimes new) and an HTTPS connection to the address it returned.
     */
    public SyntheticTraffic browsing(String client, long from, long to, double lookupsPerMinute) {
        long time = from;
        List<String> visited = new ArrayList<>();
        while (time < to) {
            String name;
            if (!visited.isEmpty() && random.nextDouble() < 0.7) {
                name = visited.get(random.nextInt(visited.size()));
            } else {
                name = (random.nextBoolean() ? "www." : "") + WORDS[random.nextInt(WORDS.length)]
                        + WORDS[random.nextInt(WORDS.length)] + "." + SUFFIXES[random.nextInt(SUFFIXES.length)];
                visited.add(name);
            }
            String address = publicAddress(name.hashCode());
            lookupA(time, client, name, address);
            https(time + 20_000, client, address);
            time += (long) (MINUTE / lookupsPerMinute * (0.2 + 1.6 * random.nextDouble()));
        }
        return this;
    }

    /** A DNS tunnel in the style of dnscat2: hex-encoded chunks as the first label, TXT queries, every second. */
    public SyntheticTraffic txtTunnel(String client, String domain, long from, int queries, long interval) {
        long session = random.nextLong() & 0xFFFF_FFFFL;
        for (int i = 0; i < queries; i++) {
            String chunk = hex(30) + "." + Long.toHexString(session);
            dns(from + i * interval, client, chunk + "." + domain, 16, 0, List.of("TXT 40 " + hex(40)));
        }
        return this;
    }

    /**
     * A host using a CDN that names each object by hash: A lookups of many distinct hashed names, each answered
     * with CDN addresses that the host then fetches from.
     */
    public SyntheticTraffic hashedCdn(String client, String domain, long from, int objects, long interval) {
        String[] edges = {"198.51.100.10", "198.51.100.11", "198.51.100.12", "198.51.100.13"};
        for (int i = 0; i < objects; i++) {
            long time = from + i * interval;
            String edge = edges[random.nextInt(edges.length)];
            lookupA(time, client, "d" + hex(13) + "." + domain, edge);
            https(time + 30_000, client, edge);
        }
        return this;
    }

    /** Lookups of names from one generator (same suffix, same length, pronounceable), mostly NXDOMAIN. */
    public SyntheticTraffic generatedLookups(String client, long from, int count, long interval, double nxShare) {
        String consonants = "bcdfghjklmnpqrstvwxz";
        String vowels = "aeiouy";
        for (int i = 0; i < count; i++) {
            StringBuilder name = new StringBuilder();
            for (int j = 0; j < 7; j++) {
                name.append(j % 2 == 0 ? consonants.charAt(random.nextInt(consonants.length()))
                        : vowels.charAt(random.nextInt(vowels.length())));
            }
            String domain = name + ".com";
            if (random.nextDouble() < nxShare) {
                lookupA(from + i * interval, client, domain);
            } else {
                lookupA(from + i * interval, client, domain, publicAddress(domain.hashCode()));
            }
        }
        return this;
    }

    /** A regular check-in: one established connection every {@code period}, with jitter. */
    public SyntheticTraffic beacon(String client, String server, int port, long from, int count, long period,
            double jitter) {
        for (int i = 0; i < count; i++) {
            long offset = (long) (period * jitter * (2 * random.nextDouble() - 1));
            connection(from + i * period + offset, client, server, port, Transport.TCP, ConnectionOutcome.ESTABLISHED,
                    (long) (SECOND * 0.3), 300 + random.nextInt(100), 200 + random.nextInt(100));
        }
        return this;
    }

    /** An address in 203.0.113.0/24 .. 203.0.120.0/24 (documentation-like public space) from a seed. */
    public static String publicAddress(int seed) {
        int value = seed & 0x7FFF_FFFF;
        return "203.0." + (113 + value % 8) + "." + (1 + (value / 8) % 250);
    }

    public String hex(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }

    private Provenance provenance() {
        return new Provenance(source, ++line);
    }

    private static String typeName(int type) {
        return switch (type) {
            case 1 -> "A";
            case 5 -> "CNAME";
            case 10 -> "NULL";
            case 16 -> "TXT";
            case 28 -> "AAAA";
            default -> "TYPE" + type;
        };
    }
}
