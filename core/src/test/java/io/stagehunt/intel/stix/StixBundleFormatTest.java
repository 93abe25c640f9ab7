package io.stagehunt.intel.stix;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.ingest.FileAccount;
import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorIndex;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.IntelMatch;
import io.stagehunt.intel.feed.FeedFixtures;
import io.stagehunt.intel.feed.LoadedIntel;
import io.stagehunt.intel.feed.StandardFeeds;
import io.stagehunt.net.IpAddress;
import io.stagehunt.testing.SharedData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StixBundleFormatTest {

    private static final IndicatorIndex SAMPLE = FeedFixtures.load("feeds/stix-bundle.json").indicators();

    private static long micros(String iso) {
        return Instant.parse(iso).toEpochMilli() * 1000;
    }

    @Test
    void loadsAPortBoundAddressWithItsValidityConfidenceAndTheMalwareOfTheInfrastructureItIndicates() {
        Indicator indicator = SAMPLE.matchAddress(IpAddress.parse("203.0.113.10")).get(0).indicator();
        assertThat(indicator.port()).isEqualTo(8443);
        assertThat(indicator.confidence()).isEqualTo(85);
        assertThat(indicator.firstSeenMicros()).isEqualTo(micros("2024-05-01T00:00:00Z"));
        assertThat(indicator.validUntilMicros()).isEqualTo(micros("2024-11-01T00:00:00Z"));
        assertThat(indicator.attribution().malware()).isEqualTo("QuietBeacon panel, QuietBeacon");
        assertThat(indicator.attribution().format()).isEqualTo("stix21");
        assertThat(indicator.attribution().feed()).isEqualTo("stix-bundle.json");
        assertThat(indicator.reference()).isEqualTo("indicator--c1a2d8a3-6a51-4bb0-9a0c-f7d0e1b1c001");
    }

    @Test
    void loadsEveryAlternativeOfAnOrPatternWithTheIndicatorsTypes() {
        List<IntelMatch> matches = SAMPLE.matchDomain("www.cdn-beacon.example.net");
        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.indicator().attribution().malware()).isEqualTo("QuietBeacon");
            assertThat(match.indicator().attribution().tags()).containsExactly("malicious-activity", "attribution");
            assertThat(match.indicator().confidence()).isEqualTo(70);
        });
        assertThat(SAMPLE.matchDomain("update.beacon.example")).hasSize(1);
    }

    @Test
    void loadsHashesOfOneFileAsAlternativesAndCertificateHashesAsCertificates() {
        assertThat(SAMPLE.matchHash("9e107d9d372bb6826bd81d3542a419d6")).hasSize(1);
        assertThat(SAMPLE.matchHash("6a8f1b0d3c2e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c")).hasSize(1);
        assertThat(SAMPLE.matchHash("4e1243bd22c66e76c2ba9eddc1f91394e57f9f83")).singleElement()
                .extracting(match -> match.indicator().type()).isEqualTo(IndicatorType.CERT_SHA1);
    }

    @Test
    void loadsRangesAndTheObservablesOfCommandAndControlInfrastructure() {
        assertThat(SAMPLE.matchAddress(IpAddress.parse("198.51.100.200"))).singleElement()
                .extracting(IntelMatch::relation).isEqualTo(IntelMatch.Relation.IN_RANGE);
        assertThat(SAMPLE.matchAddress(IpAddress.parse("203.0.113.77"))).singleElement().satisfies(match -> {
            assertThat(match.indicator().attribution().malware()).isEqualTo("QuietBeacon panel, QuietBeacon");
            assertThat(match.indicator().attribution().tags()).containsExactly("infrastructure");
        });
    }

    @Test
    void skipsRevokedAndNonStixIndicatorsAndRefusesUnsupportedPatternsAndBadConfidence() {
        FileAccount account = FeedFixtures.account(FeedFixtures.load("feeds/stix-bundle.json"));
        assertThat(SAMPLE.matchAddress(IpAddress.parse("192.0.2.55"))).isEmpty();
        assertThat(account.skipReasons()).containsEntry("revoked", 1L).containsEntry("pattern_type 'yara' is not STIX", 1L)
                .containsEntry("STIX relationship (context)", 4L);
        assertThat(account.quarantineReasons()).containsOnlyKeys(
                "pattern: FOLLOWEDBY (a sequence of observations) is not supported",
                "confidence 150 is not an integer 0..100");
        assertThat(account.samples()).extracting(FileAccount.QuarantineEntry::line).allMatch(line -> line > 1);
    }

    @Test
    void loadsTheOasisExamplesOrRefusesTheirUnsupportedPatternsByName() {
        Path examples = SharedData.path("intel/stix21-oasis-examples/examples");
        LoadedIntel intel = StandardFeeds.loader(List.of()).load(List.of(examples.toString()));

        IndicatorIndex index = intel.indicators();
        assertThat(index.matchAddress(IpAddress.parse("198.51.100.3"))).singleElement()
                .extracting(match -> match.indicator().attribution().malware()).isEqualTo("Poison Ivy C2, Poison Ivy");
        assertThat(index.matchDomain("www.e.ct.toh.info")).isNotEmpty();
        assertThat(index.matchAddress(IpAddress.parse("112.65.1.1"))).singleElement()
                .extracting(match -> match.indicator().type()).isEqualTo(IndicatorType.CIDR);
        assertThat(intel.files()).allSatisfy(file -> {
            assertThat(file.balanced()).isTrue();
            assertThat(file.format() != null || file.note() != null).isTrue();
        });
        assertThat(intel.files().stream().flatMap(file -> file.quarantineReasons().keySet().stream()))
                .contains("pattern: object path file:name is not supported",
                        "pattern: object path x509-certificate:issuer is not supported",
                        "'domain autuo.xicp.net' is not a domain name");
    }

    @Test
    void loadsTheFeeds2stixAbuseChBundlesWithPortsAndCertificateHashes() {
        Path bundles = SharedData.path("intel/feeds2stix-abusech-stix21");
        LoadedIntel intel = StandardFeeds.loader(List.of()).load(List.of(bundles.resolve("sslipblacklist_aggressive")
                .toString(), bundles.resolve("sslblacklist").toString()));

        assertThat(intel.indicators().matchAddress(IpAddress.parse("45.77.45.120"))).isNotEmpty()
                .allSatisfy(match -> assertThat(match.indicator().port()).isEqualTo(443));
        assertThat(intel.indicators().countsByType()).containsKeys(IndicatorType.IP, IndicatorType.SHA1);
        assertThat(intel.indicators().countsByFeed().get("asyncrat.json")).containsEntry(IndicatorType.SHA1, 1075);
        assertThat(intel.files()).allSatisfy(file -> assertThat(file.quarantined()).isZero());
    }
}
