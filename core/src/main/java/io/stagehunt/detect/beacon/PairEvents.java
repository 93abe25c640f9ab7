package io.stagehunt.detect.beacon;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.TlsSession;
import io.stagehunt.event.Transport;
import io.stagehunt.net.Cidr;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.util.List;
import java.util.function.Consumer;

/**
 * How events map to pairs and name channels: which events open a pair, under which keys, and what name a
 * naming record (HTTP, TLS) gives its flow. Stateless.
 */
final class PairEvents {

    /**
     * IPv6 destinations that are not one party: multicast and the unspecified address. (IPv4: 0.0.0.0/8,
     * multicast 224.0.0.0/4 and 240.0.0.0/4 with the broadcast address, tested by the first octet.)
     */
    private static final List<Cidr> NOT_A_PARTY = List.of(Cidr.parse("ff00::/8"), Cidr.parse("::/128"));
    /** NTP's port, and the size of an NTP message without extension fields. */
    private static final int NTP_PORT = 123;
    private static final int NTP_MESSAGE = 48;
    /**
     * What a sensor may count beside each datagram's payload: nothing (Zeek), or whole packets (Suricata,
     * Argus): IPv4 or IPv6 with UDP (28, 48), plus Ethernet (42, 62), plus a VLAN tag (46, 66).
     */
    private static final int[] PACKET_OVERHEADS = {0, 28, 42, 46, 48, 62, 66};

    private PairEvents() {
    }

    /** What a naming record says about its flow. */
    record Naming(String name, boolean proxied, int targetPort, boolean request, boolean encrypted) {
    }

    static boolean accepts(Class<? extends Event> type) {
        return type == Connection.class || type == HttpRequest.class || type == TlsSession.class
                || type == DnsQuery.class;
    }

    /** The first key of an event, or null: for {@code Detector.keyOf}, where one key is asked for. */
    static PairKey firstKey(Event event) {
        PairKey[] first = new PairKey[1];
        keysOf(event, key -> {
            if (first[0] == null) {
                first[0] = key;
            }
        });
        return first[0];
    }

    static void keysOf(Event event, Consumer<PairKey> keys) {
        Host host = event.host();
        if (host == null) {
            return;
        }
        if (event instanceof Connection connection) {
            Direction direction = connection.direction();
            if ((direction == Direction.OUTBOUND || direction == Direction.INTERNAL)
                    && !connection.icmpSignalling() && !addressAssignment(connection)) {
                offer(host, connection.remote(), keys);
            }
        } else if (event instanceof HttpRequest request) {
            if (initiatedBy(host, request.client())) {
                offer(host, request.server(), keys);
            }
        } else if (event instanceof TlsSession session) {
            if (initiatedBy(host, session.client())) {
                offer(host, session.server(), keys);
            }
        } else if (event instanceof DnsQuery query) {
            if (!initiatedBy(host, query.client()) || query.rejected() || query.answers().isEmpty()) {
                return;
            }
            for (IpAddress address : query.answerAddresses()) {
                offer(host, address, keys);
            }
        }
    }

    /**
     * DHCP and DHCPv6 (UDP 67/68, 546/547): a client renewing its lease, a server answering, or a relay passing
     * them on (server port to server port), on the lease's timer. Address assignment carries no party's data.
     */
    private static boolean addressAssignment(Connection connection) {
        if (connection.transport() != Transport.UDP) {
            return false;
        }
        int from = connection.originatorPort();
        int to = connection.responderPort();
        return (from == 67 || from == 68) && (to == 67 || to == 68)
                || (from == 546 || from == 547) && (to == 546 || to == 547);
    }

    /**
     * Whether the flow is a clock polling a time server, as far as the sensor measured it: the host sent UDP to
     * port 123, and every packet either way held one plain NTP message, by the sizes the sensor counted. A side
     * whose bytes the sensor did not count (Zeek's {@code -}) neither confirms nor refutes. A message with
     * extension fields (NTS, Autokey, or anything an attacker appends) is not plain.
     */
    static boolean timePoll(Connection connection) {
        return connection.transport() == Transport.UDP && connection.direction() != Direction.INBOUND
                && connection.responderPort() == NTP_PORT
                && (connection.originatorBytes() < 0
                        || plainNtp(connection.originatorBytes(), connection.originatorPackets()))
                && (connection.responderBytes() < 0 || connection.responderBytes() == 0
                        && connection.responderPackets() <= 0
                        || plainNtp(connection.responderBytes(), connection.responderPackets()));
    }

    private static boolean plainNtp(long bytes, long packets) {
        if (packets <= 0 || bytes % packets != 0) {
            return false;
        }
        long perPacket = bytes / packets;
        for (int overhead : PACKET_OVERHEADS) {
            if (perPacket == NTP_MESSAGE + overhead) {
                return true;
            }
        }
        return false;
    }

    private static boolean initiatedBy(Host host, IpAddress client) {
        return host.ip() != null && host.ip().equals(client);
    }

    private static void offer(Host host, IpAddress remote, Consumer<PairKey> keys) {
        if (remote != null && isParty(remote) && !remote.equals(host.ip()) && !localBroadcast(host.ip(), remote)) {
            keys.accept(new PairKey(host, remote));
        }
    }

    /**
     * Whether {@code remote} is the broadcast address of a /24 or /16 network the host itself is in (e.g.
     * 10.0.0.255 from 10.0.0.88, 169.254.255.255 from 169.254.4.65): announcements to the local segment, not a
     * party. A real host at such an address in a wider network is the price of not knowing subnet masks.
     */
    static boolean localBroadcast(IpAddress host, IpAddress remote) {
        if (host == null || !host.isV4() || !remote.isV4()) {
            return false;
        }
        for (int hostBits : new int[] {8, 16}) {
            int mask = (1 << hostBits) - 1;
            if ((remote.v4() & mask) == mask && (remote.v4() >>> hostBits) == (host.v4() >>> hostBits)) {
                return true;
            }
        }
        return false;
    }

    /** Whether traffic to this address reaches one party that could be a controller. */
    static boolean isParty(IpAddress address) {
        if (address.isV4()) {
            int first = address.v4() >>> 24;
            return first != 0 && first < 224;
        }
        for (Cidr range : NOT_A_PARTY) {
            if (range.contains(address)) {
                return false;
            }
        }
        return true;
    }

    static boolean answered(Connection connection) {
        return connection.outcome() == ConnectionOutcome.ESTABLISHED
                || connection.outcome() == ConnectionOutcome.PARTIAL
                || connection.outcome() == ConnectionOutcome.UNKNOWN && connection.responderBytes() > 0;
    }

    /** Whether the sensor recognised DNS on the flow (Zeek service {@code dns}, Suricata app_proto). */
    static boolean lookup(Connection connection) {
        return mentions(connection.service(), "dns");
    }

    /**
     * Whether an HTTP or TLS record may name this flow: the sensor recognised (or did not name) a protocol
     * that carries names. A sensor that recognised another protocol (DNS, SSH, SMB ...) or none at all writes
     * no such record.
     */
    static boolean nameable(Connection connection) {
        String service = connection.service();
        return mentions(service, "http") || mentions(service, "ssl") || mentions(service, "tls")
                || mentions(service, "quic");
    }

    /** Whether the sensor saw TLS (or QUIC) on the flow. */
    static boolean encrypted(Connection connection) {
        String service = connection.service();
        return mentions(service, "ssl") || mentions(service, "tls") || mentions(service, "quic");
    }

    /** Whether a sensor's service text names a protocol, in any case, without allocating. */
    static boolean mentions(String service, String protocol) {
        if (service == null) {
            return false;
        }
        for (int at = 0; at + protocol.length() <= service.length(); at++) {
            if (service.regionMatches(true, at, protocol, 0, protocol.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name an HTTP request gives its flow: the target of a {@code CONNECT} or of an absolute-form request
     * (both mean the server is a forward proxy), else the Host header. A name that is the pair's own address
     * adds nothing and is dropped.
     */
    static Naming naming(HttpRequest request) {
        String method = request.method();
        String uri = request.uri();
        if (method != null && method.equalsIgnoreCase("CONNECT")) {
            String target = uri != null && !uri.isBlank() ? uri : request.hostHeader();
            Authority authority = Authority.parse(target, 443);
            return new Naming(hostName(authority.host(), request.server()), true, authority.port(), true, false);
        }
        boolean https = uri != null && startsWithIgnoreCase(uri, "https://");
        if (https || uri != null && startsWithIgnoreCase(uri, "http://")) {
            int start = uri.indexOf("://") + 3;
            int end = start;
            while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) {
                end++;
            }
            Authority authority = Authority.parse(uri.substring(start, end), https ? 443 : 80);
            return new Naming(hostName(authority.host(), request.server()), true, authority.port(), true, https);
        }
        Authority authority = Authority.parse(request.hostHeader(), -1);
        return new Naming(hostName(authority.host(), request.server()), false, -1, true, false);
    }

    static Naming naming(TlsSession session) {
        return new Naming(hostName(session.serverName(), session.server()), false, -1, false, true);
    }

    /** A DNS name, lower case, or an address literal in canonical form; null when neither or the server's own. */
    static String hostName(String text, IpAddress server) {
        if (text == null || text.isBlank()) {
            return null;
        }
        IpAddress literal = IpAddress.tryParse(text.strip());
        if (literal != null) {
            return literal.equals(server) ? null : literal.toString();
        }
        return DomainName.normalize(text);
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** A {@code host[:port]} authority; IPv6 literals in brackets. */
    record Authority(String host, int port) {

        static Authority parse(String text, int defaultPort) {
            if (text == null) {
                return new Authority(null, defaultPort);
            }
            String authority = text.strip();
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                authority = authority.substring(at + 1);
            }
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    return new Authority(null, defaultPort);
                }
                String host = authority.substring(1, close);
                return new Authority(host, portAfter(authority, close + 1, defaultPort));
            }
            int colon = authority.indexOf(':');
            if (colon >= 0 && authority.indexOf(':', colon + 1) < 0) {
                return new Authority(authority.substring(0, colon), portAfter(authority, colon, defaultPort));
            }
            return new Authority(authority, defaultPort);
        }

        private static int portAfter(String text, int colon, int defaultPort) {
            if (colon >= text.length() || text.charAt(colon) != ':') {
                return defaultPort;
            }
            try {
                int port = Integer.parseInt(text.substring(colon + 1));
                return port >= 0 && port <= 65_535 ? port : defaultPort;
            } catch (NumberFormatException e) {
                return defaultPort;
            }
        }
    }
}
