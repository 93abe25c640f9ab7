package io.stagehunt.bench;

import io.stagehunt.ingest.suricata.SuricataEveFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Suricata EVE records per second, parsed to events (DNS queries and answers joined per transaction), beside
 * line splitting alone and Jackson tree parsing of the same bytes. The generated mix follows a typical sensor's
 * EVE: flows, DNS queries with their answers, TLS, HTTP with its fileinfo, and a few alerts and stats. Scores
 * are records (lines) per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class SuricataEveBenchmark {

    static final int RECORDS = 20_000;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx").withZone(ZoneOffset.ofHours(1));

    private byte[] content;

    @Setup
    public void generate() {
        content = eve(new Random(42), RECORDS).getBytes(StandardCharsets.UTF_8);
    }

    static String eve(Random random, int records) {
        StringBuilder out = new StringBuilder(records * 600);
        long micros = 1_709_650_800_000_000L;
        int written = 0;
        while (written < records) {
            micros += random.nextInt(20_000);
            long flowId = random.nextLong() & 0x7_FFFF_FFFF_FFFFL;
            String client = "10.20." + random.nextInt(4) + "." + (1 + random.nextInt(254));
            int clientPort = 1024 + random.nextInt(64_000);
            String server = (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + (1 + random.nextInt(254));
            int kind = random.nextInt(100);
            if (kind < 45) {
                line(out, micros, flowId, "flow", client, clientPort, server, 443, "TCP",
                        "\"app_proto\":\"tls\",\"flow\":{\"pkts_toserver\":" + (1 + random.nextInt(300))
                                + ",\"pkts_toclient\":" + random.nextInt(300) + ",\"bytes_toserver\":"
                                + random.nextInt(90_000) + ",\"bytes_toclient\":" + random.nextInt(900_000)
                                + ",\"start\":\"" + time(micros - 30_000_000L) + "\",\"end\":\"" + time(micros)
                                + "\",\"age\":30,\"state\":\"closed\",\"reason\":\"timeout\",\"alerted\":false},"
                                + "\"tcp\":{\"tcp_flags\":\"1b\",\"tcp_flags_ts\":\"1b\",\"tcp_flags_tc\":\"1b\","
                                + "\"syn\":true,\"fin\":true,\"psh\":true,\"ack\":true,\"state\":\"closed\"}");
                written++;
            } else if (kind < 75) {
                int id = random.nextInt(65_536);
                String name = Long.toString(random.nextLong() & Long.MAX_VALUE, 36).substring(0, 8) + ".example.com";
                line(out, micros, flowId, "dns", client, clientPort, "10.20.0.2", 53, "UDP",
                        "\"dns\":{\"version\":2,\"type\":\"query\",\"id\":" + id + ",\"rrname\":\"" + name
                                + "\",\"rrtype\":\"A\",\"tx_id\":0,\"opcode\":0}");
                line(out, micros + 12_000, flowId, "dns", client, clientPort, "10.20.0.2", 53, "UDP",
                        "\"dns\":{\"version\":2,\"type\":\"answer\",\"id\":" + id + ",\"flags\":\"8180\",\"qr\":true,"
                                + "\"rd\":true,\"ra\":true,\"opcode\":0,\"rrname\":\"" + name + "\",\"rrtype\":\"A\","
                                + "\"rcode\":\"NOERROR\",\"answers\":[{\"rrname\":\"" + name + "\",\"rrtype\":\"A\","
                                + "\"ttl\":300,\"rdata\":\"" + server + "\"}],\"grouped\":{\"A\":[\"" + server + "\"]}}");
                written += 2;
            } else if (kind < 87) {
                line(out, micros, flowId, "tls", client, clientPort, server, 443, "TCP",
                        "\"tls\":{\"subject\":\"CN=www.example.org\",\"issuerdn\":\"C=US, O=Example Trust, CN=Example "
                                + "TLS CA\",\"serial\":\"17:8E:1E:D7:BD:75\",\"fingerprint\":\"2d:d1:9f:80:99:86:fc:ac:5f:"
                                + "2a:2a:fd:a3:f3:7e:96:7c:dd:24:37\",\"sni\":\"www.example.org\",\"version\":\"TLS 1.2\","
                                + "\"notbefore\":\"2024-01-01T00:00:00\",\"notafter\":\"2025-01-01T00:00:00\"}");
                written++;
            } else if (kind < 97) {
                String http = "\"http\":{\"hostname\":\"www.example.org\",\"url\":\"/static/app.js?v="
                        + random.nextInt(1000) + "\",\"http_user_agent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)"
                        + "\",\"http_content_type\":\"application/javascript\",\"http_method\":\"GET\","
                        + "\"protocol\":\"HTTP/1.1\",\"status\":200,\"length\":" + random.nextInt(90_000) + "}";
                line(out, micros, flowId, "http", client, clientPort, server, 80, "TCP", "\"tx_id\":0," + http);
                line(out, micros + 900, flowId, "fileinfo", server, 80, client, clientPort, "TCP", http
                        + ",\"app_proto\":\"http\",\"fileinfo\":{\"filename\":\"/static/app.js\",\"gaps\":false,"
                        + "\"state\":\"CLOSED\",\"stored\":false,\"size\":" + random.nextInt(90_000) + ",\"tx_id\":0}");
                written += 2;
            } else if (kind < 99) {
                line(out, micros, flowId, "alert", server, 443, client, clientPort, "TCP",
                        "\"alert\":{\"action\":\"allowed\",\"gid\":1,\"signature_id\":2403388,\"rev\":66418,"
                                + "\"signature\":\"ET CINS Active Threat Intelligence Poor Reputation IP group 89\","
                                + "\"category\":\"Misc Attack\",\"severity\":2}");
                written++;
            } else {
                out.append("{\"timestamp\":\"").append(time(micros)).append("\",\"event_type\":\"stats\",\"stats\":"
                        + "{\"uptime\":60,\"capture\":{\"kernel_packets\":1024,\"kernel_drops\":0}}}\n");
                written++;
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, long micros, long flowId, String type, String source, int sourcePort,
            String destination, int destinationPort, String proto, String body) {
        out.append("{\"timestamp\":\"").append(time(micros)).append("\",\"flow_id\":").append(flowId)
                .append(",\"in_iface\":\"eth1\",\"event_type\":\"").append(type).append("\",\"src_ip\":\"")
                .append(source).append("\",\"src_port\":").append(sourcePort).append(",\"dest_ip\":\"")
                .append(destination).append("\",\"dest_port\":").append(destinationPort).append(",\"proto\":\"")
                .append(proto).append("\",").append(body).append("}\n");
    }

    private static String time(long micros) {
        return TIME.format(Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000L));
    }

    /** Lines written, which can exceed {@link #RECORDS} by one when the mix ends on a pair. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long eveMixToEvents(Blackhole sink) throws IOException {
        return JsonLines.toEvents(new SuricataEveFormat(), content, sink);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long baselineLineSplit(Blackhole sink) throws IOException {
        return JsonLines.splitOnly(content, sink);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long baselineJacksonTree(Blackhole sink) throws IOException {
        return JsonLines.treeParse(content, sink);
    }
}
