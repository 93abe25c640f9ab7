package io.stagehunt.intel.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.ingest.FileAccount;
import io.stagehunt.intel.IndicatorType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken, binary and hostile feed files end as counted refusals with one-line reasons, never as crashes. */
class HostileFeedsTest {

    private static final String INDICATOR = "{\"type\": \"indicator\", \"spec_version\": \"2.1\", "
            + "\"id\": \"indicator--11111111-2222-4333-8444-555555555555\", \"created\": \"2024-05-01T00:00:00Z\", "
            + "\"modified\": \"2024-05-01T00:00:00Z\", \"pattern_type\": \"stix\", "
            + "\"valid_from\": \"2024-05-01T00:00:00Z\", \"pattern\": \"[ipv4-addr:value = '203.0.113.9']\"}";

    @TempDir
    Path folder;

    private FileAccount load(String name, byte[] content) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, content);
        LoadedIntel intel = StandardFeeds.loader(List.of()).load(List.of(file.toString()));
        FileAccount account = FeedFixtures.account(intel);
        assertThat(account.balanced()).isTrue();
        if (account.note() != null) {
            assertThat(account.note()).doesNotContain("\n");
        }
        assertThat(account.quarantineReasons().keySet()).allSatisfy(reason ->
                assertThat(reason).doesNotContain("\n").hasSizeLessThan(300));
        return account;
    }

    private FileAccount load(String name, String content) throws IOException {
        return load(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTruncatedBundleKeepsTheObjectsBeforeTheBreakAndSaysWhere() throws IOException {
        String truncated = "{\"type\": \"bundle\", \"id\": \"bundle--11111111-2222-4333-8444-555555555556\",\n"
                + "\"objects\": [\n" + INDICATOR + ",\n{\"type\": \"indicator\", \"pattern\": \"[ipv4-addr:val";
        Path file = folder.resolve("truncated.json");
        Files.writeString(file, truncated);
        LoadedIntel intel = StandardFeeds.loader(List.of()).load(List.of(file.toString()));
        FileAccount account = FeedFixtures.account(intel);

        assertThat(account.format()).isEqualTo("stix21");
        assertThat(account.note()).startsWith("stopped early: not valid JSON at line 4");
        assertThat(account.produced()).isOne();
        assertThat(account.quarantined()).isOne();
        assertThat(account.balanced()).isTrue();
        assertThat(intel.indicators().countsByType()).containsEntry(IndicatorType.IP, 1);
    }

    @Test
    void binaryJunkIsRefusedAsNotAFeed() throws IOException {
        byte[] junk = new byte[20_000];
        new Random(7).nextBytes(junk);
        junk[0] = '{';
        FileAccount account = load("junk.json", junk);
        assertThat(account.format()).isNull();
        assertThat(account.note()).isEqualTo("binary content, not a feed");
    }

    @Test
    void jsonNestedBeyondTheParsersLimitIsRefusedWithoutExhaustingTheStack() throws IOException {
        String deep = "{\"type\": \"bundle\", \"id\": \"bundle--11111111-2222-4333-8444-555555555557\", "
                + "\"objects\": [" + INDICATOR.replace("}", ", \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}")
                + "]}";
        FileAccount account = load("deep.json", deep);
        assertThat(account.format()).isEqualTo("stix21");
        assertThat(account.note()).startsWith("stopped early: not valid JSON");
        assertThat(account.quarantined()).isOne();
    }

    @Test
    void aPatternNestedTenThousandDeepIsRefusedByName() throws IOException {
        String pattern = "(".repeat(10_000) + "[ipv4-addr:value = '203.0.113.9']" + ")".repeat(10_000);
        FileAccount account = load("nested-pattern.json", "{\"type\": \"bundle\", "
                + "\"id\": \"bundle--11111111-2222-4333-8444-555555555558\", \"objects\": ["
                + INDICATOR.replace("[ipv4-addr:value = '203.0.113.9']", pattern) + "]}");
        assertThat(account.quarantineReasons()).containsOnlyKeys("pattern: pattern nested deeper than 64 levels");
    }

    @Test
    void controlCharactersAndDirectionOverridesNeverReachNamesOrReasons() throws IOException {
        String threatFox = "{\"1\": [{\"ioc_value\": \"evil\\u0000.example\", \"ioc_type\": \"domain\", "
                + "\"threat_type\": \"botnet_cc\", \"malware_printable\": \"x\"}], "
                + "\"2\": [{\"ioc_value\": \"ok.example\", \"ioc_type\": \"domain\", \"threat_type\": "
                + "\"botnet\\u001b[31m_cc\", \"malware_printable\": \"Evil\\u202eLoader\\n\\u001b[2Jcleared\"}]}";
        Path file = folder.resolve("hostile.json");
        Files.writeString(file, threatFox);
        LoadedIntel intel = StandardFeeds.loader(List.of()).load(List.of(file.toString()));
        FileAccount account = FeedFixtures.account(intel);

        assertThat(account.produced()).isOne();
        assertThat(account.quarantined()).isOne();
        assertThat(account.quarantineReasons().keySet()).singleElement().asString()
                .contains("\\u0000").doesNotContain("\u0000");
        var attribution = intel.indicators().matchDomain("ok.example").get(0).indicator().attribution();
        assertThat(attribution.malware()).isEqualTo("EvilLoader [2Jcleared");
        assertThat(attribution.tags()).containsExactly("botnet[31m_cc");
    }

    @Test
    void anOverlongLineIsRefusedWithoutBufferingIt() throws IOException {
        String content = "# plain list\n203.0.113.1\n" + "a".repeat(2 * 1024 * 1024) + "\n203.0.113.2\n";
        FileAccount account = load("long.txt", content);
        assertThat(account.format()).isEqualTo("plain-list");
        assertThat(account.produced()).isEqualTo(2);
        assertThat(account.quarantineReasons()).containsOnlyKeys("line longer than 1048576 bytes");
    }

    @Test
    void anOverlongUrlIsRefused() throws IOException {
        String header = "# id,dateadded,url,url_status,last_online,threat,tags,urlhaus_link,reporter\n";
        FileAccount account = load("urlhaus-long.csv", header + "\"1\",\"2024-05-06 11:58:02\",\"http://x.example/"
                + "a".repeat(10_000) + "\",\"online\",\"\",\"malware_download\",\"\",\"\",\"r\"\n");
        assertThat(account.quarantineReasons()).containsOnlyKeys("URL longer than 8192 characters");
    }

    @Test
    void wrongJsonTypesAreRefusedPerRecord() throws IOException {
        FileAccount misp = load("misp.json", "{\"Event\": {\"info\": \"x\", \"Attribute\": [{\"type\": \"domain\", "
                + "\"value\": {\"nested\": true}, \"to_ids\": true}, \"just a string\"]}}");
        assertThat(misp.quarantineReasons()).containsOnlyKeys("attribute without type or value", "not a MISP attribute");
        FileAccount warninglist = load("warn.json", "{\"name\": \"w\", \"description\": \"d\", \"type\": \"cidr\", "
                + "\"list\": [\"192.0.2.1\", 42, \"not-an-ip\"], \"version\": 1}");
        assertThat(warninglist.quarantineReasons()).containsOnlyKeys("entry is not a string",
                "'not-an-ip' is not an address or range");
        FileAccount feodo = load("feodo.json", "[\"203.0.113.1\", {\"ip_address\": \"203.0.113.2\", \"port\": 443, "
                + "\"first_seen\": \"2024-01-01 00:00:00\"}]");
        assertThat(feodo.format()).isEqualTo("feodo-json");
        assertThat(feodo.quarantineReasons()).containsOnlyKeys("not a JSON object");
    }

    @Test
    void emptyZipMissingAndProseFilesAreRefusedWithAReason() throws IOException {
        assertThat(load("empty.txt", "").note()).isEqualTo("empty");
        Path zip = folder.resolve("feed.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("list.txt"));
            out.write("203.0.113.1\n".getBytes(StandardCharsets.UTF_8));
        }
        LoadedIntel zipped = StandardFeeds.loader(List.of()).load(List.of(zip.toString()));
        assertThat(FeedFixtures.account(zipped).note()).isEqualTo("zip archive: extract it first");
        LoadedIntel missing = StandardFeeds.loader(List.of()).load(List.of(folder.resolve("absent.csv").toString()));
        assertThat(FeedFixtures.account(missing).note()).isEqualTo("no such file");
        FileAccount prose = load("README.md", "# Notes\n\nThese feeds are updated daily. Contact the SOC for access.\n");
        assertThat(prose.format()).isNull();
        assertThat(prose.note()).startsWith("not a known feed format");
        LoadedIntel url = StandardFeeds.loader(List.of()).load(List.of("https://taxii.example/taxii2/"));
        assertThat(FeedFixtures.account(url).note()).startsWith("no feed reader for this URL");
    }

    @Test
    void gzipIsOpenedTransparentlyAndTheFeedIsNamedWithoutItsSuffix() throws IOException {
        Path file = folder.resolve("blocklist.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("# C2 addresses\n203.0.113.5\n203.0.113.6\n".getBytes(StandardCharsets.UTF_8));
        }
        LoadedIntel intel = StandardFeeds.loader(List.of()).load(List.of(file.toString()));
        assertThat(FeedFixtures.account(intel).produced()).isEqualTo(2);
        assertThat(intel.indicators().countsByFeed()).containsOnlyKeys("blocklist.txt");
    }
}
