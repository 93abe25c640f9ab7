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
            ":443, :443",
            "NULL, NULL",
    })
    void dropsThePortOfAHostPortAuthorityOnly(String authority, String expected) {
        assertThat(DomainName.withoutPort(authority)).isEqualTo(expected);
    }
}
