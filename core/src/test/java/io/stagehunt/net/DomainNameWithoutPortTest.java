package io.stagehunt.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNameWithoutPortTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(nullValues = "NULL", value = {
            "portal.example.com:8443, portal.example.com",
            "portal.example.com, portal.example.com",
            "203.0.113.9:443, 203.0.113.9",
            "2001:db8::1, 2001:db8::1",
            "[2001:db8::1]:8080, 2001:db8::1",
            "[2001:db8::1], 2001:db8::1",
            "[fe80::1%eth0]:80, fe80::1%eth0",
            "[2001:db8::1, [2001:db8::1",
            ":443, :443",
            "NULL, NULL",
    })
    void dropsThePortOfAHostPortAuthorityOnly(String authority, String expected) {
        assertThat(DomainName.withoutPort(authority)).isEqualTo(expected);
    }

    /** What a Host header or CONNECT target names, once its port is gone: an address literal is no name. */
    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(nullValues = "NULL", value = {
            "Portal.Example.com:8443, portal.example.com",
            "203.0.113.9:443, NULL",
            "[2001:db8::1]:8080, NULL",
            "[2001:db8::1], NULL",
            "2001:db8::1, NULL",
            "[::ffff:203.0.113.9]:80, NULL",
    })
    void anAddressLiteralInAnAuthorityIsNoName(String authority, String expected) {
        assertThat(DomainName.normalize(DomainName.withoutPort(authority))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"[2001:db8::1]", "[203.0.113.9]"})
    void aBracketedAddressIsNoNameEvenWhereNoPortWasExpected(String text) {
        assertThat(DomainName.normalize(text)).isNull();
    }
}
