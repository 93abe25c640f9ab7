package io.stagehunt.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagehunt.net.IpAddress;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AllowlistFilesTest {

    private static final String PLAIN = """
            # name: Site services
            # source: written for this test
            # reduction: 0.35
            updates.example.com          # exactly this name
            .cdn.example.net             # the name and its subdomains
            *.windowsupdate.com          # subdomains only
            203.0.113.7
            198.51.100.0/24
            2001:db8:1::/48
            """;

    private static Allowlist plain() {
        List<AllowlistFiles.Problem> skipped = new ArrayList<>();
        Allowlist.Builder builder = Allowlist.builder();
        AllowlistFiles.readPlain(new StringReader(PLAIN), "site.list", 0.3, builder, skipped);
        assertThat(skipped).isEmpty();
        return builder.build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "updates.example.com, updates.example.com",
            "UPDATES.Example.com., updates.example.com",
            "www.updates.example.com, ",
            "cdn.example.net, .cdn.example.net",
            "a.b.cdn.example.net, .cdn.example.net",
            "xcdn.example.net, ",
            "download.windowsupdate.com, *.windowsupdate.com",
            "a.b.windowsupdate.com, *.windowsupdate.com",
            "windowsupdate.com, ",
            "evilwindowsupdate.com, ",
    })
    void plainListMatchesNamesAsWritten(String name, String entry) {
        Allowlist.Match match = plain().matchDomain(name);
        if (entry == null) {
            assertThat(match).isNull();
        } else {
            assertThat(match).isNotNull();
            assertThat(match.entry()).isEqualTo(entry);
            assertThat(match.source().name()).isEqualTo("Site services");
            assertThat(match.source().reduction()).isEqualTo(0.35);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "203.0.113.7, 203.0.113.7",
            "203.0.113.8, ",
            "198.51.100.200, 198.51.100.0/24",
            "198.51.101.1, ",
            "2001:db8:1:ffff::1, 2001:db8:1::/48",
            "2001:db8:2::1, ",
    })
    void plainListMatchesAddressesInRanges(String address, String entry) {
        Allowlist.Match match = plain().matchAddress(IpAddress.parse(address));
        if (entry == null) {
            assertThat(match).isNull();
        } else {
            assertThat(match).isNotNull();
            assertThat(match.entry()).isEqualTo(entry);
        }
    }

    static Stream<Arguments> warninglists() {
        return Stream.of(
                Arguments.of("string", "[\"api.example.org\", \".example.com\"]", "api.example.org", true),
                Arguments.of("string", "[\"api.example.org\"]", "x.api.example.org", false),
                Arguments.of("string", "[\".example.com\"]", "deep.www.example.com", true),
                Arguments.of("string", "[\".example.com\"]", "example.com", true),
                Arguments.of("hostname", "[\"example.org\"]", "mail.example.org", true),
                Arguments.of("hostname", "[\"example.org\"]", "example.org", true),
                Arguments.of("hostname", "[\"example.org\"]", "notexample.org", false),
                Arguments.of("hostname", "[\".dyn.example\"]", "victim.dyn.example", true),
                Arguments.of("substring", "[\"telemetry\"]", "eu.telemetry.vendor.example", true),
                Arguments.of("substring", "[\"telemetry\"]", "vendor.example", false),
                Arguments.of("regex", "[\"^ocsp[0-9]*\\\\.ca\\\\.example$\"]", "ocsp2.ca.example", true),
                Arguments.of("regex", "[\"^ocsp[0-9]*\\\\.ca\\\\.example$\"]", "crl.ca.example", false));
    }

    @ParameterizedTest(name = "{0} {1} ? {2} -> {3}")
    @MethodSource("warninglists")
    void mispWarninglistTypesMatchNamesAsMispDefinesThem(String type, String list, String name, boolean matches) {
        String json = """
                {"name": "Test list", "version": 1, "description": "for a test", "type": "%s",
                 "matching_attributes": ["hostname", "domain"], "list": %s}
                """.formatted(type, list);
        Allowlist.Builder builder = Allowlist.builder();
        List<AllowlistFiles.Problem> skipped = new ArrayList<>();
        AllowlistFiles.read(json, "test.json", 0.3, builder, skipped);
        assertThat(skipped).isEmpty();
        assertThat(builder.build().matchDomain(name) != null).isEqualTo(matches);
    }

    @Test
    void mispCidrListMatchesAddressesAndBareAddresses() {
        String json = """
                {"name": "Resolvers", "version": 2, "description": "d", "type": "cidr",
                 "matching_attributes": ["ip-dst", "ip-src"],
                 "list": ["192.0.2.53", "198.51.100.0/25", "2001:db8::/32"]}
                """;
        Allowlist.Builder builder = Allowlist.builder();
        AllowlistFiles.read(json, "resolvers.json", 0.3, builder, new ArrayList<>());
        Allowlist allowlist = builder.build();
        assertThat(allowlist.matchAddress(IpAddress.parse("192.0.2.53"))).isNotNull();
        assertThat(allowlist.matchAddress(IpAddress.parse("198.51.100.127"))).isNotNull();
        assertThat(allowlist.matchAddress(IpAddress.parse("198.51.100.128"))).isNull();
        assertThat(allowlist.matchAddress(IpAddress.parse("2001:db8:ffff::1")).source().name()).isEqualTo("Resolvers");
    }

    @Test
    void mispNameListForDomainsOnlyIgnoresAddressEntries() {
        String json = """
                {"name": "Names", "version": 1, "description": "d", "type": "string",
                 "matching_attributes": ["hostname"], "list": ["192.0.2.1", "name.example"]}
                """;
        Allowlist.Builder builder = Allowlist.builder();
        AllowlistFiles.read(json, "names.json", 0.3, builder, new ArrayList<>());
        Allowlist allowlist = builder.build();
        assertThat(allowlist.matchAddress(IpAddress.parse("192.0.2.1"))).isNull();
        assertThat(allowlist.matchDomain("name.example")).isNotNull();
    }

    @Test
    void unusableEntriesAreSkippedWithTheirLocation() {
        String text = """
                good.example
                http://not-a-name.example/path
                10.0.0.0/33
                bad*.example
                """;
        Allowlist.Builder builder = Allowlist.builder();
        List<AllowlistFiles.Problem> skipped = new ArrayList<>();
        AllowlistFiles.readPlain(new StringReader(text), "mixed.list", 0.3, builder, skipped);
        assertThat(skipped).extracting(AllowlistFiles.Problem::location)
                .containsExactly("mixed.list:2", "mixed.list:3", "mixed.list:4");
        assertThat(builder.build().matchDomain("good.example")).isNotNull();
    }

    @Test
    void mispEntriesOfTheWrongShapeAreSkippedWithTheirIndex() {
        String json = """
                {"name": "Broken", "type": "cidr", "list": ["192.0.2.1", 42, "not-an-address"]}
                """;
        List<AllowlistFiles.Problem> skipped = new ArrayList<>();
        AllowlistFiles.read(json, "broken.json", 0.3, Allowlist.builder(), skipped);
        assertThat(skipped).extracting(AllowlistFiles.Problem::location)
                .containsExactly("broken.json: list[1]", "broken.json: list[2]");
    }

    @Test
    void loadNamesEveryUnreadableFileAtOnce(@TempDir Path folder) throws Exception {
        Path notJson = folder.resolve("a.json");
        Files.writeString(notJson, "{\"name\": \"x\", \"list\": [");
        Path unknownType = folder.resolve("b.json");
        Files.writeString(unknownType, "{\"name\": \"x\", \"type\": \"bloom\", \"list\": [\"a\"]}");
        Path missing = folder.resolve("c.list");
        assertThatThrownBy(() -> AllowlistFiles.load(List.of(notJson, unknownType, missing), 0.3, Allowlist.builder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a.json").hasMessageContaining("c.list");
    }

    @Test
    void unknownWarninglistTypeSkipsEveryEntry() {
        List<AllowlistFiles.Problem> skipped = new ArrayList<>();
        AllowlistFiles.read("{\"name\": \"x\", \"type\": \"bloom\", \"list\": [\"a.example\"]}", "b.json", 0.3,
                Allowlist.builder(), skipped);
        assertThat(skipped).singleElement().extracting(AllowlistFiles.Problem::message).asString()
                .contains("unknown warninglist type 'bloom'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "safebrowsing.googleapis.com, Safe Browsing",
            "download.windowsupdate.com, updates",
            "r3.o.lencr.org, revocation",
            "0.pool.ntp.org, time",
            "dns.google, resolvers",
    })
    void bundledListsCoverTheServicesTheyName(String name, String listWord) {
        Allowlist.Match match = AllowlistFiles.bundled().matchDomain(name);
        assertThat(match).isNotNull();
        assertThat(match.source().name().toLowerCase()).contains(listWord.toLowerCase());
        assertThat(match.source().origin()).contains("(");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"75.75.75.75", "8.8.8.8", "2606:4700:4700::1111", "52.114.7.20", "104.16.1.1"})
    void bundledListsCoverPublishedAddresses(String address) {
        assertThat(AllowlistFiles.bundled().matchAddress(IpAddress.parse(address))).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"storage.googleapis.com", "evil.cloudfront.net", "example.workers.dev", "googleapis.com"})
    void bundledListsLeaveCustomerContentHostsOut(String name) {
        assertThat(AllowlistFiles.bundled().matchDomain(name)).isNull();
    }

    /** The CC0 MISP warninglists beside the project, read as they are published; skipped when absent. */
    @Test
    void readsPublishedMispWarninglists() throws Exception {
        Path folder = io.stagehunt.testing.SharedData.path("intel/misp-warninglists-benign");
        List<Path> lists;
        try (Stream<Path> files = Files.list(folder)) {
            lists = files.filter(file -> file.toString().endsWith(".json"))
                    .filter(file -> !file.getFileName().toString().equals("schema.json")).sorted().toList();
        }
        AllowlistFiles.Loaded loaded = AllowlistFiles.load(lists, 0.3, Allowlist.builder());
        Allowlist allowlist = loaded.allowlist();
        System.out.println(lists.size() + " MISP lists, " + allowlist.size() + " entries, "
                + loaded.skipped().size() + " skipped");
        assertThat(allowlist.sources()).hasSize(lists.size());
        assertThat(allowlist.matchAddress(IpAddress.parse("8.8.8.8")).source().name())
                .isEqualTo("List of known IPv4 public DNS resolvers");
        assertThat(allowlist.matchDomain("c.pki.goog")).isNotNull();
        assertThat(allowlist.matchDomain("x7.google.ad").entry()).isEqualTo(".google.ad");
        assertThat(loaded.skipped().size()).isLessThan(allowlist.size() / 100);
    }
}
