package io.stagehunt.intel.plain;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorIndex;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.feed.FeedFixtures;
import io.stagehunt.intel.feed.LoadedIntel;
import io.stagehunt.intel.feed.StandardFeeds;
import io.stagehunt.net.IpAddress;
import io.stagehunt.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainFormatsTest {

    @Test
    void aPlainListMixesAddressesRangesNamesUrlsAndHashesWithComments() {
        LoadedIntel intel = FeedFixtures.load("feeds/plain-list.txt");
        IndicatorIndex index = intel.indicators();
        assertThat(index.countsByType()).containsEntry(IndicatorType.IP, 2).containsEntry(IndicatorType.CIDR, 2)
                .containsEntry(IndicatorType.DOMAIN, 2).containsEntry(IndicatorType.URL, 1)
                .containsEntry(IndicatorType.MD5, 1);
        assertThat(index.matchAddress(IpAddress.parse("2001:db8:bad::1"))).hasSize(1);
        assertThat(index.matchAddress(IpAddress.parse("198.51.100.7"))).singleElement()
                .satisfies(match -> assertThat(match.indicator().port()).isEqualTo(8443));
        assertThat(index.matchDomain("ads.tracker.example")).as("hosts-file line").hasSize(1);
        Indicator indicator = index.matchDomain("x.c2.badactor.example").get(0).indicator();
        assertThat(indicator.firstSeenMicros()).isEqualTo(Indicator.UNKNOWN_TIME);
        assertThat(indicator.confidence()).isEqualTo(Indicator.UNKNOWN_CONFIDENCE);
        assertThat(FeedFixtures.account(intel).quarantineReasons()).containsOnlyKeys("more than one value on the line");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "IP used by shiotob/urlzone/bebloh C&C                          | shiotob/urlzone/bebloh",
            "Domain used by shiotob/urlzone/bebloh                          | shiotob/urlzone/bebloh",
            "Domain used by Cryptolocker - Flashback DGA for 10 Nov 2016    | Cryptolocker - Flashback",
            "Domain used by matsnu                                          | matsnu",
            "Sinkholed domain                                               | ''",
    })
    void bambenekDescriptionsNameTheFamilyAfterUsedBy(String description, String family) {
        assertThat(BambenekFormat.family(description)).isEqualTo(family.isEmpty() ? null : family);
    }

    @Test
    void bambenekMasterlistsCarryFamilyTagsAndDate() {
        IndicatorIndex index = FeedFixtures.load("feeds/bambenek.txt").indicators();
        Indicator address = index.matchAddress(IpAddress.parse("203.0.113.150")).get(0).indicator();
        assertThat(address.attribution().malware()).isEqualTo("shiotob/urlzone/bebloh");
        assertThat(address.attribution().tags()).containsExactly("c2");
        Indicator dga = index.matchDomain("lkjhgfqwerty.example").get(0).indicator();
        assertThat(dga.attribution().tags()).containsExactly("dga");
        assertThat(dga.firstSeenMicros()).isEqualTo(1_714_953_600_000_000L);
    }

    @Test
    void viriBackRowsListThePanelUrlAndItsAddressAndRefuseImpossibleDates() {
        LoadedIntel intel = FeedFixtures.load("feeds/viriback.csv");
        assertThat(intel.indicators().matchUrl("http://panel.lokibot.example/fre.php").get(0).indicator()
                .attribution().malware()).isEqualTo("Lokibot");
        assertThat(intel.indicators().matchAddress(IpAddress.parse("203.0.113.170"))).hasSize(1);
        assertThat(FeedFixtures.account(intel).quarantineReasons()).containsOnlyKeys(
                "'31-04-2024' is not a dd-mm-yyyy date");
    }

    @Test
    void aRankedTopListIsABenignList() {
        LoadedIntel intel = FeedFixtures.load("feeds/toplist.csv");
        assertThat(intel.indicators().isEmpty()).isTrue();
        assertThat(intel.benign().listOf("www.popular-site.example")).isEqualTo("top sites toplist.csv");
    }

    @Test
    void loadsTheBambenekSamplesOfIntelMq() {
        LoadedIntel intel = StandardFeeds.loader(List.of()).load(List.of(
                SharedData.path("intel/intelmq-feed-samples/c2-ipmasterlist.txt").toString(),
                SharedData.path("intel/intelmq-feed-samples/c2-dommasterlist.txt").toString(),
                SharedData.path("intel/intelmq-feed-samples/dga-feed.txt").toString()));
        assertThat(intel.files()).allSatisfy(file -> assertThat(file.format()).isEqualTo("bambenek-csv"));
        assertThat(intel.indicators().matchAddress(IpAddress.parse("213.247.47.190")).get(0).indicator()
                .attribution().malware()).isEqualTo("shiotob/urlzone/bebloh");
        assertThat(intel.indicators().matchDomain("xqmclnusaswvof.com").get(0).indicator().attribution().malware())
                .isEqualTo("Cryptolocker - Flashback");
    }
}
