package io.stagehunt.detect.network.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameShapeTest {

    @ParameterizedTest(name = "{0}: {1} bits per character")
    @CsvSource({
        "aaaa,      0",
        "abab,      1",
        "abcd,      2",
        "ab.cd,     2",
        "'',        0",
    })
    void entropyCountsCharactersWithoutDots(String text, double bits) {
        assertThat(NameShape.entropyBits(text, 0, text.length())).isCloseTo(bits, within(1e-9));
    }

    @ParameterizedTest(name = "{0}: longest label {1}, digits {2}, consonant run {3}")
    @CsvSource({
        "www.example,            7,  0,    3",
        "6dde0175375169c68f.dnsc, 18, 0.59, 4",
        "strengths,              9,  0,    5",
        "a1.b2,                  2,  0.5,  1",
    })
    void measuresLabelsDigitsAndConsonantRuns(String text, int longest, double digits, int run) {
        assertThat(NameShape.longestLabel(text, 0, text.length())).isEqualTo(longest);
        assertThat(NameShape.digitShare(text, 0, text.length())).isCloseTo(digits, within(0.01));
        assertThat(NameShape.longestConsonantRun(text, 0, text.length())).isEqualTo(run);
    }

    @ParameterizedTest(name = "{0} looks generated: {1}")
    @CsvSource({
        "wikipedia,           false",
        "login-live,          false",
        "cdn01,               false",
        "facebook,            false",
        "microsoftonline,     false",
        "a3f9c2e1b7d4,        true",
        "xkqzjvbnwp,          true",
        "6dde0175375169c68f,  true",
        "mkvjx9q2tz7rpl,      true",
        "volykyc,             false",
    })
    void tellsHashesAndRandomLettersFromWords(String label, boolean generated) {
        assertThat(NameShape.looksGenerated(label)).isEqualTo(generated);
    }
}
