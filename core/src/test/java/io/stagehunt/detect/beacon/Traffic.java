package io.stagehunt.detect.beacon;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.SourceFile;
import io.stagehunt.event.TlsSession;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the events a sensor would log for a host's traffic, as Zeek fills its conn, http, ssl and dns logs:
 * one flow record per connection with a flow id, and HTTP or TLS records of the same flow moments later.
 * Times are seconds since an arbitrary day start.
 */
final class Traffic {

    static final long DAY_START_MICROS = 1_700_000_000_000_000L;
    private static final SourceFile CONN = new SourceFile("conn.log", "zeek-tsv");
    private static final SourceFile HTTP = new SourceFile("http.log", "zeek-tsv");
    private static final SourceFile SSL = new SourceFile("ssl.log", "zeek-tsv");
    private static final SourceFile DNS = new SourceFile("dns.log", "zeek-tsv");

    private final IpAddress host;
    private final List<Event> events = new ArrayList<>();
    private int flows;
    private int nextPort = 49_152;

    Traffic(String host) {
        this.host = IpAddress.parse(host);
    }

    static long micros(double seconds) {
        return DAY_START_MICROS + Math.round(seconds * 1e6);
    }

    /** Addresses in 10/8 are the internal network here; everything else is the internet. */
    private static Direction directionTo(IpAddress responder) {
        return responder.isV4() && (responder.v4() >>> 24) == 10 ? Direction.INTERNAL : Direction.OUTBOUND;
    }

    /** A TCP flow from the host to {@code remote:port} that sent {@code bytesOut} and closed normally. */
    Traffic flow(double seconds, String remote, int port, long bytesOut) {
        return flow(seconds, remote, port, bytesOut, "SF", null, false);
    }

    Traffic flow(double seconds, String remote, int port, long bytesOut, String state, String service,
            boolean open) {
        flows++;
        String uid = "C" + flows;
        IpAddress responder = IpAddress.parse(remote);
        events.add(new Connection(micros(seconds), Host.of(host), new Provenance(CONN, events.size() + 1L), uid,
                host, nextPort++, responder, port, Transport.TCP, service, 1_500_000L, bytesOut, 2048, 6, 5,
                ConnectionOutcome.ofZeek(state), state, directionTo(responder), open));
        return this;
    }

    /** A UDP exchange between given ports on both sides, answered. */
    Traffic datagram(double seconds, String remote, int fromPort, int toPort, long bytesOut) {
        flows++;
        IpAddress responder = IpAddress.parse(remote);
        events.add(new Connection(micros(seconds), Host.of(host), new Provenance(CONN, events.size() + 1L),
                "C" + flows, host, fromPort, responder, toPort, Transport.UDP, null, 4_000, bytesOut, 300, 1, 1,
                ConnectionOutcome.ofZeek("SF"), "SF", directionTo(responder), false));
        return this;
    }

    /**
     * A clock's poll of a time server, as Zeek logs it: UDP from an ephemeral port to 123, one message each way
     * of {@code messageBytes} (48 for plain NTP; -1 when the sensor did not count them), or none back when
     * unanswered.
     */
    Traffic ntp(double seconds, String remote, long messageBytes, boolean answered) {
        flows++;
        IpAddress responder = IpAddress.parse(remote);
        String state = answered ? "SF" : "S0";
        events.add(new Connection(micros(seconds), Host.of(host), new Provenance(CONN, events.size() + 1L),
                "C" + flows, host, nextPort++, responder, 123, Transport.UDP, answered ? "ntp" : null, 30_000,
                messageBytes, answered || messageBytes < 0 ? messageBytes : 0, 1, answered ? 1 : 0,
                ConnectionOutcome.ofZeek(state),
                state, directionTo(responder), false));
        return this;
    }

    /**
     * An ICMP flow of the given type and code, logged as Zeek logs it: the type as the originator port, the code
     * as the responder port.
     */
    Traffic icmp(double seconds, String remote, int type, int code, double durationSeconds) {
        flows++;
        IpAddress responder = IpAddress.parse(remote);
        events.add(new Connection(micros(seconds), Host.of(host), new Provenance(CONN, events.size() + 1L),
                "C" + flows, host, type, responder, code, Transport.ICMP, null, Math.round(durationSeconds * 1e6),
                2192, 0, 4, 0, ConnectionOutcome.ofZeek("OTH"), "OTH", directionTo(responder), false));
        return this;
    }

    /** A TLS flow whose duration is given, e.g. a long-lived session; a new flow id. */
    Traffic longFlow(double seconds, String remote, int port, double durationSeconds, boolean open) {
        flows++;
        return record(seconds, "C" + flows, remote, port, "ssl", durationSeconds, open);
    }

    /**
     * A flow record with a given flow id, as a sensor writes one for a flow still open and another when it
     * closes.
     */
    Traffic record(double seconds, String uid, String remote, int port, String service, double durationSeconds,
            boolean open) {
        IpAddress responder = IpAddress.parse(remote);
        events.add(new Connection(micros(seconds), Host.of(host), new Provenance(CONN, events.size() + 1L), uid,
                host, nextPort++, responder, port, Transport.TCP, service, Math.round(durationSeconds * 1e6),
                90_000, 400_000, 900, 800, ConnectionOutcome.ESTABLISHED, open ? "S1" : "SF", directionTo(responder),
                open));
        return this;
    }

    /** A long tunnel through a forward proxy: the flow to the proxy lasts {@code durationSeconds}. */
    Traffic tunnel(double seconds, String proxy, int proxyPort, String target, double durationSeconds) {
        flows++;
        String uid = "C" + flows;
        record(seconds, uid, proxy, proxyPort, "http,ssl", durationSeconds, false);
        request(seconds + 0.002, uid, proxy, proxyPort, "CONNECT", target, target + ":443");
        return this;
    }

    /** A direct HTTPS call: a flow and its TLS handshake naming {@code serverName}. */
    Traffic https(double seconds, String remote, String serverName, long bytesOut) {
        flow(seconds, remote, 443, bytesOut, "SF", "ssl", false);
        events.add(new TlsSession(micros(seconds + 0.03), Host.of(host), new Provenance(SSL, events.size() + 1L),
                "C" + flows, host, nextPort - 1, IpAddress.parse(remote), 443, "TLSv13", "TLS_AES_256_GCM_SHA384",
                serverName, true, null, null, null, null, null, List.of(), List.of(), null));
        return this;
    }

    /** A plain HTTP request with its Host header. */
    Traffic http(double seconds, String remote, String hostHeader, String uri, long bytesOut) {
        flow(seconds, remote, 80, bytesOut, "SF", "http", false);
        request(seconds + 0.02, "C" + flows, remote, 80, "GET", hostHeader, uri);
        return this;
    }

    /** A further request on the latest flow, as a kept-alive connection carries it. */
    Traffic keptAliveRequest(double seconds, String remote, String hostHeader, String uri) {
        request(seconds, "C" + flows, remote, 80, "GET", hostHeader, uri);
        return this;
    }

    /** A tunnel through a forward proxy: a flow to the proxy, its CONNECT, and the TLS inside. */
    Traffic viaProxy(double seconds, String proxy, int proxyPort, String target, long bytesOut) {
        flow(seconds, proxy, proxyPort, bytesOut, "SF", "http,ssl", false);
        String uid = "C" + flows;
        request(seconds + 0.002, uid, proxy, proxyPort, "CONNECT", target, target + ":443");
        events.add(new TlsSession(micros(seconds + 0.05), Host.of(host), new Provenance(SSL, events.size() + 1L),
                uid, host, nextPort - 1, IpAddress.parse(proxy), proxyPort, "TLSv13", "TLS_AES_256_GCM_SHA384",
                target, false, null, null, null, null, null, List.of(), List.of(), "unable to get local issuer"));
        return this;
    }

    /** A lookup answered with the given addresses. */
    Traffic lookup(double seconds, String resolver, String name, String... addresses) {
        events.add(new DnsQuery(micros(seconds), Host.of(host), new Provenance(DNS, events.size() + 1L),
                "D" + events.size(), host, IpAddress.parse(resolver), 53, Transport.UDP, name, 1, "A", 0, "NOERROR",
                List.of(addresses), List.of(300.0), false));
        return this;
    }

    private void request(double seconds, String uid, String server, int port, String method, String hostHeader,
            String uri) {
        events.add(new HttpRequest(micros(seconds), Host.of(host), new Provenance(HTTP, events.size() + 1L), uid,
                host, nextPort - 1, IpAddress.parse(server), port, method, hostHeader, uri, null, "Mozilla/5.0",
                200, 0, 512, List.of(), List.of()));
    }

    /** Every event built, in event-time order as the pipeline delivers them. */
    List<Event> events() {
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong(Event::timeMicros));
        return ordered;
    }

    /** Every event in the order built (not sorted), to test out-of-order input. */
    List<Event> unordered() {
        return List.copyOf(events);
    }

    /** Merges several hosts' traffic in event-time order. */
    static List<Event> merged(Traffic... traffics) {
        List<Event> all = new ArrayList<>();
        for (Traffic traffic : traffics) {
            all.addAll(traffic.events);
        }
        all.sort(Comparator.comparingLong(Event::timeMicros));
        return all;
    }
}
