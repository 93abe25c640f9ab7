package io.stagehunt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputDiscoveryTest {

    @TempDir
    Path folder;

    private byte[] zeekConn;
    private final InputDiscovery discovery = new InputDiscovery(StandardFormats.registry());

    @BeforeEach
    void loadSample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("zeek/conn-cluster.log")) {
            zeekConn = in.readAllBytes();
        }
    }

    @Test
    void recognizesByContentNotByName() throws IOException {
        Files.write(folder.resolve("README.md"), zeekConn);
        Files.writeString(folder.resolve("conn.log"), "# Notes\nThis is documentation, not a log.\n");

        List<DiscoveredInput> found = discovery.discover(List.of(folder));

        assertThat(found).extracting(DiscoveredInput::displayPath)
                .containsExactly(folder.resolve("README.md").toString(), folder.resolve("conn.log").toString());
        assertThat(found.get(0).format().id()).isEqualTo("zeek-tsv");
        assertThat(found.get(1).readable()).isFalse();
        assertThat(found.get(1).note()).isEqualTo("unknown format");
    }

    @Test
    void readsThroughGzipAndZipAtAnyNesting() throws IOException {
        Path gz = folder.resolve("a");
        Files.write(gz, gzip(zeekConn));
        Path inner = folder.resolve("inner.bin");
        Files.write(inner, zip("deep/conn.log", zeekConn));
        Path outer = folder.resolve("b");
        Files.write(outer, zip("logs/inner.zip", Files.readAllBytes(inner), "logs/conn.log.gz", gzip(zeekConn)));
        Files.delete(inner);

        List<DiscoveredInput> found = discovery.discover(List.of(folder));

        assertThat(found).extracting(DiscoveredInput::displayPath).containsExactly(
                gz.toString(), outer + "!/logs/conn.log.gz", outer + "!/logs/inner.zip!/deep/conn.log");
        assertThat(found).allSatisfy(input -> {
            assertThat(input.format()).isNotNull();
            ReaderFixture read = ReaderFixture.read(input.format(), input.displayPath(), input.input(),
                    io.stagehunt.net.NetworkScope.defaults());
            assertThat(read.events()).hasSize(5);
        });
    }

    @Test
    void reportsMissingEmptyBinaryAndUnsupportedCompressionInOneLine() throws IOException {
        Files.write(folder.resolve("empty.log"), new byte[0]);
        Files.write(folder.resolve("blob"), new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0, 9, 0, 0});
        Files.write(folder.resolve("c.bz2"), new byte[] {'B', 'Z', 'h', '9', 0x31, 0x41});

        List<DiscoveredInput> found = discovery.discover(List.of(folder, folder.resolve("nope")));

        assertThat(found).extracting(DiscoveredInput::note).containsExactly(
                "unknown format (binary content)", "bzip2-compressed: decompress it first (bunzip2)", "empty",
                "no such file");
    }

    @Test
    void readsEachOfTwoMembersThatShareAName() throws IOException {
        byte[] other = ("#separator \\x09\n#path\tconn\n#fields\tts\tid.orig_h\tid.resp_h\n"
                + "#types\ttime\taddr\taddr\n1710147601.2\t10.0.0.1\t8.8.8.8\n").getBytes(StandardCharsets.UTF_8);
        // ZipOutputStream refuses a repeated name, so the second is written under a name of the same length
        byte[] archive = replaceAll(zip("conn.log", zeekConn, "conn.lo2", other), "conn.lo2", "conn.log");
        Path file = folder.resolve("rotated.zip");
        Files.write(file, archive);
        Path compressed = folder.resolve("rotated.zip.gz");
        Files.write(compressed, gzip(archive));

        List<DiscoveredInput> found = discovery.discover(List.of(file, compressed));

        assertThat(found).extracting(DiscoveredInput::displayPath).containsExactly(
                file + "!/conn.log", file + "!/conn.log (#2)", compressed + "!/conn.log", compressed + "!/conn.log (#2)");
        assertThat(found).extracting(input -> ReaderFixture.read(input).events().size())
                .containsExactly(5, 1, 5, 1);
    }

    private static byte[] replaceAll(byte[] bytes, String from, String to) {
        byte[] copy = bytes.clone();
        byte[] target = from.getBytes(StandardCharsets.US_ASCII);
        byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + target.length <= copy.length; i++) {
            if (Arrays.equals(copy, i, i + target.length, target, 0, target.length)) {
                System.arraycopy(replacement, 0, copy, i, replacement.length);
            }
        }
        return copy;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(Object... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("logs/"));
            out.closeEntry();
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                out.write((byte[]) namesAndContents[i + 1]);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
