package io.stagehunt.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagehunt.net.IpAddress;
import io.stagehunt.net.PublicSuffixList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorIndexTest {

    private static final Attribution FEED = Attribution.of("test-feed", "plain-list");

    private static IndicatorIndex indexOf(IndicatorType type, String... values) {
        IndicatorIndex.Builder builder = IndicatorIndex.builder(PublicSuffixList.bundled());
        for (String value : values) {
            builder.add(Indicator.of(type, value, FEED));
        }
        return builder.build();
    }

    @ParameterizedTest(name = "{0} listed, {1} observed -> {2}")
    @CsvSource({
            "evil.com,            evil.com,                 EXACT",
            "evil.com,            a.b.evil.com,             SUBDOMAIN",
            "evil.com,            EVIL.COM.,                EXACT",
            "evil.com,            notevil.com,              NONE",
            "evil.com,            evil.com.au,              NONE",
            "a.evil.com,          evil.com,                 NONE",
            "evil.co.uk,          x.evil.co.uk,             SUBDOMAIN",
            "co.uk,               evil.co.uk,               NONE",
            "co.uk,               co.uk,                    EXACT",
            "com,                 evil.com,                 NONE",
            "duckdns.org,         victim.duckdns.org,       NONE",
            "bad.duckdns.org,     www.bad.duckdns.org,      SUBDOMAIN",
            "*.evil.com,          x.evil.com,               SUBDOMAIN",
            "xn--80ak6aa92e.com,  apple.com,                NONE",
            "пример.рф,           www.xn--e1afmkfd.xn--p1ai, SUBDOMAIN",
            "amazonaws.com,       x.s3.amazonaws.com,       NONE",
            "amazonaws.com,       console.amazonaws.com,    SUBDOMAIN",
            "compute.amazonaws.com, h.eu-1.compute.amazonaws.com, NONE",
            "eu-1.compute.amazonaws.com, h.eu-1.compute.amazonaws.com, NONE",
            "h.eu-1.compute.amazonaws.com, a.h.eu-1.compute.amazonaws.com, SUBDOMAIN",
            "evil.ck,             www.evil.ck,              NONE",
            "www.ck,              a.www.ck,                 SUBDOMAIN",
    })
    void matchesDomainsAndTheirSubdomainsDownToTheRegisteredDomain(String listed, String observed,
            String expected) {
        List<IntelMatch> matches = indexOf(IndicatorType.DOMAIN, listed).matchDomain(observed);
        if (expected.equals("NONE")) {
            assertThat(matches).isEmpty();
        } else {
            assertThat(matches).singleElement().satisfies(match -> {
                assertThat(match.relation()).isEqualTo(IntelMatch.Relation.valueOf(expected));
                assertThat(match.observed()).isEqualTo(observed);
            });
        }
    }

    @Test
    void reportsEveryListedParentOfAName() {
        IndicatorIndex index = indexOf(IndicatorType.DOMAIN, "evil.com", "cdn.evil.com");
        assertThat(index.matchDomain("x.cdn.evil.com")).extracting(match -> match.indicator().value())
                .containsExactlyInAnyOrder("evil.com", "cdn.evil.com");
    }

    @ParameterizedTest(name = "{0} listed, {1} observed -> {2}")
    @CsvSource({
            "41.108.179.197,       41.108.179.197,       EXACT",
            "41.108.179.197,       41.108.179.198,       NONE",
            "10.0.0.0/8,           10.200.3.4,           IN_RANGE",
            "10.0.0.0/8,           11.0.0.0,             NONE",
            "10.0.0.0/8,           9.255.255.255,        NONE",
            "112.64.0.0/15,        112.65.255.255,       IN_RANGE",
            "112.64.0.0/15,        112.66.0.0,           NONE",
            "192.0.2.7/32,         192.0.2.7,            EXACT",
            "2001:db8::1,          2001:DB8:0:0::1,      EXACT",
            "2001:db8::/32,        2001:db8:ffff::1,     IN_RANGE",
            "2001:db8::/32,        2001:db9::1,          NONE",
            "::ffff:1.2.3.4,       1.2.3.4,              EXACT",
            "0.0.0.0/0,            203.0.113.9,          IN_RANGE",
    })
    void matchesAddressesExactlyAndByRange(String listed, String observed, String expected) {
        List<IntelMatch> matches = indexOf(IndicatorType.IP, listed).matchAddress(IpAddress.parse(observed));
        if (expected.equals("NONE")) {
            assertThat(matches).isEmpty();
        } else {
            assertThat(matches).singleElement()
                    .extracting(IntelMatch::relation).isEqualTo(IntelMatch.Relation.valueOf(expected));
        }
    }

    @Test
    void nestedRangesAllMatchAndSiblingsDoNot() {
        IndicatorIndex index = indexOf(IndicatorType.CIDR, "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24",
                "10.2.0.0/16", "10.1.2.3", "192.168.0.0/16");
        assertThat(index.matchAddress(IpAddress.parse("10.1.2.3"))).extracting(match -> match.indicator().value())
                .containsExactlyInAnyOrder("10.1.2.3", "10.1.2.0/24", "10.1.0.0/16", "10.0.0.0/8");
        assertThat(index.matchAddress(IpAddress.parse("10.1.3.1"))).extracting(match -> match.indicator().value())
                .containsExactlyInAnyOrder("10.1.0.0/16", "10.0.0.0/8");
        assertThat(index.matchAddress(IpAddress.parse("10.3.0.1"))).extracting(match -> match.indicator().value())
                .containsExactly("10.0.0.0/8");
        assertThat(index.matchAddress(IpAddress.parse("10.255.255.255")))
                .extracting(match -> match.indicator().value()).containsExactly("10.0.0.0/8");
        assertThat(index.matchAddress(IpAddress.parse("11.0.0.0"))).isEmpty();
        assertThat(index.matchAddress(IpAddress.parse("192.168.255.255"))).hasSize(1);
    }

    @Test
    void rangeLookupAgreesWithALinearScanOnRandomRanges() {
        java.util.Random random = new java.util.Random(20240613);
        IndicatorIndex.Builder builder = IndicatorIndex.builder(PublicSuffixList.bundled());
        List<io.stagehunt.net.Cidr> ranges = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            int prefix = 8 + random.nextInt(25);
            String text = IpAddress.ofV4(random.nextInt(1 << 12) << 20 | random.nextInt()).toString() + "/" + prefix;
            io.stagehunt.net.Cidr range = io.stagehunt.net.Cidr.parse(text);
            ranges.add(range);
            builder.add(Indicator.of(IndicatorType.CIDR, text, FEED));
        }
        IndicatorIndex index = builder.build();
        for (int i = 0; i < 20_000; i++) {
            IpAddress probe = IpAddress.ofV4(random.nextInt(1 << 12) << 20 | random.nextInt(1 << 20));
            long expected = ranges.stream().filter(range -> range.contains(probe)).count();
            assertThat(index.matchAddress(probe)).as(probe.toString()).hasSize((int) expected);
        }
    }

    @ParameterizedTest(name = "{0} listed, {1} observed")
    @CsvSource(delimiter = '|', value = {
            "http://evil.com/a/b.exe      | HTTP://EVIL.COM:80/a/./c/../b.exe",
            "http://evil.com              | http://evil.com/",
            "https://evil.com:443/x?q=1   | https://evil.com/x?q=1#fragment",
            "http://evil.com/%7euser/a%2fb | http://evil.com/~user/a%2Fb",
            "http://evil.com/a b          | http://evil.com/a%20b",
            "http://user:pw@evil.com/p    | http://evil.com/p",
            "http://[2001:DB8::1]:8080/x  | http://[2001:db8::1]:8080/x",
            "http://xn--e1afmkfd.xn--p1ai/ | http://пример.рф/",
    })
    void matchesUrlsInNormalForm(String listed, String observed) {
        assertThat(indexOf(IndicatorType.URL, listed).matchUrl(observed)).hasSize(1);
    }

    @ParameterizedTest(name = "{0} listed, {1} observed -> no match")
    @CsvSource(delimiter = '|', value = {
            "http://evil.com/a         | http://evil.com/a/",
            "http://evil.com:8080/     | http://evil.com/",
            "https://evil.com/         | http://evil.com/",
            "http://evil.com/x?q=1     | http://evil.com/x?q=2",
    })
    void distinguishesDifferentUrls(String listed, String observed) {
        assertThat(indexOf(IndicatorType.URL, listed).matchUrl(observed)).isEmpty();
    }

    @Test
    void matchesHashesByTheirAlgorithmWhateverTheCase() {
        IndicatorIndex.Builder builder = IndicatorIndex.builder(PublicSuffixList.bundled());
        builder.add(Indicator.of(IndicatorType.MD5, "0749BAE92CA336A02C83D126E04EC628", FEED));
        builder.add(Indicator.of(IndicatorType.CERT_SHA1, "2d:d1:9f:80:99:86:fc:ac:5f:2a:2a:fd:a3:f3:7e:96:7c:dd:24:37",
                FEED));
        builder.add(Indicator.of(IndicatorType.SHA256,
                "b3c4ae251f8094fa15b510051835c657eaef2a6cea46075d3aec964b14a99f68", FEED));
        builder.add(Indicator.of(IndicatorType.JA3, "b7202231ff2db28363c109cedc6d1642", FEED));
        IndicatorIndex index = builder.build();

        assertThat(index.matchHash("0749bae92ca336a02c83d126e04ec628")).hasSize(1);
        assertThat(index.matchHash("2dd19f809986fcac5f2a2afda3f37e967cdd2437")).singleElement()
                .extracting(match -> match.indicator().type()).isEqualTo(IndicatorType.CERT_SHA1);
        assertThat(index.matchHash("B3C4AE251F8094FA15B510051835C657EAEF2A6CEA46075D3AEC964B14A99F68")).hasSize(1);
        assertThat(index.matchJa3("b7202231ff2db28363c109cedc6d1642")).hasSize(1);
        assertThat(index.matchHash("b7202231ff2db28363c109cedc6d1642")).as("a JA3 is not a file MD5").isEmpty();
        assertThat(index.matchJa3s("b7202231ff2db28363c109cedc6d1642")).isEmpty();
    }

    @Test
    void keepsEveryFeedsEntryForOneValueInLoadingOrder() {
        IndicatorIndex.Builder builder = IndicatorIndex.builder(PublicSuffixList.bundled());
        builder.add(Indicator.of(IndicatorType.IP, "41.108.179.197", Attribution.of("first", "stix21"))
                .withPort(1177).withConfidence(90));
        builder.add(Indicator.of(IndicatorType.IP, "41.108.179.197", Attribution.of("second", "plain-list")));
        IndicatorIndex index = builder.build();

        List<IntelMatch> matches = index.matchAddress(IpAddress.parse("41.108.179.197"));
        assertThat(matches).extracting(match -> match.indicator().attribution().feed())
                .containsExactly("first", "second");
        assertThat(matches.get(0).indicator().port()).isEqualTo(1177);
        assertThat(matches.get(0).indicator().confidence()).isEqualTo(90);
        assertThat(matches.get(0).portAllows(1177)).isTrue();
        assertThat(matches.get(0).portAllows(80)).isFalse();
        assertThat(matches.get(1).portAllows(80)).isTrue();
        assertThat(index.countsByFeed()).containsOnlyKeys("first", "second");
        assertThat(index.countsByType()).containsEntry(IndicatorType.IP, 2);
    }

    @ParameterizedTest(name = "{0} ''{1}'' is refused")
    @CsvSource(delimiter = '|', value = {
            "DOMAIN | domain autuo.xicp.net",
            "DOMAIN | evil..com",
            "DOMAIN | 1.2.3.4",
            "URL    | evil.com/path",
            "URL    | http://evil.com:99999/",
            "IP     | 1.2.3.256",
            "CIDR   | 10.0.0.0/33",
            "MD5    | 0749bae92ca336a02c83d126e04ec6",
            "SHA256 | zz",
    })
    void refusesValuesThatAreNotOfTheirType(IndicatorType type, String value) {
        IndicatorIndex.Builder builder = IndicatorIndex.builder(PublicSuffixList.bundled());
        assertThatThrownBy(() -> builder.add(Indicator.of(type, value, FEED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\n");
        assertThat(builder.size()).isZero();
    }

    @Test
    void concurrentLookupsAgreeWithSequentialOnes() throws Exception {
        java.util.Random random = new java.util.Random(11);
        IndicatorIndex.Builder builder = IndicatorIndex.builder(PublicSuffixList.bundled());
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String name = "n" + random.nextInt(1_000_000) + ".example";
            names.add(name);
            builder.add(Indicator.of(IndicatorType.DOMAIN, name, FEED));
            builder.add(Indicator.of(IndicatorType.IP, IpAddress.ofV4(random.nextInt()).toString(), FEED));
        }
        IndicatorIndex index = builder.build();
        List<String> queries = names.stream().map(name -> "www." + name).toList();
        long expected = queries.stream().mapToLong(query -> index.matchDomain(query).size()).sum();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Long>> counts = new java.util.ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                counts.add(pool.submit(() -> queries.stream().mapToLong(query -> index.matchDomain(query).stream()
                        .filter(match -> query.endsWith(match.indicator().value())).count()).sum()));
            }
            for (java.util.concurrent.Future<Long> count : counts) {
                assertThat(count.get()).isEqualTo(expected).isGreaterThanOrEqualTo(5000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEmptyIndexMatchesNothing() {
        IndicatorIndex index = IndicatorIndex.empty();
        assertThat(index.matchDomain("evil.com")).isEmpty();
        assertThat(index.matchAddress(IpAddress.parse("1.2.3.4"))).isEmpty();
        assertThat(index.matchUrl("http://evil.com/")).isEmpty();
        assertThat(index.isEmpty()).isTrue();
    }
}
