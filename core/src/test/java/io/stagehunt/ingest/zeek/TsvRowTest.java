package io.stagehunt.ingest.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    private List<String> symbolsOf(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertThat(row.split(bytes, 0, bytes.length, 2)).isNull();
        return List.of(row.symbol(0), row.symbol(1));
    }
}
