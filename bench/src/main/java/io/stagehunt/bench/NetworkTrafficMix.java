package io.stagehunt.bench;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.SourceFile;
import io.stagehunt.event.TlsSession;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, time-ordered mix of office network events for benchmarks: per flow a DNS lookup most of the time,
 * then the connection (mostly HTTPS, some DNS, a few odd ports and large uploads), a TLS handshake or HTTP request
 * for web flows, and a firewall verdict for a share of flows. Roughly what Zeek and a firewall log for 200 hosts.
 */
final class NetworkTrafficMix {

    private static final SourceFile SOURCE = new SourceFile("bench.log", "bench");
    private static final long START = 1_709_542_800_000_000L;

    private NetworkTrafficMix() {
    }

    static List<Event> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Event> events = new ArrayList<>(count);
        IpAddress resolver = IpAddress.parse("10.0.0.53");
        long time = START;
        long record = 0;
        while (events.size() < count) {
            time += 1 + random.nextInt(20_000);
            IpAddress client = IpAddress.ofV4(0x0A00_0100 + random.nextInt(200));
            int destination = random.nextInt(5_000);
            IpAddress server = IpAddress.ofV4(0xCB00_7100 + destination);
            String name = "site" + destination + ".example.com";
            Host host = Host.of(client);
            int roll = random.nextInt(100);
            int port = roll < 80 ? 443 : roll < 90 ? 80 : roll < 97 ? 53 : 1024 + random.nextInt(60_000);
            if (port != 53 && random.nextInt(10) < 8) {
                events.add(new DnsQuery(time, host, new Provenance(SOURCE, ++record), "D" + record, client, resolver,
                        53, Transport.UDP, name, 1, "A", 0, "NOERROR", List.of(server.toString()), List.of(300.0),
                        false));
            }
            long out = random.nextInt(100) == 0 ? 20_000_000L + random.nextInt(50_000_000)
                    : 500 + random.nextInt(5_000);
            long in = 1_000 + random.nextInt(200_000);
            String service = port == 443 ? "ssl" : port == 80 ? "http" : port == 53 ? "dns" : null;
            events.add(new Connection(time, host, new Provenance(SOURCE, ++record), "C" + record, client,
                    40_000 + random.nextInt(20_000), port == 53 ? resolver : server, port,
                    port == 53 ? Transport.UDP : Transport.TCP, service, 2_000_000, out, in, 10, 12,
                    ConnectionOutcome.ESTABLISHED, "SF", port == 53 ? Direction.INTERNAL : Direction.OUTBOUND, false));
            if (port == 443) {
                events.add(new TlsSession(time, host, new Provenance(SOURCE, ++record), "C" + record, client, 50_000,
                        server, 443, "TLSv13", "TLS_AES_128_GCM_SHA256", name, true,
                        "e7d705a3286e19ea42f587b344ee6865", null, null, null, null, List.of(), List.of(), null));
            } else if (port == 80) {
                events.add(new HttpRequest(time, host, new Provenance(SOURCE, ++record), "C" + record, client, 50_000,
                        server, 80, "GET", name, "/index.html", null, "Mozilla/5.0", 200, 0, 4_000,
                        List.of("text/html"), List.of()));
            }
            if (port != 53 && random.nextInt(4) == 0) {
                events.add(new FirewallDecision(time, host, new Provenance(SOURCE, ++record), "fw1",
                        FirewallDecision.Verdict.ALLOW, "allow-web", Transport.TCP, client, 50_000, server, port,
                        Direction.OUTBOUND, service == null ? "unknown-tcp" : service.equals("http") ? "web-browsing"
                                : service, out, in));
            }
        }
        return events.subList(0, count);
    }
}
