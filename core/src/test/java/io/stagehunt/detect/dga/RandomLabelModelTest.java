package io.stagehunt.detect.dga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RandomLabelModelTest {

    private static final double LOG2_38 = Math.log(38) / Math.log(2);

    private final RandomLabelModel model = new RandomLabelModel(0.2, 0.6, 0.15);

    @Test
    void givesALabelWithADigitOnlyTheUniformGeneratorsChance() {
        // "a9z": three uniform symbols and the end, at a quarter of the mixture.
        assertThat(model.bits("a9z")).isCloseTo(4 * LOG2_38 + 2, within(1e-9));
    }

    @ParameterizedTest(name = "{0} under {1} bits")
    @CsvSource({
        // Letters: the letter generators make them likelier than uniform symbols do.
        "qxzvkjwp, 45.0",
        // Hexadecimal: 4 bits a character, plus the end and the mixture's share.
        "3f9a7c2e, 39.3",
    })
    void makesLettersAndHexadecimalLikelierThanUniformSymbols(String label, double atMost) {
        assertThat(model.bits(label)).isLessThan(atMost).isLessThan((label.length() + 1) * LOG2_38);
    }

    @Test
    void findsAPronounceableLabelLikelierThanRandomLettersOfTheSameLength() {
        assertThat(model.bits("bakoruta")).isLessThan(model.bits("xqzvkjwp") - 3);
    }

    @Test
    void measuresTheRhythmOfVowelsAndConsonantsInTheLabelsItIsGiven() {
        RandomLabelModel fitted = RandomLabelModel.fitRhythm(List.of("banana", "tomato", "potato"));

        RandomLabelModel even = new RandomLabelModel(0.5, 0.5, 0.5);

        // Every label starts with a consonant, every consonant is followed by a vowel, every vowel by a consonant:
        // an alternating label is likelier under that rhythm than under an even one, a clustered label less so.
        assertThat(fitted.bits("bapo")).isLessThan(even.bits("bapo"));
        assertThat(fitted.bits("aabb")).isGreaterThan(even.bits("aabb"));
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(new DataOutputStream(bytes));

        RandomLabelModel copy = RandomLabelModel.read(new DataInputStream(new ByteArrayInputStream(
                bytes.toByteArray())));

        assertThat(copy.bits("bakoruta")).isEqualTo(model.bits("bakoruta"));
    }
}
