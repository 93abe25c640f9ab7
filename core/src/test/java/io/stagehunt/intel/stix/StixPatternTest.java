package io.stagehunt.intel.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.stix.StixPattern.Alternative;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StixPatternTest {

    /** Alternatives written as {@code type value port}, joined by {@code ;}. */
    private static String describe(List<Alternative> alternatives) {
        return alternatives.stream().map(alternative -> alternative.type().label() + " " + alternative.value()
                + (alternative.port() >= 0 ? " " + alternative.port() : "")).collect(Collectors.joining("; "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "[ipv4-addr:value = '198.51.100.3']                                | ip 198.51.100.3",
            "[ ipv4-addr:value = '10.0.0.0' ]                                  | ip 10.0.0.0",
            "[ipv4-addr:value = '112.64.0.0/15']                               | cidr 112.64.0.0/15",
            "[ipv4-addr:value ISSUBSET '203.0.113.0/24']                       | cidr 203.0.113.0/24",
            "[ipv6-addr:value = '2001:db8::1']                                 | ip 2001:db8::1",
            "[domain-name:value = 'evil.example']                              | domain evil.example",
            "[url:value = 'http://evil.example/a?b=c']                         | url http://evil.example/a?b=c",
            "[file:hashes.'SHA-256' = 'ef53']                                  | sha256 ef53",
            "[file:hashes.MD5 = 'aa']                                          | md5 aa",
            "[file:hashes.'SHA-1' = 'bb']                                      | sha1 bb",
            "[file:hashes.sha1 = 'bb']                                         | sha1 bb",
            "[x509-certificate:hashes.'SHA-1' = 'cc']                          | x509-sha1 cc",
            "[x509-certificate:hashes.'SHA-256' = 'dd']                        | x509-sha256 dd",
            "[ipv4-addr:value = '45.77.45.120' AND network-traffic:dst_port = '443'] | ip 45.77.45.120 443",
            "[network-traffic:dst_port = 1177 AND ipv4-addr:value = '41.108.179.197'] | ip 41.108.179.197 1177",
            "[network-traffic:dst_ref.value = '203.0.113.5' AND network-traffic:dst_port IN (80, 443)] | ip 203.0.113.5 80; ip 203.0.113.5 443",
            "[network-traffic:dst_ref.value = 'c2.example']                    | domain c2.example",
            "[domain-name:value = 'a.example' OR ipv4-addr:value = '192.0.2.1'] | domain a.example; ip 192.0.2.1",
            "[domain-name:value IN ('a.example', 'b.example')]                 | domain a.example; domain b.example",
            "[domain-name:value = 'a.example'] OR [domain-name:value = 'b.example'] | domain a.example; domain b.example",
            "([ file:hashes.'SHA-1' = 'e1' ] OR [ file:hashes.'SHA-1' = 'e2' ]) OR ([ file:hashes.'SHA-1' = 'e3' ]) | sha1 e1; sha1 e2; sha1 e3",
            "[file:hashes.MD5 = 'aa' AND file:hashes.'SHA-256' = 'bb']         | md5 aa; sha256 bb",
            "[(domain-name:value = 'a.example' OR domain-name:value = 'b.example') AND network-traffic:dst_port = 53] | domain a.example 53; domain b.example 53",
            "[url:value = 'http://x.example/it\\'s\\\\']                       | url http://x.example/it's\\",
    })
    void compilesSupportedPatternsIntoAlternatives(String pattern, String expected) {
        assertThat(describe(StixPattern.compile(pattern))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "[ipv4-addr:value = '1.2.3.4'] FOLLOWEDBY [domain-name:value = 'a.example'] | FOLLOWEDBY",
            "[ipv4-addr:value = '1.2.3.4'] REPEATS 5 TIMES                    | qualifier REPEATS 5 TIMES",
            "[ipv4-addr:value = '1.2.3.4'] WITHIN 300 SECONDS                 | qualifier WITHIN 300 SECONDS",
            "[ipv4-addr:value = '1.2.3.4'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z' | START ... STOP",
            "[ipv4-addr:value = '1.2.3.4'] AND [domain-name:value = 'a.example'] | two observations together",
            "[domain-name:value = 'a.example' AND ipv4-addr:value = '1.2.3.4'] | AND of two observable values",
            "[ipv4-addr:value != '1.2.3.4']                                   | operator != is not supported",
            "[ipv4-addr:value NOT = '1.2.3.4']                                | NOT is not supported",
            "[email-message:subject MATCHES '^[IMPORTANT] Please Review Before'] | object path email-message:subject",
            "[file:name = 'CBricksDoc']                                       | object path file:name",
            "[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b'] | object path x509-certificate:issuer",
            "[domain-name:value LIKE '%.example']                             | operator LIKE",
            "[file:hashes.'SHA-512' = 'aa']                                   | hash algorithm 'SHA-512'",
            "[x509-certificate:hashes.MD5 = 'aa']                             | x509-certificate MD5",
            "[network-traffic:dst_port = 443]                                 | no observable value",
            "[file:hashes.MD5 = 'aa' AND network-traffic:dst_port = 443]      | not to hashes",
            "[ipv4-addr:value = '1.2.3.4' AND network-traffic:dst_port = 'https'] | not a port number",
            "[ipv4-addr:value = 1234]                                         | needs a quoted string",
            "[EXISTS ipv4-addr:value]                                         | EXISTS",
            "[domain-name:value ISSUBSET 'a.example']                         | ISSUBSET applies to addresses",
            "[ipv4-addr:value = '1.2.3.4'                                     | expected ']'",
            "ipv4-addr:value = '1.2.3.4'                                      | expected '[' or '('",
            "[ipv4-addr:value = '1.2.3.4]                                     | unterminated string",
            "[ipv4-addr:value = 'a\\nb']                                      | invalid escape",
            "[ipv4-addr:value = '1.2.3.4'] garbage                            | unexpected text",
            "[ipv4-addr:value ~ '1.2.3.4']                                    | expected a comparison operator",
            "[ipv4-addr value = '1.2.3.4']                                    | expected ':'",
            "''                                                               | expected '[' or '('",
    })
    void refusesWhatItCannotMatchWithAOneLineReason(String pattern, String reason) {
        assertThatThrownBy(() -> StixPattern.compile(pattern))
                .isInstanceOf(PatternException.class)
                .hasMessageContaining(reason)
                .hasMessageNotContaining("\n");
    }

    @org.junit.jupiter.api.Test
    void refusesHostileNestingWithoutExhaustingTheStack() {
        String deep = "(".repeat(10_000) + "[ipv4-addr:value = '1.2.3.4']" + ")".repeat(10_000);
        assertThatThrownBy(() -> StixPattern.compile(deep)).isInstanceOf(PatternException.class)
                .hasMessageContaining("nested deeper");
        String deepComparison = "[" + "(".repeat(10_000) + "ipv4-addr:value = '1.2.3.4'" + ")".repeat(10_000) + "]";
        assertThatThrownBy(() -> StixPattern.compile(deepComparison)).isInstanceOf(PatternException.class);
    }

    @org.junit.jupiter.api.Test
    void refusesPatternsThatExpandBeyondTheLimit() {
        String set = "(" + java.util.stream.IntStream.range(0, 400).mapToObj(i -> "'d" + i + ".example'")
                .collect(Collectors.joining(", ")) + ")";
        String pattern = "[(domain-name:value IN " + set + ") AND network-traffic:dst_port IN ("
                + java.util.stream.IntStream.range(1, 400).mapToObj(Integer::toString)
                .collect(Collectors.joining(", ")) + ")]";
        assertThatThrownBy(() -> StixPattern.compile(pattern)).hasMessageContaining("more than");
        assertThat(StixPattern.compile("[domain-name:value IN " + set + "]")).hasSize(400)
                .allMatch(alternative -> alternative.type() == IndicatorType.DOMAIN);
    }
}
