package io.stagehunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntelCommandTest {

    @TempDir
    Path folder;
    private Path feeds;

    /** What a command printed and returned. */
    private record Run(int status, String out, String err) {
    }

    @BeforeEach
    void writeFeeds() throws IOException {
        feeds = Files.createDirectories(folder.resolve("feeds"));
        Files.writeString(feeds.resolve("c2.json"), """
                {"type": "bundle", "id": "bundle--0f0e0d0c-0b0a-4908-8706-050403020100", "objects": [
                  {"type": "malware", "spec_version": "2.1", "id": "malware--10000000-0000-4000-8000-000000000001",
                   "name": "NjRAT", "is_family": true},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--10000000-0000-4000-8000-000000000002",
                   "created": "2024-06-01T00:00:00Z", "modified": "2024-06-01T00:00:00Z", "pattern_type": "stix",
                   "pattern": "[ipv4-addr:value = '41.108.179.197' AND network-traffic:dst_port = 1177]",
                   "valid_from": "1970-01-01T00:00:00Z", "confidence": 90},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--10000000-0000-4000-8000-000000000003",
                   "created": "2024-06-01T00:00:00Z", "modified": "2024-06-01T00:00:00Z", "pattern_type": "stix",
                   "pattern": "[domain-name:value = 'a.example'] FOLLOWEDBY [domain-name:value = 'b.example']",
                   "valid_from": "2024-06-01T00:00:00Z"},
                  {"type": "relationship", "spec_version": "2.1", "id": "relationship--10000000-0000-4000-8000-000000000004",
                   "relationship_type": "indicates", "source_ref": "indicator--10000000-0000-4000-8000-000000000002",
                   "target_ref": "malware--10000000-0000-4000-8000-000000000001"}]}
                """);
        Files.writeString(feeds.resolve("domains.txt"), "# C2 names\nc2.badactor.example\n203.0.113.200\n");
        Files.writeString(feeds.resolve("NOTES.md"), "These feeds are refreshed nightly by the SOC.\n");
        Files.writeString(feeds.resolve("resolvers.json"), "{\"name\": \"Public resolvers\", \"description\": "
                + "\"resolvers\", \"type\": \"cidr\", \"list\": [\"8.8.8.8\", \"1.1.1.1\"], \"version\": 1}");
    }

    private static Run run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    @Test
    void loadReportsEachFileWithItsFormatCountsAndRefusals() {
        Run run = run("intel", "load", feeds.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("LOADED   " + feeds.resolve("c2.json") + " [stix21]: 4 records, 1 entries, 2 skipped, 1 refused")
                .contains("refused 1 x pattern: FOLLOWEDBY (a sequence of observations) is not supported")
                .contains("LOADED   " + feeds.resolve("domains.txt") + " [plain-list]")
                .contains("REFUSED  " + feeds.resolve("NOTES.md") + ": not a known feed format")
                .contains("3 files read, 1 refused; 3 indicators, 2 benign entries");
    }

    @Test
    void statsCountsPerTypeAndPerFeed() {
        Run run = run("intel", "stats", feeds.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("3 indicators").containsPattern("ip\\s+2").containsPattern("domain\\s+1")
                .containsPattern("c2.json\\s+1\\s+\\(ip 1\\)")
                .containsPattern("domains.txt\\s+2\\s+\\(ip 1, domain 1\\)")
                .containsPattern("Public resolvers\\s+2");
    }

    @Test
    void lookupExplainsWhatMatchesAndWhy() {
        Run address = run("intel", "lookup", "41.108.179.197", "--feed", feeds.toString(), "--at",
                "1970-01-01T00:05:00Z");
        assertThat(address.out()).contains("MATCH 41.108.179.197 is ip 41.108.179.197:1177")
                .contains("feed        c2.json (stix21)").contains("family      NjRAT")
                .contains("confidence  90/100").contains("age         listed less than an hour earlier (weight 0.99)");
        Run name = run("intel", "lookup", "www.c2.badactor.example", "--feed", feeds.toString());
        assertThat(name.out()).contains("MATCH www.c2.badactor.example is under domain c2.badactor.example")
                .contains("age unknown");
        Run benign = run("intel", "lookup", "8.8.8.8", "--feed", feeds.toString());
        assertThat(benign.out()).contains("no match in 3 indicators").contains("BENIGN 8.8.8.8 is on 'Public resolvers'");
    }

    @Test
    void nothingReadableIsExitStatusThreeWithOneLine() {
        Run run = run("intel", "load", folder.resolve("absent").toString());
        assertThat(run.status()).isEqualTo(Main.EXIT_NO_INPUT);
        assertThat(run.err().strip()).isEqualTo("stagehunt: no feed could be read: " + folder.resolve("absent")
                + ": no such file");
    }

    @Test
    void analyzeWithIntelReportsTheListedC2OfARealCapture() throws IOException {
        Path capture = SharedData.path("zeek/ctu/001-zeek-scenario-malicious/conn.log");
        Path out = folder.resolve("out");
        Run run = run("analyze", capture.toString(), "--intel", feeds.resolve("c2.json").toString(), "--out",
                out.toString());
        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("intel: 1 indicators, 0 benign entries from 1 feed files");
        String findings = Files.readString(out.resolve("findings.jsonl"));
        assertThat(findings).contains("\"name\":\"intel-match\"").contains("41.108.179.197")
                .contains("which c2.json lists as an ip indicator of NjRAT");
    }

    @Test
    void analyzeWithUnreadableIntelIsAUsageError() {
        Run run = run("analyze", folder.toString(), "--intel", folder.resolve("absent.json").toString(), "--out",
                folder.resolve("out").toString());
        assertThat(run.status()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err().strip()).startsWith("stagehunt: --intel: no feed could be read").doesNotContain("\n");
    }
}
