package io.stagehunt.detect.dga;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainScorerTest {

    private final DomainScorer scorer = DomainScorer.standard();

    @ParameterizedTest(name = "{0} is ordinary")
    @ValueSource(strings = {"google.com", "www.wikipedia.org", "mail.yahoo.co.jp", "github.com",
            "stackoverflow.com", "login.microsoftonline.com", "nytimes.com", "weather.com", "bestbuy.com",
            "harvard.edu", "spiegel.de", "competitivecameras.com", "greenvalleyorganicfarm.com", "WWW.GOOGLE.COM."})
    void scoresPopularAndWordBasedNamesLow(String name) {
        assertThat(scorer.score(name).score()).isLessThan(0.1);
    }

    /** Two or three letters carry little evidence either way: they sit near the model's prior, well below 0.6. */
    @ParameterizedTest(name = "{0} is a short abbreviation")
    @ValueSource(strings = {"www.bbc.co.uk", "cnn.com", "ibm.com", "bmw.de", "hp.com", "www.dw.com"})
    void keepsShortAbbreviationsWellBelowTheNameThreshold(String name) {
        assertThat(scorer.score(name).score()).isLessThan(0.4);
    }

    @ParameterizedTest(name = "{0} is a provider-assigned host name")
    @ValueSource(strings = {"d1a2b3c4.cloudfront.net", "e4567.dscb.akamaiedge.net",
            "r3---sn-4g5e6nsz.googlevideo.com", "abc123def456.blob.core.windows.net"})
    void scoresMachineNamedHostsOfPopularProvidersByTheProvidersDomain(String name) {
        DomainScore score = scorer.score(name);

        assertThat(score.score()).isLessThan(0.1);
        assertThat(score.hostLabel()).isFalse();
    }

    @ParameterizedTest(name = "{0} looks generated")
    @ValueSource(strings = {"xjkqwpzvbnrt.com", "qzxvkjwpfh.net", "kq7z3v9x1m2p8w.org", "3f9a7c2e4b1d8f6a.info",
            "zxqvjkwpbnmlrt.ru", "db54a845.top", "pufymoq.com"})
    void scoresRandomLettersDigitsAndHexHigh(String name) {
        DomainScore score = scorer.score(name);

        assertThat(score.score()).isGreaterThan(0.9);
        assertThat(score.status()).isEqualTo(DomainScore.Status.SCORED);
    }

    @ParameterizedTest(name = "{0} scores {1}..{2}")
    @CsvSource({
        // Pronounceable generated names (Simda-style) sit between ordinary and random names.
        "volykyc.com, 0.5, 0.9",
        "purylev.com, 0.3, 0.8",
        // A dynamic-DNS customer picks the label: it is what gets scored.
        "wxkqzjvbtr.duckdns.org, 0.9, 1.0",
        // A host label below an unknown domain counts, at three quarters of its weight.
        "pqzkxjwvbt.example-unknown-host.org, 0.6, 0.75",
    })
    void scoresBetween(String name, double low, double high) {
        assertThat(scorer.score(name).score()).isBetween(low, high);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "wpad, LOCAL_NAME",
        "printer.local, LOCAL_NAME",
        "7.1.168.192.in-addr.arpa, LOCAL_NAME",
        "co.uk, PUBLIC_SUFFIX",
        "xn--bcher-kva.de, INTERNATIONALIZED",
        "'bad name', NOT_A_HOSTNAME",
        "192.168.1.1, NOT_A_HOSTNAME",
        "a..example.com, NOT_A_HOSTNAME",
        "'', NOT_A_HOSTNAME",
        "exa$mple.com, NOT_A_HOSTNAME",
    })
    void saysWhyANameIsNotScored(String name, DomainScore.Status status) {
        DomainScore score = scorer.score(name);

        assertThat(score.status()).isEqualTo(status);
        assertThat(score.score()).isZero();
    }

    @org.junit.jupiter.api.Test
    void reportsWhichLabelWasScoredAndItsRegisteredDomain() {
        DomainScore score = scorer.score("Mail.Xjkqwpzvbnrt.co.uk.");

        assertThat(score.name()).isEqualTo("mail.xjkqwpzvbnrt.co.uk");
        assertThat(score.registeredDomain()).isEqualTo("xjkqwpzvbnrt.co.uk");
        assertThat(score.label()).isEqualTo("xjkqwpzvbnrt");
        assertThat(score.hostLabel()).isFalse();
        assertThat(score.features().length()).isEqualTo(12);
    }

    @org.junit.jupiter.api.Test
    void rejectsLabelsLongerThanDnsAllows() {
        assertThat(scorer.score("a".repeat(64) + ".com").status()).isEqualTo(DomainScore.Status.NOT_A_HOSTNAME);
        assertThat(scorer.score("a".repeat(63) + ".com").status()).isEqualTo(DomainScore.Status.SCORED);
    }
}
