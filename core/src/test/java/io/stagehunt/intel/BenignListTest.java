package io.stagehunt.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.net.IpAddress;
import io.stagehunt.net.PublicSuffixList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenignListTest {

    private static final BenignList LIST = build();

    private static BenignList build() {
        BenignList.Builder builder = BenignList.builder(PublicSuffixList.bundled());
        builder.addName("www.google.com", BenignList.Match.EXACT, "top sites");
        builder.addName(".akamai.net", BenignList.Match.DOMAIN, "windows endpoints");
        builder.addName(".aadrm.com", BenignList.Match.DOMAIN, "microsoft");
        builder.addName("github.com", BenignList.Match.DOMAIN, "tranco");
        builder.addName("duckdns.org", BenignList.Match.DOMAIN, "dynamic dns");
        builder.addName("msftncsi", BenignList.Match.SUBSTRING, "probes");
        builder.addRange("8.8.8.8", "public resolvers");
        builder.addRange("104.16.0.0/13", "cloudflare");
        return builder.build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "www.google.com,            top sites",
            "mail.google.com,           ''",
            "a1.akamai.net,             ''",
            "akamai.net,                windows endpoints",
            "eu.aadrm.com,              microsoft",
            "api.github.com,            tranco",
            "github.com,                tranco",
            "evil.duckdns.org,          ''",
            "duckdns.org,               dynamic dns",
            "dns.msftncsi.com,          probes",
            "evil.com,                  ''",
    })
    void findsNamesByTheirListsMatchType(String name, String list) {
        assertThat(LIST.listOf(name)).isEqualTo(list.isEmpty() ? null : list);
        assertThat(LIST.contains(name)).isEqualTo(!list.isEmpty());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "8.8.8.8,        public resolvers",
            "8.8.4.4,        ''",
            "104.18.20.226,  cloudflare",
            "104.24.0.0,     ''",
    })
    void findsAddressesByRange(String address, String list) {
        assertThat(LIST.listOf(IpAddress.parse(address))).isEqualTo(list.isEmpty() ? null : list);
    }

    @Test
    void countsEntriesPerList() {
        assertThat(LIST.countsByList()).containsEntry("cloudflare", 1).containsEntry("top sites", 1).hasSize(8);
        assertThat(BenignList.empty().contains("www.google.com")).isFalse();
    }
}
