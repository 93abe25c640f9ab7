package io.stagehunt.intel.abusech;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.ingest.FileAccount;
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
import org.junit.jupiter.api.Test;

class AbuseChFormatsTest {

    private static long micros(String iso) {
        return Instant.parse(iso).toEpochMilli() * 1000;
    }

    @Test
    void urlhausRowsAreUrlsWithTheirListingAndLastOnlineTimesAndTags() {
        LoadedIntel intel = FeedFixtures.load("feeds/urlhaus.csv");
        Indicator url = intel.indicators().matchUrl("http://203.0.113.61:40213/i").get(0).indicator();
        assertThat(url.firstSeenMicros()).isEqualTo(micros("2024-05-06T11:58:02Z"));
        assertThat(url.lastSeenMicros()).isEqualTo(micros("2024-05-06T11:58:02Z"));
        assertThat(url.attribution().tags()).containsExactly("malware_download", "online", "32-bit", "elf", "mips",
                "Mozi");
        assertThat(url.attribution().malware()).isNull();
        assertThat(url.reference()).isEqualTo("https://urlhaus.abuse.ch/url/2900001/");
        assertThat(FeedFixtures.account(intel).quarantineReasons()).containsOnlyKeys(
                "'not a date' is not a date", "'files.example.org/no-scheme' is not a URL (no scheme)");
    }

    @Test
    void ipBlocklistsTieAddressesToTheirC2PortAndFamily() {
        IndicatorIndex feodo = FeedFixtures.load("feeds/feodo.csv").indicators();
        Indicator qakbot = feodo.matchAddress(IpAddress.parse("203.0.113.80")).get(0).indicator();
        assertThat(qakbot.port()).isEqualTo(443);
        assertThat(qakbot.attribution().malware()).isEqualTo("QakBot");
        assertThat(qakbot.lastSeenMicros()).isEqualTo(micros("2024-05-06T00:00:00Z"));
        IndicatorIndex sslbl = FeedFixtures.load("feeds/sslbl-ip.csv").indicators();
        assertThat(sslbl.matchAddress(IpAddress.parse("203.0.113.91")).get(0).indicator().port()).isEqualTo(2404);
        Indicator fromJson = FeedFixtures.load("feeds/feodo.json").indicators()
                .matchAddress(IpAddress.parse("203.0.113.80")).get(0).indicator();
        assertThat(List.of(fromJson.port(), fromJson.attribution().malware(), fromJson.firstSeenMicros(),
                fromJson.lastSeenMicros())).as("the JSON blocklist says what the CSV one says")
                .isEqualTo(List.of(qakbot.port(), qakbot.attribution().malware(), qakbot.firstSeenMicros(),
                        qakbot.lastSeenMicros()));
    }

    @Test
    void threatFoxExportsAndApiAnswersCarryFamilyConfidenceAndPort() {
        IndicatorIndex index = FeedFixtures.load("feeds/threatfox.json", "feeds/threatfox-api.json").indicators();
        Indicator cobalt = index.matchAddress(IpAddress.parse("203.0.113.120")).get(0).indicator();
        assertThat(cobalt.port()).isEqualTo(7443);
        assertThat(cobalt.confidence()).isEqualTo(100);
        assertThat(cobalt.attribution().malware()).isEqualTo("Cobalt Strike");
        assertThat(cobalt.attribution().tags()).containsExactly("botnet_cc", "CobaltStrike", "c2");
        assertThat(index.matchDomain("panel.darkgate.example").get(0).indicator().confidence()).isEqualTo(75);
        assertThat(index.matchHash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").get(0)
                .indicator().attribution().malware()).as("'Unknown malware' names no family").isNull();
        Indicator lumma = index.matchUrl("http://gate.example.net/api/v1/checkin").get(0).indicator();
        assertThat(lumma.attribution().malware()).isEqualTo("Lumma Stealer");
        assertThat(lumma.firstSeenMicros()).isEqualTo(micros("2024-05-05T06:30:00Z"));
        assertThat(lumma.reference()).isEqualTo("https://threatfox.abuse.ch/ioc/1270099/");
    }

    @Test
    void sslblListsCertificateFingerprintsAndJa3WithTheFamilyOfTheListingReason() {
        IndicatorIndex index = FeedFixtures.load("feeds/sslbl-sha1.csv", "feeds/sslbl-ja3.csv").indicators();
        Indicator certificate = index.matchHash("4e1243bd22c66e76c2ba9eddc1f91394e57f9f83").get(0).indicator();
        assertThat(certificate.type()).isEqualTo(IndicatorType.CERT_SHA1);
        assertThat(certificate.attribution().malware()).isEqualTo("AsyncRAT");
        Indicator ja3 = index.matchJa3("72a589da586844d7f0818ce684948eea").get(0).indicator();
        assertThat(ja3.attribution().malware()).isEqualTo("Tofsee");
        assertThat(ja3.lastSeenMicros()).isEqualTo(micros("2024-05-01T09:00:00Z"));
    }

    @Test
    void malwareBazaarRowsLoadAllThreeHashesWithTheSignature() {
        IndicatorIndex index = FeedFixtures.load("feeds/malwarebazaar.csv").indicators();
        for (String hash : List.of("fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9",
                "d41d8cd98f00b204e9800998ecf8427e", "da39a3ee5e6b4b0d3255bfef95601890afd80709")) {
            assertThat(index.matchHash(hash)).singleElement()
                    .extracting(match -> match.indicator().attribution().malware()).isEqualTo("AgentTesla");
        }
    }

    @Test
    void loadsThePublishedAbuseChDumps() {
        LoadedIntel intel = StandardFeeds.loader(List.of()).load(List.of(
                SharedData.path("intel/abusech-urlhaus-csv").toString(),
                SharedData.path("intel/feeds2stix-abusech-stix21/sample_data_current").toString()));
        FileAccount urlhaus = intel.files().stream().filter(file -> "urlhaus-csv".equals(file.format())).findFirst()
                .orElseThrow();
        assertThat(urlhaus.events()).isGreaterThan(19_000);
        assertThat(urlhaus.quarantined()).isZero();
        assertThat(intel.indicators().matchUrl("http://27.215.214.134:60116/i")).isNotEmpty();
        assertThat(intel.indicators().countsByType()).containsKeys(IndicatorType.URL, IndicatorType.CERT_SHA1,
                IndicatorType.SHA256, IndicatorType.MD5);
        assertThat(intel.indicators().matchHash("854c68ab7ad70b6f95f76ec64b8a46c145997629")).singleElement()
                .extracting(match -> match.indicator().attribution().malware()).isEqualTo("AsyncRAT");
        assertThat(intel.files()).allSatisfy(file -> assertThat(file.balanced()).isTrue());
    }
}
