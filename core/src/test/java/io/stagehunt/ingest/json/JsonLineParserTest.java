package io.stagehunt.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.ingest.json.JsonRecord.Kind;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JsonLineParserTest {

    private static final JsonSchema.Builder BUILDER = JsonSchema.builder();
    private static final int TS = BUILDER.field("ts");
    private static final int ORIG_H = BUILDER.field("id", "orig_h");
    private static final int FILE_ID = BUILDER.field("id");
    private static final int RDATA = BUILDER.column(new String[] {"dns", "answers"}, "rdata");
    private static final int TTL = BUILDER.column(new String[] {"dns", "answers"}, "ttl");
    private static final int[] GROUPED = BUILDER.groupedArrays("dns", "grouped");
    private static final int TAGS = BUILDER.field("tags");
    private static final JsonSchema SCHEMA = alias(BUILDER).build();

    private static JsonSchema.Builder alias(JsonSchema.Builder builder) {
        builder.alias("id.orig_h", ORIG_H);
        builder.alias("id_orig_h", ORIG_H);
        return builder;
    }

    private final JsonLineParser parser = new JsonLineParser(SCHEMA);
    private final JsonRecord record = new JsonRecord(SCHEMA);

    private String parse(String line) {
        return parse(line.getBytes(StandardCharsets.UTF_8));
    }

    private String parse(byte[] bytes) {
        byte[] padded = new byte[bytes.length + 6];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        return parser.parse(padded, 3, 3 + bytes.length, record);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"id.orig_h\":\"10.0.0.1\"}",
            "{\"id_orig_h\":\"10.0.0.1\"}",
            "{\"id\":{\"orig_h\":\"10.0.0.1\",\"orig_p\":5}}"})
    void findsAFieldUnderEverySpelling(String line) {
        assertThat(parse(line)).isNull();

        assertThat(record.string(ORIG_H)).isEqualTo("10.0.0.1");
        assertThat(record.kind(FILE_ID)).isEqualTo(Kind.ABSENT);
    }

    @Test
    void keyCanBeALeafOrAnObjectDependingOnTheValue() {
        assertThat(parse("{\"id\":\"FfK3Fo2rIYYGu5yBpb\"}")).isNull();

        assertThat(record.string(FILE_ID)).isEqualTo("FfK3Fo2rIYYGu5yBpb");
        assertThat(record.has(ORIG_H)).isFalse();
    }

    @Test
    void valuesOfAnEarlierLineAreGone() {
        parse("{\"ts\":1.5,\"tags\":[\"a\"]}");
        parse("{\"id\":\"F1\"}");

        assertThat(record.kind(TS)).isEqualTo(Kind.ABSENT);
        assertThat(record.array(TAGS)).isEmpty();
        assertThat(record.topLevelKeys()).containsExactly("id");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "1517336042.279652, 1517336042279652",
            "0.09628199999999865, 96281",
            "-1.5, -1500000",
            "60.000000, 60000000",
            "1.5e3, 1500000000",
            "1234567890123.5, 1234567890123500000"})
    void decimalsBecomeMillionthsWithoutRounding(String number, long millionths) {
        assertThat(parse("{\"ts\":" + number + "}")).isNull();

        assertThat(record.kind(TS)).isEqualTo(Kind.DECIMAL);
        assertThat(record.number(TS)).isEqualTo(millionths);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"ts\":1e400}| TOO_LARGE",
            "{\"ts\":92233720368547758070}| TOO_LARGE",
            "{\"ts\":9223372036854775807}| INTEGER",
            "{\"ts\":null}| NULL",
            "{\"ts\":{}}| OBJECT",
            "{\"ts\":false}| FALSE"})
    void everyValueHasAKind(String line, Kind kind) {
        assertThat(parse(line)).isNull();

        assertThat(record.kind(TS)).isEqualTo(kind);
    }

    @Test
    void columnsOfAnArrayOfObjectsStayAligned() {
        assertThat(parse("{\"dns\":{\"answers\":[{\"rdata\":\"a.example\",\"ttl\":60},"
                + "{\"srv\":{\"port\":389},\"ttl\":600},{\"rdata\":\"192.0.2.7\"}]}}")).isNull();

        assertThat(record.array(RDATA)).containsExactly("a.example", null, "192.0.2.7");
        assertThat(record.array(TTL)).containsExactly("60", "600", null);
        assertThat(record.irregular(RDATA)).isFalse();
    }

    @Test
    void elementsThatAreNotObjectsMakeTheColumnsIrregular() {
        assertThat(parse("{\"dns\":{\"answers\":[\"192.0.2.7\"]}}")).isNull();

        assertThat(record.irregular(RDATA)).isTrue();
    }

    @Test
    void groupedArraysKeepTheirKeysAndTurnStructuresIntoNulls() {
        assertThat(parse("{\"dns\":{\"grouped\":{\"A\":[\"192.0.2.1\",\"192.0.2.2\"],\"CNAME\":[\"b.example\"],"
                + "\"SRV\":[{\"port\":389}]}}}")).isNull();

        assertThat(record.array(GROUPED[0])).containsExactly("192.0.2.1", "192.0.2.2", "b.example", null);
        assertThat(record.array(GROUPED[1])).containsExactly("A", "A", "CNAME", "SRV");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void refusesWhatIsNotExactlyOneJsonObject(byte[] line, String reason) {
        assertThat(parse(line)).isEqualTo(reason);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(bytes("{\"ts\":1.5,\"id\":\"F"), "truncated JSON (the line ends inside a value)"),
                Arguments.of(bytes("{\"ts\":1.5} {\"ts\":2}"), "trailing content after the JSON object"),
                Arguments.of(bytes("{\"ts\":1.5}garbage"), "malformed JSON: Unrecognized token"),
                Arguments.of(bytes("[1,2,3]"), "not a JSON object"),
                Arguments.of(bytes("   "), "not a JSON object"),
                Arguments.of(bytes("{\"ts\":1.5,}"), "malformed JSON: Unexpected character"),
                Arguments.of(bytes("{\"ts\":\"a\u0001b\"}"), "malformed JSON: Illegal unquoted character"),
                Arguments.of(bytes("{\"ts\":tru}"), "malformed JSON: Unrecognized token"),
                Arguments.of(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, '(', '"', '}'}, "invalid UTF-8"),
                Arguments.of(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                        "invalid UTF-8"),
                Arguments.of(new byte[] {'{', '"', 't', '"', ':', 0, '}'}, "NUL byte in line"),
                Arguments.of(bytes("{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
                        "JSON nested deeper than 64 levels"),
                Arguments.of(bytes("{\"x\":" + "9".repeat(100) + "}"), "JSON number longer than 64 characters"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
