package io.stagehunt.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicSuffixListTest {

    private final PublicSuffixList list = PublicSuffixList.bundled();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "www.honestimnotevil.com, honestimnotevil.com",
            "honestimnotevil.com, honestimnotevil.com",
            "com, null",
            "co.uk, null",
            "a.b.example.co.uk, example.co.uk",
            "6dde0175375169c68f.dnsc.r-1x.com, r-1x.com",
            "abc.ns.ostrykebs.pl, ostrykebs.pl",
            "db54a845.top, db54a845.top",
            "evil.duckdns.org, evil.duckdns.org",
            "x.evil.duckdns.org, evil.duckdns.org",
            "d1a2b3c4.cloudfront.net, d1a2b3c4.cloudfront.net",
            "safebrowsing.googleapis.com, safebrowsing.googleapis.com",
            "www.ck, www.ck",
            "a.b.ck, a.b.ck",
            "localhost, null",
            "host.local, host.local",
            "_homekit._tcp.local, _tcp.local"
    })
    void findsTheRegisteredDomain(String name, String registered) {
        assertThat(list.registeredDomain(name)).isEqualTo(registered);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"www.example.com, com", "a.example.co.uk, co.uk", "foo.unknowntld, unknowntld", "www.ck, ck"})
    void findsThePublicSuffix(String name, String suffix) {
        assertThat(list.publicSuffix(name)).isEqualTo(suffix);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(nullValues = "null", value = {
            "WWW.Example.COM., www.example.com",
            "' example.org ', example.org",
            "10.0.0.1, null",
            "'', null",
            "'bad name', null",
            "'a\u0000b', null"
    })
    void normalizesDomainNames(String raw, String normalized) {
        assertThat(DomainName.normalize(raw)).isEqualTo(normalized);
    }
}
