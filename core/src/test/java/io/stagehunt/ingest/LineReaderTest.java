package io.stagehunt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a\\nb\\nc\\n|a,b,c",
            "a\\nb\\nc|a,b,c",
            "a\\r\\nb\\r\\n|a,b",
            "\\n\\nx\\n|,,x",
            "|''"
    })
    void splitsLinesAndCountsEachOneRead(String input, String expected) throws IOException {
        String text = input == null ? "" : input.replace("\\n", "\n").replace("\\r", "\r");
        FileAccount account = new FileAccount("t");
        List<String> lines = readAll(text.getBytes(StandardCharsets.UTF_8), account, 1024);
        List<String> wanted = expected.isEmpty() ? List.of() : List.of(expected.split(",", -1));
        assertThat(lines).containsExactlyElementsOf(wanted);
        assertThat(account.read()).isEqualTo(wanted.size());
    }

    /** A UTF-8 byte-order mark before the first line is no part of it; the same bytes later are data. */
    @Test
    void dropsAByteOrderMarkBeforeTheFirstLineOnly() throws IOException {
        byte[] mark = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] input = concat(mark, "{\"ts\":1}\n".getBytes(StandardCharsets.UTF_8), mark,
                "x\n".getBytes(StandardCharsets.UTF_8));
        FileAccount account = new FileAccount("t");

        List<String> lines = readAll(input, account, 1024);

        assertThat(lines).containsExactly("{\"ts\":1}", "\uFEFFx");
        assertThat(account.read()).isEqualTo(2);
    }

    @Test
    void skipsAnOversizedLineWithoutBufferingIt() throws IOException {
        byte[] huge = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        byte[] input = concat("first\n".getBytes(StandardCharsets.US_ASCII), huge,
                "\nlast\n".getBytes(StandardCharsets.US_ASCII));
        FileAccount account = new FileAccount("t");
        try (LineReader reader = new LineReader(new ByteArrayInputStream(input), account, 4096)) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.text()).isEqualTo("first");
            assertThat(reader.next()).isTrue();
            assertThat(reader.oversized()).isTrue();
            assertThat(reader.oversizedLength()).isEqualTo(huge.length);
            assertThat(reader.lineNumber()).isEqualTo(2);
            assertThat(reader.buffer().length).as("buffer stays bounded").isLessThan(huge.length / 10);
            assertThat(reader.next()).isTrue();
            assertThat(reader.text()).isEqualTo("last");
            assertThat(reader.lineNumber()).isEqualTo(3);
            assertThat(reader.next()).isFalse();
        }
        assertThat(account.read()).isEqualTo(3);
    }

    @Test
    void handsOutLinesThatSpanManyBufferFills() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("line-").append(i).append("-").append("y".repeat(i % 300)).append('\n');
        }
        List<String> lines = readAll(text.toString().getBytes(StandardCharsets.UTF_8), new FileAccount("t"), 1024);
        assertThat(lines).hasSize(5000);
        assertThat(lines.get(4999)).startsWith("line-4999-");
    }

    private static List<String> readAll(byte[] bytes, FileAccount account, int maxLine) throws IOException {
        List<String> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(new ByteArrayInputStream(bytes), account, maxLine)) {
            while (reader.next()) {
                lines.add(reader.text());
            }
        }
        return lines;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}
