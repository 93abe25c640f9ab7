package io.stagehunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreDomainsCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsEachDomainWithItsScoreOnePerLine() throws IOException {
        Path input = write("google.com\nXJKQWPZVBNRT.COM.\n\n  www.bbc.co.uk  \nwpad\n");

        int status = run("score-domains", input.toString());

        assertThat(status).isEqualTo(Main.EXIT_OK);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines).allMatch(line -> line.matches("[a-z0-9.\\-]+\t[01]\\.\\d{4}"));
        assertThat(lines.get(1)).startsWith("xjkqwpzvbnrt.com\t");
        assertThat(score(lines.get(1))).isGreaterThan(0.9);
        assertThat(score(lines.get(0))).isLessThan(0.1);
        assertThat(lines.get(3)).isEqualTo("wpad\t0.0000");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void reportsEachBadLineWithItsNumberAndGoesOn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("example.com\n".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x1b, '[', '3', '1', 'm', '\n'});
        bytes.writeBytes(("a".repeat(3_000_000) + "\n").getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(("b".repeat(300) + ".com\n").getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes("not a domain; rm -rf /\n192.168.1.1\nexa$mple.com\nqzxvkjwpfh.net".getBytes(
                StandardCharsets.US_ASCII));
        Path input = folder.resolve("hostile.txt");
        Files.write(input, bytes.toByteArray());

        int status = run("score-domains", input.toString());

        assertThat(status).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString().lines()).extracting(line -> line.substring(0, line.indexOf('\t')))
                .containsExactly("example.com", "qzxvkjwpfh.net");
        List<String> messages = err.toString().lines().toList();
        assertThat(messages).hasSize(7);
        assertThat(messages.get(0)).contains(":2: not a hostname: '\\ufffd\\ufffd\\u0000\\u001b[31m'")
                .doesNotContain("\u001b");
        assertThat(messages.get(1)).contains(":3: line of 3000000 bytes is too long to be a domain name");
        assertThat(messages.get(2)).contains(":4: not a hostname: 'bbbbbbbb").endsWith("...'");
        assertThat(messages.get(3)).contains(":5: not a hostname: 'not a domain; rm -rf /'");
        assertThat(messages.get(4)).contains(":6: not a hostname: '192.168.1.1'");
        assertThat(messages.get(5)).contains(":7: not a hostname: 'exa$mple.com'");
        assertThat(messages.get(6)).isEqualTo("stagehunt: 2 names written, 6 lines rejected");
    }

    @Test
    void exitsWithThreeWhenTheFileCannotBeRead() {
        int status = run("score-domains", folder.resolve("missing.txt").toString());

        assertThat(status).isEqualTo(Main.EXIT_NO_INPUT);
        assertThat(err.toString()).startsWith("stagehunt: cannot read ").contains("no such file");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void exitsWithThreeForAFolder() {
        assertThat(run("score-domains", folder.toString())).isEqualTo(Main.EXIT_NO_INPUT);
        assertThat(err.toString()).contains("is a folder");
    }

    @Test
    void exitsWithTwoWithoutAFile() {
        assertThat(run("score-domains")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("Missing required parameter");
    }

    @Test
    void acceptsAnEmptyFile() throws IOException {
        assertThat(run("score-domains", write("").toString())).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString()).isEmpty();
    }

    private int run(String... args) {
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            return Main.run(outWriter, errWriter, args);
        }
    }

    private Path write(String text) throws IOException {
        Path file = folder.resolve("domains.txt");
        Files.writeString(file, text);
        return file;
    }

    private static double score(String line) {
        return Double.parseDouble(line.substring(line.indexOf('\t') + 1));
    }
}
