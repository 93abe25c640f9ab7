package io.stagehunt.bench;

import io.stagehunt.event.Event;
import io.stagehunt.event.SourceFile;
import io.stagehunt.ingest.DecodedInput;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.LogFormat;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import io.stagehunt.ingest.firewall.NetfilterFormat;
import io.stagehunt.ingest.netflow.ArgusCsvFormat;
import io.stagehunt.net.NetworkScope;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Records per second of the Argus NetFlow reader and the netfilter firewall reader, each beside a
 * {@link BufferedReader} line count of the same bytes. The inputs are generated in memory (realistic field
 * values, seeded) so that disk speed does not enter the figures. Run with
 * {@code java -jar bench/target/benchmarks.jar FlowReaderBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@State(Scope.Benchmark)
public class FlowReaderBenchmark {

    static final int RECORDS = 100_000;

    private byte[] argus;
    private byte[] netfilter;

    @Setup(Level.Trial)
    public void generate() {
        argus = argusFlows(new Random(1));
        netfilter = netfilterLines(new Random(2));
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS + 1)
    public long argusLineBaseline() throws IOException {
        return countLines(argus);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS + 1)
    public long argusReader(Blackhole sink) throws IOException {
        return read(new ArgusCsvFormat(), argus, sink);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long netfilterLineBaseline() throws IOException {
        return countLines(netfilter);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long netfilterReader(Blackhole sink) throws IOException {
        return read(new NetfilterFormat(), netfilter, sink);
    }

    private static long countLines(byte[] content) throws IOException {
        long lines = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8), 1 << 16)) {
            while (reader.readLine() != null) {
                lines++;
            }
        }
        return lines;
    }

    private static long read(LogFormat format, byte[] content, Blackhole sink) throws IOException {
        FileAccount account = new FileAccount("bench");
        ReadContext context = new ReadContext(new SourceFile("bench", format.id()), account, NetworkScope.defaults());
        DecodedInput input = new DecodedInput() {
            @Override
            public String displayPath() {
                return "bench";
            }

            @Override
            public InputStream openDecoded() {
                return new ByteArrayInputStream(content);
            }
        };
        try (RecordReader reader = format.open(input, context)) {
            for (Event event = reader.next(); event != null; event = reader.next()) {
                sink.consume(event);
            }
        }
        if (account.quarantined() != 0 || account.produced() != RECORDS) {
            throw new IllegalStateException("generated input read badly: " + account.produced() + " produced, "
                    + account.quarantined() + " quarantined " + account.quarantineReasons());
        }
        return account.produced();
    }

    /** Slips-style Argus CSV: a header, then TCP, UDP and ICMP flows of a small network over a day. */
    static byte[] argusFlows(Random random) {
        StringBuilder out = new StringBuilder(RECORDS * 110);
        out.append("StartTime,Dur,Proto,SrcAddr,Sport,Dir,DstAddr,Dport,State,sTos,dTos,TotPkts,TotBytes,SrcBytes,")
                .append("SrcPkts,Label\n");
        String[] tcpStates = {"FSPA_FSPA", "SRPA_FSPA", "S_RA", "S_", "FSRPA_FSPA", "PA_PA", "SPA_SRPA"};
        long micros = 1_554_387_780_000_000L;
        for (int i = 0; i < RECORDS; i++) {
            micros += random.nextInt(900_000);
            int kind = random.nextInt(10);
            String proto = kind < 6 ? "tcp" : kind < 9 ? "udp" : "icmp";
            int packets = 1 + random.nextInt(40);
            int sourcePackets = Math.max(1, packets / 2);
            int bytes = packets * (60 + random.nextInt(900));
            int sourceBytes = Math.min(bytes, sourcePackets * (60 + random.nextInt(400)));
            out.append(time(micros)).append(',').append(random.nextInt(300)).append('.')
                    .append(String.format("%06d", random.nextInt(1_000_000))).append(',').append(proto).append(",10.8.0.")
                    .append(2 + random.nextInt(200)).append(',');
            if (proto.equals("icmp")) {
                out.append("0x0008,  <->,8.8.8.8,0x").append(String.format("%04x", random.nextInt(65536)))
                        .append(",ECO,0,0,");
            } else {
                out.append(1024 + random.nextInt(64000)).append(proto.equals("tcp") ? ",   ->," : ",  <->,")
                        .append(31 + random.nextInt(180)).append('.').append(random.nextInt(256)).append('.')
                        .append(random.nextInt(256)).append('.').append(1 + random.nextInt(254)).append(',')
                        .append(proto.equals("tcp") ? 443 : 53).append(',')
                        .append(proto.equals("tcp") ? tcpStates[random.nextInt(tcpStates.length)] : "CON")
                        .append(",0,0,");
            }
            out.append(packets).append(',').append(bytes).append(',').append(sourceBytes).append(',')
                    .append(sourcePackets).append(",\n");
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** UFW kernel log lines behind BSD syslog headers: inbound blocks and outbound allows. */
    static byte[] netfilterLines(Random random) {
        StringBuilder out = new StringBuilder(RECORDS * 260);
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int i = 0; i < RECORDS; i++) {
            int second = i / 4;
            out.append(months[(second / 86_400 / 28) % 12]).append(' ').append(String.format("%2d", 1 + second / 86_400 % 28))
                    .append(' ').append(String.format("%02d:%02d:%02d", second / 3600 % 24, second / 60 % 60, second % 60))
                    .append(" web01 kernel: [").append(1_834_000 + second).append('.')
                    .append(String.format("%06d", random.nextInt(1_000_000))).append("] ");
            if (random.nextBoolean()) {
                out.append("[UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:8e:21:7a:00:1c:7f:3a:91:c2:08:00 SRC=")
                        .append(45 + random.nextInt(150)).append('.').append(random.nextInt(256)).append('.')
                        .append(random.nextInt(256)).append('.').append(1 + random.nextInt(254))
                        .append(" DST=10.0.0.5 LEN=44 TOS=0x00 PREC=0x00 TTL=").append(230 + random.nextInt(20))
                        .append(" ID=").append(random.nextInt(65536)).append(" PROTO=TCP SPT=")
                        .append(1024 + random.nextInt(64000)).append(" DPT=").append(random.nextInt(10_000))
                        .append(" WINDOW=1024 RES=0x00 SYN URGP=0 \n");
            } else {
                out.append("[UFW ALLOW] IN= OUT=eth0 SRC=10.0.0.5 DST=203.0.113.").append(1 + random.nextInt(254))
                        .append(" LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=").append(random.nextInt(65536))
                        .append(" DF PROTO=TCP SPT=").append(32768 + random.nextInt(28000))
                        .append(" DPT=8443 WINDOW=64240 RES=0x00 SYN URGP=0 \n");
            }
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String time(long micros) {
        java.time.LocalDateTime time = java.time.LocalDateTime.ofEpochSecond(micros / 1_000_000L,
                (int) (micros % 1_000_000L) * 1000, java.time.ZoneOffset.UTC);
        return String.format("%04d/%02d/%02d %02d:%02d:%02d.%06d", time.getYear(), time.getMonthValue(),
                time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond(), micros % 1_000_000L);
    }
}
