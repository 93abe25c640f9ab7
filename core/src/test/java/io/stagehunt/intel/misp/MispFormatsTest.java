package io.stagehunt.intel.misp;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.ingest.FileAccount;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorIndex;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.feed.FeedFixtures;
import io.stagehunt.intel.feed.LoadedIntel;
import io.stagehunt.intel.feed.StandardFeeds;
import io.stagehunt.net.IpAddress;
import io.stagehunt.testing.SharedData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MispFormatsTest {

    private static final LoadedIntel EVENT = FeedFixtures.load("feeds/misp-event.json");

    @Test
    void loadsAttributesForDetectionWithTheFamilyOfTheEventsGalaxy() {
        IndicatorIndex index = EVENT.indicators();
        Indicator domain = index.matchDomain("login.quietbeacon.example").get(0).indicator();
        assertThat(domain.attribution().malware()).isEqualTo("QuietBeacon");
        assertThat(domain.attribution().tags()).containsExactly("Network activity", "tlp:green");
        assertThat(domain.reference()).isEqualTo("8c1f0a2b-0001-4a5b-9c6d-7e8f9a0b1c01");
        assertThat(domain.firstSeenMicros()).isEqualTo(1_714_730_400_000_000L);

        Indicator address = index.matchAddress(IpAddress.parse("203.0.113.44")).get(0).indicator();
        assertThat(address.port()).isEqualTo(4443);
        assertThat(address.firstSeenMicros()).isEqualTo(Instant.parse("2024-04-28T10:15:00Z").toEpochMilli() * 1000);
        assertThat(address.lastSeenMicros()).isEqualTo(Instant.parse("2024-05-02T18:00:00Z").toEpochMilli() * 1000);

        assertThat(index.matchUrl("http://login.quietbeacon.example/dl/invoice.exe")).hasSize(1);
        assertThat(index.matchHash("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae")).hasSize(1);
        assertThat(index.matchDomain("files.quietbeacon.example")).hasSize(1);
        assertThat(index.matchAddress(IpAddress.parse("198.51.100.45"))).hasSize(1);
        assertThat(index.matchHash("d1a0f1c2b3a4958677869504a3b2c1d0e0f1a2b3")).singleElement()
                .extracting(match -> match.indicator().type()).isEqualTo(IndicatorType.CERT_SHA1);
    }

    @Test
    void honoursToIdsAndDeletedAndSkipsTypesThatAreNoObservable() {
        IndicatorIndex index = EVENT.indicators();
        assertThat(index.matchAddress(IpAddress.parse("192.0.2.200"))).as("to_ids false").isEmpty();
        assertThat(index.matchDomain("retired.quietbeacon.example")).as("deleted").isEmpty();
        FileAccount account = FeedFixtures.account(EVENT);
        assertThat(account.skipReasons()).containsOnly(
                Map.entry("to_ids is false (not for detection)", 1L),
                Map.entry("deleted", 1L),
                Map.entry("MISP type 'regkey|value' is not a network or file observable", 1L));
        assertThat(account.quarantineReasons()).containsOnlyKeys("'not-a-hash' is not a md5 (32 hex digits)");
    }

    @Test
    void aFeedFolderLoadsItsEventsAndReportsEventsTheManifestListsButTheFolderLacks() {
        LoadedIntel intel = FeedFixtures.load("misp-feed");
        Map<String, FileAccount> byName = intel.files().stream().collect(Collectors.toMap(
                file -> file.path().substring(file.path().lastIndexOf('/') + 1), file -> file));
        assertThat(byName.get("manifest.json").quarantineReasons())
                .containsOnlyKeys("listed event file 0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e.json is missing");
        assertThat(byName.get("hashes.csv").skipReasons()).containsOnlyKeys("MISP value digest (nothing to match)");
        assertThat(byName.get("4f6c2a50-9d1e-4c2b-8a3f-6e2d1c0b9a87.json").format()).isEqualTo("misp-event");
        assertThat(intel.indicators().size()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "example-cdn.net,              Known service names",
            "img.example-cdn.net,          Known service names",
            "a.b.trusted-updates.example,  Known service names",
            "github.io,                    Known service names",
            "attacker.github.io,           ''",
            "dyn-provider.example,         List of known dynamic DNS domains",
            "c2.dyn-provider.example,      ''",
            "ddns-host.example,            List of known dynamic DNS domains",
            "c2.ddns-host.example,         ''",
    })
    void warninglistsVouchForServicesButNotForTheCustomersOfSharedInfrastructure(String name, String list) {
        BenignList benign = FeedFixtures.load("feeds/warninglist-hostname.json",
                "feeds/warninglist-dynamic-dns.json").benign();
        assertThat(benign.listOf(name)).isEqualTo(list.isEmpty() ? null : list);
    }

    @Test
    void cidrWarninglistsHoldAddressesAndRanges() {
        BenignList benign = FeedFixtures.load("feeds/warninglist-cidr.json").benign();
        assertThat(benign.contains(IpAddress.parse("192.0.2.53"))).isTrue();
        assertThat(benign.contains(IpAddress.parse("198.19.255.1"))).isTrue();
        assertThat(benign.contains(IpAddress.parse("2001:db8:53:1::1"))).isTrue();
        assertThat(benign.contains(IpAddress.parse("192.0.2.54"))).isFalse();
        assertThat(benign.countsByList()).containsOnly(Map.entry("Resolvers and sinkholes", 3));
    }

    @Test
    void loadsThePublishedMispSamplesAndWarninglists() {
        LoadedIntel intel = StandardFeeds.loader(List.of()).load(List.of(
                SharedData.path("intel/misp-events").toString(),
                SharedData.path("intel/intelmq-feed-samples/misp_event.json").toString(),
                SharedData.path("intel/intelmq-feed-samples/misp_attribute.json").toString(),
                SharedData.path("intel/misp-warninglists-benign").toString()));

        assertThat(intel.indicators().matchHash("0749bae92ca336a02c83d126e04ec628")).hasSize(1);
        assertThat(intel.indicators().size()).as("the intelmq samples are all to_ids false").isEqualTo(3);
        BenignList benign = intel.benign();
        assertThat(benign.listOf(IpAddress.parse("8.8.8.8"))).isEqualTo("List of known IPv4 public DNS resolvers");
        assertThat(benign.contains("www.google.com")).isTrue();
        assertThat(benign.contains("victim.duckdns.org")).isFalse();
        assertThat(intel.files()).allSatisfy(file -> assertThat(file.balanced()).isTrue());
        assertThat(intel.refusedFiles()).extracting(file -> file.path().substring(file.path().lastIndexOf('/') + 1))
                .containsExactlyInAnyOrder("SOURCE.txt", "LICENSE.txt", "schema.json");
    }
}
