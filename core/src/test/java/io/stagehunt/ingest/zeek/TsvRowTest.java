package io.stagehunt.ingest.zeek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TsvRowTest {

    private final TsvRow row = new TsvRow();

    @Test
    void vocabularyValuesReadAsTheirTextAndRepeatsShareOneString() {
        row.columns(List.of("proto", "state"), new int[] {0, 1});
        String first = symbolsOf("tcp\tSF").get(0);
        List<String> again = symbolsOf("tcp\tSF");
        assertThat(again).containsExactly("tcp", "SF");
        assertThat(again.get(0)).isSameAs(first);
    }

    @Test
    void escapedEmptyAndUnsetValuesReadExactlyAsText() {
        row.columns(List.of("a", "b"), new int[] {0, 1});
        String[] lines = {
                "\\x28empty)\t(empty)", // an escaped value that spells the empty marker, then the marker
                "(empty)\t\\x28empty)",
                "\\x5cx41\t\\x41", // decodes to the raw spelling of the next column
                "\\x41\t\\x5cx41",
                "-\t\\x2d",
                "\\x2d\t-",
                "caf\u00e9\tcaf\u00e9",
                "udp\tS0",
                "udp\tS0"
        };
        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(row.split(bytes, 0, bytes.length, 2)).isNull();
            for (int slot = 0; slot < 2; slot++) {
                assertThat(row.symbol(slot)).as(line + " [" + slot + "]").isEqualTo(row.text(slot));
            }
        }
    }

    @Test
    void intervalSetsReadAsTheDoublesTheirTextSpells() throws MalformedFieldException {
        row.columns(List.of("TTLs"), new int[] {0});
        String[] values = {"300.000000", "59.999999", "0.1", "86400", "0.000001", "1.2345678", "1e3", "7.5E-1",
            "8999999999.999999", "999999999999.000001"};
        byte[] bytes = String.join(",", values).getBytes(StandardCharsets.UTF_8);
        assertThat(row.split(bytes, 0, bytes.length, 1)).isNull();

        List<Double> read = row.seconds(0);

        assertThat(read).hasSize(values.length);
        for (int i = 0; i < values.length; i++) {
            assertThat(read.get(i)).as(values[i]).isEqualTo(Double.parseDouble(values[i]));
        }
    }

    /** Counts and intervals are never negative; a set of seconds holds finite numbers only. */
    @ParameterizedTest(name = "[{1}] as {0} is malformed")
    @CsvSource({
        "count, -500",
        "count, -1",
        "interval, -3.5",
        "seconds, -2.5",
        "seconds, NaN",
        "seconds, Infinity",
        "seconds, '1,-Infinity'",
    })
    void negativeAndNonFiniteNumbersAreMalformed(String kind, String value) {
        row.columns(List.of("field"), new int[] {0});
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        assertThat(row.split(bytes, 0, bytes.length, 1)).isNull();

        assertThatThrownBy(() -> {
            switch (kind) {
                case "count" -> row.count(0);
                case "interval" -> row.interval(0);
                default -> row.seconds(0);
            }
        }).isInstanceOf(MalformedFieldException.class).hasMessageStartingWith("field 'field'");
    }

    @Test
    void aMalformedIntervalInASetIsNamedInTheError() {
        row.columns(List.of("TTLs"), new int[] {0});
        byte[] bytes = "60.000000,sixty".getBytes(StandardCharsets.UTF_8);
        assertThat(row.split(bytes, 0, bytes.length, 1)).isNull();

        assertThatThrownBy(() -> row.seconds(0)).isInstanceOf(MalformedFieldException.class)
                .hasMessageContaining("TTLs").hasMessageContaining("'sixty'");
    }

    @Test
    void aTimeTooLargeForMicrosecondsIsMalformedNotWrappedAround() throws MalformedFieldException {
        row.columns(List.of("ts", "duration"), new int[] {0, 1});
        byte[] bytes = "9999999999999.000000\t999999999999.5".getBytes(StandardCharsets.UTF_8);
        assertThat(row.split(bytes, 0, bytes.length, 2)).isNull();

        assertThatThrownBy(() -> row.time(0)).isInstanceOf(MalformedFieldException.class);
        assertThat(row.interval(1)).isEqualTo(999_999_999_999_500_000L);
    }

    private List<String> symbolsOf(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertThat(row.split(bytes, 0, bytes.length, 2)).isNull();
        return List.of(row.symbol(0), row.symbol(1));
    }

    @Test
    void splitRefusesMoreColumnsThanTheLimitInsteadOfOverrunning() {
        int wide = TsvRow.MAX_COLUMNS + 1;
        byte[] bytes = "-\t".repeat(wide - 1).concat("-").getBytes(StandardCharsets.US_ASCII);
        row.columns(List.of("a"), new int[] {0});

        assertThat(row.split(bytes, 0, bytes.length, wide)).contains("more than the limit of " + TsvRow.MAX_COLUMNS);
        assertThat(row.split(bytes, 0, bytes.length, wide - 1)).startsWith("expected " + (wide - 1) + " fields");
    }
}
