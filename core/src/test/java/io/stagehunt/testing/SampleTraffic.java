package io.stagehunt.testing;

import io.stagehunt.event.Certificate;
import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.FileTransfer;
import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.SourceFile;
import io.stagehunt.event.TlsSession;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.NetworkScope;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds realistic network events for tests, shaped as the Zeek and firewall readers shape them: the internal
 * side under the default scope is the host, every event has its own record number. Times are seconds from an
 * arbitrary start (2024-03-04 09:00 UTC) to keep tables readable.
 */
public final class SampleTraffic {

    /** 2024-03-04T09:00:00Z, in epoch microseconds. */
    public static final long START_MICROS = 1_709_542_800_000_000L;

    private static final NetworkScope SCOPE = NetworkScope.defaults();
    private static final SourceFile SOURCE = new SourceFile("sample.log", "test");
    private static final AtomicLong RECORDS = new AtomicLong();

    private SampleTraffic() {
    }

    public static long at(double seconds) {
        return START_MICROS + Math.round(seconds * 1_000_000);
    }

    public static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    private static Provenance next() {
        return new Provenance(SOURCE, RECORDS.incrementAndGet());
    }

    private static Host hostOf(IpAddress originator, IpAddress responder) {
        Direction direction = Direction.of(originator, responder, SCOPE);
        return Host.of(direction.internalSide(originator, responder));
    }

    /** A TCP flow as Zeek conn.log gives it. */
    public static Connection tcp(double seconds, String from, String to, int port, String service, long bytesOut,
            long bytesIn, String state) {
        IpAddress originator = ip(from);
        IpAddress responder = ip(to);
        return new Connection(at(seconds), hostOf(originator, responder), next(), "C" + RECORDS.get(), originator,
                49_152 + (int) (RECORDS.get() % 16_000), responder, port, Transport.TCP, service, 1_500_000,
                bytesOut, bytesIn, Math.max(1, bytesOut / 1_400), Math.max(0, bytesIn / 1_400),
                ConnectionOutcome.ofZeek(state), state, Direction.of(originator, responder, SCOPE), false);
    }

    /** A UDP flow. */
    public static Connection udp(double seconds, String from, String to, int port, String service, long bytesOut,
            long bytesIn) {
        IpAddress originator = ip(from);
        IpAddress responder = ip(to);
        return new Connection(at(seconds), hostOf(originator, responder), next(), "C" + RECORDS.get(), originator,
                50_000, responder, port, Transport.UDP, service, 100_000, bytesOut, bytesIn, 1, 1,
                ConnectionOutcome.ESTABLISHED, "SF", Direction.of(originator, responder, SCOPE), false);
    }

    /** An ICMP flow: its type in the originator port and its code in the responder port, as Zeek logs them. */
    public static Connection icmp(double seconds, String from, String to, int type, int code, long bytesOut,
            long bytesIn) {
        IpAddress originator = ip(from);
        IpAddress responder = ip(to);
        return new Connection(at(seconds), hostOf(originator, responder), next(), "C" + RECORDS.get(), originator,
                type, responder, code, Transport.ICMP, null, 60_000_000, bytesOut, bytesIn,
                Math.max(1, bytesOut / 1_000), Math.max(1, bytesIn / 1_000), ConnectionOutcome.ESTABLISHED, "OTH",
                Direction.of(originator, responder, SCOPE), false);
    }

    /** An A-record lookup answered with {@code answers}. */
    public static DnsQuery dns(double seconds, String client, String resolver, String name, String... answers) {
        IpAddress from = ip(client);
        IpAddress to = ip(resolver);
        return new DnsQuery(at(seconds), hostOf(from, to), next(), "D" + RECORDS.get(), from, to, 53, Transport.UDP,
                name, 1, "A", 0, "NOERROR", List.of(answers), List.of(answers).stream().map(a -> 300.0).toList(),
                false);
    }

    /** An HTTP request and its response. */
    public static HttpRequest http(double seconds, String client, String server, int port, String method,
            String hostHeader, String uri, String userAgent, long requestBody, long responseBody,
            String... responseMimeTypes) {
        IpAddress from = ip(client);
        IpAddress to = ip(server);
        return new HttpRequest(at(seconds), hostOf(from, to), next(), "H" + RECORDS.get(), from, 51_000, to, port,
                method, hostHeader, uri, null, userAgent, 200, requestBody, responseBody, List.of(responseMimeTypes),
                List.of());
    }

    /** A TLS handshake whose server chain is named by fingerprints (Zeek 6 and later). */
    public static TlsSession tls(double seconds, String client, String server, int port, String serverName,
            String ja3, String... chainFingerprints) {
        IpAddress from = ip(client);
        IpAddress to = ip(server);
        return new TlsSession(at(seconds), hostOf(from, to), next(), "T" + RECORDS.get(), from, 52_000, to, port,
                "TLSv12", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", serverName, true, ja3, null, null, null, null,
                List.of(chainFingerprints), List.of(), null);
    }

    /** A certificate as Zeek x509.log gives it, validity in seconds from the start. */
    public static Certificate certificate(double seconds, String fingerprint, String subject, String issuer,
            double notBeforeSeconds, double notAfterSeconds) {
        return new Certificate(at(seconds), null, next(), null, fingerprint, "01", subject, issuer,
                at(notBeforeSeconds), at(notAfterSeconds), "rsaEncryption", 2048, List.of());
    }

    /** A firewall verdict on an outbound TCP flow. */
    public static FirewallDecision firewall(double seconds, String source, String destination, int port,
            FirewallDecision.Verdict verdict, String application) {
        return firewall(seconds, source, destination, Transport.TCP, 53_000, port, verdict, application);
    }

    /**
     * A firewall verdict on an outbound flow of any transport. The ports are as the firewall readers give them:
     * for ICMP the type and the code, for protocols without ports -1.
     */
    public static FirewallDecision firewall(double seconds, String source, String destination, Transport transport,
            int sourcePort, int destinationPort, FirewallDecision.Verdict verdict, String application) {
        IpAddress from = ip(source);
        IpAddress to = ip(destination);
        Direction direction = Direction.of(from, to, SCOPE);
        return new FirewallDecision(at(seconds), hostOf(from, to), next(), "fw1", verdict,
                verdict.allowed() ? "allow-outbound" : "block-outbound", transport, from, sourcePort, to,
                destinationPort, direction, application, -1, -1);
    }

    /**
     * An allowed outbound TCP flow with the byte counts a firewall logged (PAN-OS traffic, CEF {@code in} and
     * {@code out}); -1 for a count the log lacks.
     */
    public static FirewallDecision firewallFlow(double seconds, String source, String destination, int port,
            String application, long bytesOut, long bytesIn) {
        FirewallDecision allowed = firewall(seconds, source, destination, port, FirewallDecision.Verdict.ALLOW,
                application);
        return new FirewallDecision(allowed.timeMicros(), allowed.host(), allowed.provenance(), allowed.device(),
                allowed.verdict(), allowed.rule(), allowed.transport(), allowed.source(), allowed.sourcePort(),
                allowed.destination(), allowed.destinationPort(), allowed.direction(), application, bytesOut,
                bytesIn);
    }

    /** A file the internal host sent ({@code upload}) or received. */
    public static FileTransfer file(double seconds, String internal, String remote, String protocol, String mimeType,
            long bytes, boolean upload) {
        IpAddress inside = ip(internal);
        IpAddress outside = ip(remote);
        return new FileTransfer(at(seconds), Host.of(inside), next(), "F" + RECORDS.get(), "C" + RECORDS.get(),
                upload ? inside : outside, upload ? outside : inside, protocol, mimeType, null, bytes, null, null,
                null, !upload);
    }
}
