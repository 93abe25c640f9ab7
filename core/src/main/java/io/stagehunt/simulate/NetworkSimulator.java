package io.stagehunt.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Simulates an office network's Zeek logs minute by minute: workstations browsing by day and idling by
 * night, a DNS resolver forwarding cache misses upstream, OS telemetry every few minutes, and, if asked, one
 * workstation walked through a multi-stage intrusion (stage-1 download, DGA lookups, a burst of failed
 * callbacks, a jittered TLS beacon with occasional tasking, and a large upload). Not thread-safe.
 */
public final class NetworkSimulator {

    /** What was written, and where the planted intrusion is, for READMEs and tests. */
    public record Result(long bytes, long records, long hosts, String victim, String stageOneUrl, String c2Name,
            String c2Address, String exfilAddress, long intrusionStartMicros) {
    }

    private static final long SECOND = 1_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final String RESOLVER = "10.20.0.2";
    private static final String[] UPSTREAMS = {"8.8.8.8", "1.1.1.1"};
    private static final String[] BROWSER_JA3 = {"773906b0efdefa24a7f2b8eb6985bf37", "cd08e31494f9531f560d64c695473da9"};
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.0.0"};
    private static final String C2_NAME = "cdn.telemetry-sync.net";
    private static final String C2_ADDRESS = "45.147.229.11";
    private static final String STAGE_ONE_HOST = "secure-docview.top";
    private static final String STAGE_ONE_ADDRESS = "91.215.85.142";
    private static final String STAGE_ONE_URI = "/view/INV-20240311.exe";
    private static final String[] FALLBACK_C2 = {"45.147.229.12", "194.26.192.77", "89.248.165.52"};
    private static final String EXFIL_NAME = "upload.tmpfiles-share.io";
    private static final String EXFIL_ADDRESS = "185.243.115.84";

    private final SimulationSettings settings;
    private final Random random;
    private final DomainCatalog catalog = new DomainCatalog();
    private final List<String> workstations = new ArrayList<>();
    private final List<LogRecord> pending = new ArrayList<>();
    private final int victimIndex;
    private final long intrusionStart;
    private long nextBeacon;
    private long beats;

    private NetworkSimulator(SimulationSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        for (int i = 0; i < settings.hosts(); i++) {
            workstations.add("10.20." + (30 + i / 200) + "." + (10 + i % 200));
        }
        this.victimIndex = Math.min(7, settings.hosts() - 1);
        long period = settings.hours() * HOUR;
        this.intrusionStart = settings.startMicros() + Math.max(HOUR, period * 3 / 10) + 17 * MINUTE + 23 * SECOND;
        this.nextBeacon = intrusionStart + 95 * SECOND;
    }

    /** Writes conn, dns, http, ssl and files logs for the simulated period into {@code folder}. */
    public static Result run(SimulationSettings settings, Path folder) throws IOException {
        return new NetworkSimulator(settings).write(folder);
    }

    private Result write(Path folder) throws IOException {
        Files.createDirectories(folder);
        DateTimeFormatter stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss", Locale.ROOT).withZone(ZoneOffset.UTC);
        long end = settings.startMicros() + settings.hours() * HOUR;
        String open = stamp.format(Instant.ofEpochSecond(settings.startMicros() / SECOND));
        String close = stamp.format(Instant.ofEpochSecond(end / SECOND));
        Map<SimulatedLog, ZeekTsvWriter> writers = new EnumMap<>(SimulatedLog.class);
        long records = 0;
        try {
            for (SimulatedLog log : SimulatedLog.values()) {
                writers.put(log, new ZeekTsvWriter(folder.resolve(log.path() + ".log"), log.path(), log.fields(),
                        log.types(), open, close));
            }
            for (long minute = settings.startMicros(); minute < end; minute += MINUTE) {
                simulateMinute(minute);
                pending.sort(Comparator.comparingLong(LogRecord::timeMicros));
                for (LogRecord record : pending) {
                    writers.get(record.log()).row(record.line());
                }
                records += pending.size();
                pending.clear();
                if (settings.maxBytes() > 0 && bytes(writers) >= settings.maxBytes()) {
                    break;
                }
            }
        } finally {
            for (ZeekTsvWriter writer : writers.values()) {
                writer.close();
            }
        }
        return new Result(bytes(writers), records, workstations.size(),
                settings.intrusion() ? workstations.get(victimIndex) : null,
                "http://" + STAGE_ONE_HOST + STAGE_ONE_URI, C2_NAME, C2_ADDRESS, EXFIL_ADDRESS, intrusionStart);
    }

    private static long bytes(Map<SimulatedLog, ZeekTsvWriter> writers) {
        return writers.values().stream().mapToLong(ZeekTsvWriter::bytes).sum();
    }

    private void simulateMinute(long minute) {
        int hourOfDay = (int) ((minute / HOUR) % 24);
        boolean workHours = hourOfDay >= 8 && hourOfDay < 18;
        for (int i = 0; i < workstations.size(); i++) {
            String host = workstations.get(i);
            double sessionsPerMinute = workHours ? 0.45 : (i % 5 == 0 ? 0.03 : 0.0);
            int sessions = poisson(sessionsPerMinute);
            for (int s = 0; s < sessions; s++) {
                browse(host, i, minute + (long) (random.nextDouble() * MINUTE));
            }
            if ((minute / MINUTE + i) % 15 == 0 && (workHours || i % 5 == 0)) {
                telemetry(host, minute + (long) (random.nextDouble() * MINUTE));
            }
        }
        if (settings.intrusion()) {
            intrusion(minute);
        }
    }

    private void browse(String host, int hostIndex, long time) {
        DomainCatalog.Site site = catalog.pick(random);
        String address = site.addresses().get(random.nextInt(site.addresses().size()));
        if (random.nextDouble() < 0.6) {
            lookup(host, time, site.name(), address, false);
            time += 20 * 1000 + (long) (random.nextDouble() * 200_000);
        }
        int connections = 1 + random.nextInt(4);
        for (int c = 0; c < connections; c++) {
            long start = time + c * (long) (random.nextDouble() * 800_000);
            if (site.plainHttp()) {
                httpGet(host, start, site.name(), address, randomPath(), USER_AGENTS[hostIndex % 2], "text/html",
                        logNormal(12_000, 1.0));
            } else {
                tls(host, start, site.name(), address, 443, logNormal(3_000_000, 1.2), logNormal(900, 0.5),
                        logNormal(40_000, 1.5), BROWSER_JA3[hostIndex % 2]);
            }
        }
    }

    private void telemetry(String host, long time) {
        DomainCatalog.Site site = catalog.named("graph.microsoft.com");
        tls(host, time, "settings-win.data.microsoft.com", site.addresses().get(0), 443, logNormal(400_000, 0.3),
                logNormal(1_200, 0.2), logNormal(5_500, 0.2), "28a2c9bd18a11de089ef85a160da29e4");
    }

    private void intrusion(long minute) {
        String victim = workstations.get(victimIndex);
        long end = minute + MINUTE;
        if (intrusionStart >= minute && intrusionStart < end) {
            stageOne(victim, intrusionStart);
        }
        long burst = intrusionStart + 40 * SECOND;
        if (burst >= minute && burst < end) {
            dgaAndBurst(victim, burst);
        }
        while (nextBeacon < end) {
            if (nextBeacon >= minute) {
                beacon(victim, nextBeacon);
            }
            nextBeacon += (long) (45 * SECOND * (0.85 + 0.3 * random.nextDouble()));
        }
        long exfil = intrusionStart + 3 * HOUR + 11 * MINUTE;
        if (exfil >= minute && exfil < end) {
            lookup(victim, exfil, EXFIL_NAME, EXFIL_ADDRESS, false);
            tls(victim, exfil + 40_000, EXFIL_NAME, EXFIL_ADDRESS, 443, 412 * SECOND, 48_700_000, 9_800,
                    "a0e9f5d64349fb13191bc781f81f42e1");
        }
    }

    private void stageOne(String victim, long time) {
        lookup(victim, time, STAGE_ONE_HOST, STAGE_ONE_ADDRESS, false);
        String uid = uid();
        long start = time + 35_000;
        conn(start, uid, victim, ephemeral(), STAGE_ONE_ADDRESS, 80, "tcp", "http", 2.3, 412, 242_310, "SF",
                "ShADadfF", 9, 176);
        add(start + 1_000, SimulatedLog.HTTP, String.join("\t", ts(start + 1_000), uid, victim, "49702",
                STAGE_ONE_ADDRESS, "80", "1", "GET", STAGE_ONE_HOST, STAGE_ONE_URI, "-", "1.1",
                "Microsoft BITS/7.8", "-", "0", "241664", "200", "OK", "-", "-", "(empty)", "-", "-", "-", "-", "-",
                "-", "FxQb6k2R0ylcJ9Yw3", "-", "application/x-dosexec"));
        add(start + 1_200, SimulatedLog.FILES, String.join("\t", ts(start + 1_200), "FxQb6k2R0ylcJ9Yw3", uid, victim,
                "49702", STAGE_ONE_ADDRESS, "80", "HTTP", "0", "MD5,SHA1,PE", "application/x-dosexec",
                "INV-20240311.exe", "2.102114", "T", "F", "241664", "241664", "0", "0", "F", "-",
                "5f2b7d8e1c3a4b6d9e0f1a2b3c4d5e6f", "9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d",
                "3e1f5a7c9b2d4f6e8a0c2e4f6a8b0d2f4e6a8c0e2f4a6c8e0b2d4f6a8c0e2f4a", "-", "-", "-"));
    }

    private void dgaAndBurst(String victim, long time) {
        for (int i = 0; i < 14; i++) {
            lookup(victim, time + i * 700_000, randomLabel(10 + random.nextInt(6)) + (i % 2 == 0 ? ".info" : ".top"),
                    null, true);
        }
        long attempts = time + 12 * SECOND;
        for (int i = 0; i < 24; i++) {
            String target = FALLBACK_C2[i % FALLBACK_C2.length];
            boolean rejected = i % 3 == 1;
            conn(attempts + i * 1_100_000L, uid(), victim, ephemeral(), target, 8443, "tcp", "-",
                    rejected ? 0.000412 : -1, rejected ? 0 : -1, rejected ? 0 : -1, rejected ? "REJ" : "S0",
                    rejected ? "Sr" : "S", rejected ? 1 : 2, rejected ? 1 : 0);
        }
        lookup(victim, attempts + 30 * SECOND, C2_NAME, C2_ADDRESS, false);
    }

    private void beacon(String victim, long time) {
        beats++;
        boolean tasking = beats % 23 == 0;
        tls(victim, time, C2_NAME, C2_ADDRESS, 443, logNormal(600_000, 0.1), 640 + random.nextInt(60),
                tasking ? 35_000 + random.nextInt(2_000) : 1_400 + random.nextInt(90),
                "a0e9f5d64349fb13191bc781f81f42e1");
    }

    private void lookup(String client, long time, String name, String address, boolean nxdomain) {
        String uid = uid();
        int port = ephemeral();
        String transaction = String.valueOf(random.nextInt(65536));
        double rtt = 0.0004 + random.nextDouble() * 0.002;
        boolean miss = nxdomain || random.nextDouble() < 0.25;
        if (miss) {
            rtt += 0.012 + random.nextDouble() * 0.02;
            String upstream = UPSTREAMS[random.nextInt(UPSTREAMS.length)];
            long forwarded = time + 300;
            String upstreamUid = uid();
            conn(forwarded, upstreamUid, RESOLVER, ephemeral(), upstream, 53, "udp", "dns", rtt - 0.001,
                    name.length() + 18, nxdomain ? name.length() + 18 : name.length() + 34, "SF", "Dd", 1, 1);
            add(forwarded, SimulatedLog.DNS, dnsLine(forwarded, upstreamUid, RESOLVER, ephemeral(), upstream,
                    String.valueOf(random.nextInt(65536)), rtt - 0.001, name, address, nxdomain));
        }
        conn(time, uid, client, port, RESOLVER, 53, "udp", "dns", rtt, name.length() + 18,
                nxdomain ? name.length() + 18 : name.length() + 34, "SF", "Dd", 1, 1);
        add(time, SimulatedLog.DNS, dnsLine(time, uid, client, port, RESOLVER, transaction, rtt, name, address,
                nxdomain));
    }

    private String dnsLine(long time, String uid, String client, int port, String server, String transaction,
            double rtt, String name, String address, boolean nxdomain) {
        return String.join("\t", ts(time), uid, client, String.valueOf(port), server, "53", "udp", transaction,
                String.format(Locale.ROOT, "%.6f", rtt), name, "1", "C_INTERNET", "1", "A", nxdomain ? "3" : "0",
                nxdomain ? "NXDOMAIN" : "NOERROR", "F", "F", "T", "T", "0", nxdomain ? "-" : address,
                nxdomain ? "-" : "300.000000", "F");
    }

    private void tls(String client, long time, String name, String address, int port, long durationMicros,
            long sent, long received, String ja3) {
        String uid = uid();
        int source = ephemeral();
        conn(time, uid, client, source, address, port, "tcp", "ssl", durationMicros / 1e6, sent, received, "SF",
                "ShADadFf", Math.max(4, sent / 600 + 3), Math.max(4, received / 1400 + 3));
        add(time + 30_000, SimulatedLog.SSL, String.join("\t", ts(time + 30_000), uid, client,
                String.valueOf(source), address, String.valueOf(port), "TLSv13", "TLS_AES_128_GCM_SHA256", "x25519",
                name, "F", "-", "-", "T", "CsiI", "-", "-", "-", ja3, "eb1d94daa7e0344597e756a1fb6e7054"));
    }

    private void httpGet(String client, long time, String host, String address, String uri, String agent,
            String mime, long size) {
        String uid = uid();
        int source = ephemeral();
        conn(time, uid, client, source, address, 80, "tcp", "http", 0.2 + random.nextDouble(), 420, size + 300,
                "SF", "ShADadfF", 6, Math.max(4, size / 1400 + 3));
        add(time + 20_000, SimulatedLog.HTTP, String.join("\t", ts(time + 20_000), uid, client,
                String.valueOf(source), address, "80", "1", "GET", host, uri, "-", "1.1", agent, "-", "0",
                String.valueOf(size), "200", "OK", "-", "-", "(empty)", "-", "-", "-", "-", "-", "-", uid("F"), "-",
                mime));
    }

    private void conn(long time, String uid, String client, int clientPort, String server, int serverPort,
            String proto, String service, double durationSeconds, long sent, long received, String state,
            String history, long sentPackets, long receivedPackets) {
        boolean local = client.startsWith("10.");
        boolean localServer = server.startsWith("10.");
        add(time, SimulatedLog.CONN, String.join("\t", ts(time), uid, client, String.valueOf(clientPort), server,
                String.valueOf(serverPort), proto, service,
                durationSeconds < 0 ? "-" : String.format(Locale.ROOT, "%.6f", durationSeconds),
                sent < 0 ? "-" : String.valueOf(sent), received < 0 ? "-" : String.valueOf(received), state,
                local ? "T" : "F", localServer ? "T" : "F", "0", history, String.valueOf(sentPackets),
                String.valueOf(Math.max(0, sent) + sentPackets * 40), String.valueOf(receivedPackets),
                String.valueOf(Math.max(0, received) + receivedPackets * 40), "-"));
    }

    private void add(long time, SimulatedLog log, String line) {
        pending.add(new LogRecord(time, log, line));
    }

    private static String ts(long micros) {
        String fraction = Long.toString(1_000_000L + micros % SECOND);
        return micros / SECOND + "." + fraction.substring(1);
    }

    private String uid() {
        return uid("C");
    }

    private String uid(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 17; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private String randomLabel(int length) {
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < length; i++) {
            label.append((char) ('a' + random.nextInt(26)));
        }
        return label.toString();
    }

    private String randomPath() {
        String[] paths = {"/", "/index.html", "/news/", "/static/app.js", "/img/logo.png", "/search?q=report"};
        return paths[random.nextInt(paths.length)];
    }

    private int ephemeral() {
        return 49152 + random.nextInt(16384);
    }

    private long logNormal(double median, double sigma) {
        return Math.max(1, (long) (median * Math.exp(sigma * random.nextGaussian())));
    }

    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
