package io.stagehunt.bench;

import io.stagehunt.ingest.zeek.ZeekJsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
 * Zeek JSON {@code conn.log} records per second, parsed to {@link io.stagehunt.event.Connection} events, beside
 * line splitting alone and Jackson tree parsing of the same bytes. Scores are records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class ZeekJsonBenchmark {

    static final int RECORDS = 20_000;

    private byte[] content;

    @Setup
    public void generate() {
        content = conn(new Random(42), RECORDS).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Conn records as Zeek's JSON writer prints them: internal clients talking to the internet and to each
     * other over TCP and UDP, with the usual spread of states, some fields unset.
     */
    static String conn(Random random, int records) {
        StringBuilder out = new StringBuilder(records * 420);
        String[] states = {"SF", "SF", "SF", "S0", "REJ", "RSTO", "SH", "OTH"};
        String[] services = {"ssl", "http", "dns", null};
        double ts = 1_709_650_800.0;
        for (int i = 0; i < records; i++) {
            ts += random.nextDouble() * 0.05;
            boolean udp = random.nextInt(4) == 0;
            String state = udp ? (random.nextBoolean() ? "SF" : "S0") : states[random.nextInt(states.length)];
            String service = services[random.nextInt(services.length)];
            out.append("{\"ts\":").append(String.format(Locale.ROOT, "%.6f", ts))
                    .append(",\"uid\":\"C").append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36))
                    .append("\",\"id.orig_h\":\"10.").append(20 + random.nextInt(4)).append('.')
                    .append(random.nextInt(256)).append('.').append(1 + random.nextInt(254))
                    .append("\",\"id.orig_p\":").append(1024 + random.nextInt(64_000))
                    .append(",\"id.resp_h\":\"").append(random.nextInt(5) == 0 ? "10.20.0." + (1 + random.nextInt(20))
                            : (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                                    + (1 + random.nextInt(254)))
                    .append("\",\"id.resp_p\":").append(udp ? 53 : random.nextBoolean() ? 443 : 80)
                    .append(",\"proto\":\"").append(udp ? "udp" : "tcp").append('"');
            if (service != null) {
                out.append(",\"service\":\"").append(udp ? "dns" : service).append('"');
            }
            if (!state.equals("S0") || random.nextBoolean()) {
                out.append(",\"duration\":").append(String.format(Locale.ROOT, "%.6f", random.nextDouble() * 120))
                        .append(",\"orig_bytes\":").append(random.nextInt(20_000))
                        .append(",\"resp_bytes\":").append(random.nextInt(2_000_000));
            }
            out.append(",\"conn_state\":\"").append(state).append('"')
                    .append(",\"local_orig\":true,\"local_resp\":false,\"missed_bytes\":0,\"history\":\"ShADadFf\"")
                    .append(",\"orig_pkts\":").append(1 + random.nextInt(400))
                    .append(",\"orig_ip_bytes\":").append(random.nextInt(40_000))
                    .append(",\"resp_pkts\":").append(random.nextInt(2_000))
                    .append(",\"resp_ip_bytes\":").append(random.nextInt(2_100_000))
                    .append("}\n");
        }
        return out.toString();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long zeekJsonConnToEvents(Blackhole sink) throws IOException {
        return JsonLines.toEvents(new ZeekJsonFormat(), content, sink);
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
