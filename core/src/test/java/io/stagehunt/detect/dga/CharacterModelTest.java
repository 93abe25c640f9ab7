package io.stagehunt.detect.dga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CharacterModelTest {

    private static final List<String> LABELS = List.of("google", "goodreads", "golang", "github", "gitlab",
            "wikipedia", "wikimedia", "weather", "whatsapp", "amazon", "apple", "android", "facebook", "bing",
            "yahoo", "youtube", "twitter", "linkedin", "netflix", "office", "outlook", "reddit", "spotify", "zoom");

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void givesEveryContextAProperProbabilityDistribution(int order) {
        CharacterModel model = CharacterModel.train(LABELS, order);
        for (String prefix : List.of("", "go", "wiki", "qx", "zzzz", "9-")) {
            double total = 0;
            for (char c : "abcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
                total += Math.pow(2, -lastSurprisal(model, prefix + c));
            }
            total += Math.pow(2, -endSurprisal(model, prefix));
            assertThat(total).as("sum over next symbols after '%s'", prefix).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void findsFamiliarLabelsLessSurprisingThanRandomOnes() {
        CharacterModel model = CharacterModel.train(LABELS, 4);

        assertThat(model.bitsPerSymbol("goodtube")).isLessThan(model.bitsPerSymbol("xqjvkzpw") - 1.5);
    }

    @Test
    void chargesAnUnseenSymbolNearALabelsStartOneBackoffPerContextItReallyHas() {
        // '9' never follows a letter in training; after "a" at the start, the contexts are the boundary and "a",
        // whatever the order: a higher order must not add backoff weights of repeated boundary padding.
        List<String> labels = new ArrayList<>(LABELS);
        labels.add("web2");
        double lowOrder = CharacterModel.train(labels, 3).bitsPerSymbol("a9");
        double highOrder = CharacterModel.train(labels, 5).bitsPerSymbol("a9");

        assertThat(highOrder).isCloseTo(lowOrder, within(0.5));
    }

    @Test
    void trainsTheSameModelWhateverTheOrderOfItsLabels() throws IOException {
        List<String> shuffled = new ArrayList<>(LABELS);
        Collections.shuffle(shuffled, new java.util.Random(3));

        assertThat(bytes(CharacterModel.train(shuffled, 4))).isEqualTo(bytes(CharacterModel.train(LABELS, 4)));
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        CharacterModel model = CharacterModel.train(LABELS, 5);
        CharacterModel copy = CharacterModel.read(new DataInputStream(new ByteArrayInputStream(bytes(model))));

        assertThat(copy.order()).isEqualTo(5);
        assertThat(copy.bitsPerSymbol("gitbook")).isEqualTo(model.bitsPerSymbol("gitbook"));
        assertThat(bytes(copy)).isEqualTo(bytes(model));
    }

    private static double lastSurprisal(CharacterModel model, String label) {
        double[] bits = new double[label.length() + 1];
        model.surprisals(label, bits);
        return bits[label.length() - 1];
    }

    private static double endSurprisal(CharacterModel model, String label) {
        double[] bits = new double[label.length() + 1];
        model.surprisals(label, bits);
        return bits[label.length()];
    }

    private static byte[] bytes(CharacterModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(new DataOutputStream(out));
        return out.toByteArray();
    }
}
