package io.stagehunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    @TempDir
    Path folder;

    @Test
    void analyzesLogsAndWritesTheContractFiles() throws IOException {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        copyResource("conn.log", logs.resolve("conn.log"));
        Path out = folder.resolve("out");

        Run run = run("analyze", logs.toString(), "--out", out.toString());

        assertThat(run.status).isEqualTo(Main.EXIT_OK);
        assertThat(run.out).contains("1 inputs (0 not read)");
        JsonNode ingest = new ObjectMapper().readTree(out.resolve("ingest.json").toFile());
        assertThat(ingest.at("/totals/balanced").asBoolean()).isTrue();
        assertThat(ingest.at("/files/0/format").asText()).isEqualTo("zeek-tsv");
        assertThat(ingest.at("/files/0/produced").asLong()).isEqualTo(6);
        assertThat(out.resolve("findings.jsonl")).exists();
        assertThat(new ObjectMapper().readTree(out.resolve("cases.json").toFile()).isArray()).isTrue();
    }

    @Test
    void exitsWithThreeWhenNoInputCanBeRead() throws IOException {
        Path notes = folder.resolve("notes.txt");
        Files.writeString(notes, "nothing to see here\n");

        Run run = run("analyze", notes.toString(), "--out", folder.resolve("out").toString());

        assertThat(run.status).isEqualTo(Main.EXIT_NO_INPUT);
        assertThat(run.err).contains("no input could be read");
    }

    @Test
    void exitsWithTwoOnBadUsageWithOneLineAndNoStackTrace() {
        Run missing = run("analyze");
        assertThat(missing.status).isEqualTo(Main.EXIT_USAGE);

        Run badScope = run("analyze", folder.toString(), "--internal", "10.0.0.0/99");
        assertThat(badScope.status).isEqualTo(Main.EXIT_USAGE);
        assertThat(badScope.err).contains("--internal").doesNotContain("\tat ");
        assertThat(badScope.err.strip().lines().count()).isEqualTo(1);
    }

    @Test
    void honoursTheDeclaredInternalNetworks() throws IOException {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        copyResource("conn.log", logs.resolve("conn.log"));
        Path out = folder.resolve("out");

        Run run = run("analyze", logs.toString(), "--internal", "10.20.0.0/16,2001:db8::/32", "--out",
                out.toString());

        assertThat(run.status).isEqualTo(Main.EXIT_OK);
        JsonNode scope = new ObjectMapper().readTree(out.resolve("ingest.json").toFile()).get("network_scope");
        assertThat(scope.get("source").asText()).isEqualTo("--internal");
        assertThat(scope.get("internal")).hasSize(2);
    }

    @Test
    void appliesAConfigurationFileAndRefusesABadOneWithExitTwo() throws IOException {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        copyResource("conn.log", logs.resolve("conn.log"));
        Path config = folder.resolve("stagehunt.yaml");
        Files.writeString(config, "internal: [10.20.0.0/16]\ndetectors:\n  beacon:\n    enabled: false\n");
        Path out = folder.resolve("out");

        Run run = run("analyze", logs.toString(), "--config", config.toString(), "--out", out.toString());

        assertThat(run.status).isEqualTo(Main.EXIT_OK);
        JsonNode ingest = new ObjectMapper().readTree(out.resolve("ingest.json").toFile());
        assertThat(ingest.at("/network_scope/internal/0").asText()).isEqualTo("10.20.0.0/16");
        assertThat(ingest.get("detectors")).extracting(node -> node.get("id").asText()).doesNotContain("beacon")
                .contains("strobe");

        Files.writeString(config, "detectors:\n  beacon:\n    reportScor: 1\n  nonsense: {}\n");
        Run bad = run("analyze", logs.toString(), "--config", config.toString(), "--out", out.toString());
        assertThat(bad.status).isEqualTo(Main.EXIT_USAGE);
        assertThat(bad.err.strip().lines().count()).isEqualTo(1);
        assertThat(bad.err).contains("detectors.beacon.reportScor: no such setting")
                .contains("detectors.nonsense: no such detector");
    }

    @Test
    void configShowPrintsDefaultsThatLoadBack() throws IOException {
        Run shown = run("config", "show");
        assertThat(shown.status).isEqualTo(Main.EXIT_OK);
        assertThat(shown.out).contains("beacon:", "intel-match:", "reportScore:");
        Path config = folder.resolve("defaults.yaml");
        Files.writeString(config, shown.out);

        Run again = run("config", "show", "--config", config.toString());
        assertThat(again.status).isEqualTo(Main.EXIT_OK);
        assertThat(again.out).isEqualTo(shown.out);
    }

    private void copyResource(String name, Path target) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, target);
        }
    }

    private static Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private record Run(int status, String out, String err) {
    }
}
