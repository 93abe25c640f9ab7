package io.stagehunt.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicSuffixListRulesBelowTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "amazonaws.com,          true",
            "compute.amazonaws.com,  true",
            "com,                    true",
            "uk,                     true",
            "ck,                     true",
            "example.com,            false",
            "evil.co.uk,             false",
            "s3.amazonaws.com,       false",
            "blogspot.com,           false",
    })
    void knowsWhichNamesHaveRulesBelowThem(String name, boolean expected) {
        assertThat(PublicSuffixList.bundled().hasRulesBelow(name)).isEqualTo(expected);
    }
}
