package io.stagehunt.detect.intel;

import io.stagehunt.event.Certificate;
import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.FileCreate;
import io.stagehunt.event.FileHashes;
import io.stagehunt.event.FileTransfer;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.ProcessConnection;
import io.stagehunt.event.ProcessStart;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.SourceFile;
import io.stagehunt.event.TlsSession;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;
import java.util.List;

/** Events as sensors log them, for detector tests. */
final class IntelEvents {

    static final long SECOND = 1_000_000L;
    static final long HOUR = 3600 * SECOND;
    static final long DAY = 24 * HOUR;
    /** 2024-07-12T08:00:00Z. */
    static final long T0 = 1_720_771_200L * SECOND;
    private static final SourceFile SOURCE = new SourceFile("test.log", "test");

    private IntelEvents() {
    }

    static Provenance at(long record) {
        return new Provenance(SOURCE, record);
    }

    static Connection connection(long time, String client, String server, int port) {
        IpAddress originator = IpAddress.parse(client);
        return new Connection(time, Host.of(originator), at(time / SECOND), "C1", originator, 49152,
                IpAddress.parse(server), port, Transport.TCP, null, SECOND, 100, 200, 3, 3,
                ConnectionOutcome.ESTABLISHED, "SF", Direction.OUTBOUND, false);
    }

    static Connection inbound(long time, String client, String server, int port) {
        IpAddress originator = IpAddress.parse(client);
        IpAddress responder = IpAddress.parse(server);
        return new Connection(time, Host.of(responder), at(time / SECOND), "C2", originator, 50000, responder, port,
                Transport.TCP, null, SECOND, 100, 200, 3, 3, ConnectionOutcome.ESTABLISHED, "SF", Direction.INBOUND,
                false);
    }

    static DnsQuery dns(long time, String client, String query, String... answers) {
        IpAddress address = IpAddress.parse(client);
        return new DnsQuery(time, Host.of(address), at(time / SECOND), "D1", address, IpAddress.parse("192.168.1.1"),
                53, Transport.UDP, query, 1, "A", 0, "NOERROR", List.of(answers), List.of(), false);
    }

    static HttpRequest http(long time, String client, String server, int port, String host, String uri) {
        IpAddress address = IpAddress.parse(client);
        return new HttpRequest(time, Host.of(address), at(time / SECOND), "H1", address, 49153, IpAddress.parse(server),
                port, "GET", host, uri, null, "Mozilla/5.0", 200, 0, 1024, List.of("text/html"), List.of());
    }

    static TlsSession tls(long time, String client, String server, String serverName, String ja3,
            List<String> fingerprints, List<String> fileIds) {
        IpAddress address = IpAddress.parse(client);
        return new TlsSession(time, Host.of(address), at(time / SECOND), "T1", address, 49154, IpAddress.parse(server),
                443, "TLSv12", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", serverName, true, ja3, null, null, null, null,
                fingerprints, fileIds, null);
    }

    static FileTransfer download(long time, String client, String server, String mime, String md5, String sha1,
            String sha256) {
        IpAddress receiver = IpAddress.parse(client);
        return new FileTransfer(time, Host.of(receiver), at(time / SECOND), "F1", "C1", IpAddress.parse(server),
                receiver, "HTTP", mime, null, 7168, md5, sha1, sha256, true);
    }

    static ProcessStart process(long time, String hostname, String sha256) {
        return new ProcessStart(time, Host.named(hostname), at(time / SECOND), "{guid}", 4242,
                "C:\\Users\\Public\\stage2.exe", "stage2.exe", "CORP\\alice", "{parent}", 4000,
                "C:\\Windows\\System32\\cmd.exe", "cmd.exe", "Medium", new FileHashes(null, null, sha256, null));
    }

    static FileCreate fileCreate(long time, String hostname, String md5) {
        return new FileCreate(time, Host.named(hostname), at(time / SECOND), "{guid}", 4242,
                "C:\\Windows\\System32\\bitsadmin.exe", "C:\\Users\\Public\\payload.dll",
                new FileHashes(md5, null, null, null));
    }

    static ProcessConnection processConnection(long time, String hostname, String destination, int port,
            String destinationName) {
        return new ProcessConnection(time, Host.named(hostname), at(time / SECOND), "{guid}", 4242,
                "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "CORP\\alice", Transport.TCP, true,
                IpAddress.parse("172.18.39.5"), 50123, IpAddress.parse(destination), port, destinationName);
    }

    static Certificate certificate(long time, String fileId, String fingerprint) {
        return new Certificate(time, null, at(time / SECOND), fileId, fingerprint, "01", "CN=c2.example",
                "CN=c2.example", Long.MIN_VALUE, Long.MIN_VALUE, "rsaEncryption", 2048, List.of());
    }
}
