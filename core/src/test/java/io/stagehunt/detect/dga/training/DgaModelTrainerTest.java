package io.stagehunt.detect.dga.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.dga.DgaModel;
import io.stagehunt.detect.dga.DomainScorer;
import io.stagehunt.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DgaModelTrainerTest {

    /** Popular-looking names made up for this test: words, brands, a few hyphens and digits. */
    private static final List<String> LISTED = names();

    @Test
    void trainsTheSameBytesTwice() throws IOException {
        DgaModel first = DgaModelTrainer.train(LISTED, List.of(".dyn-example.net"), List.of()).model();
        DgaModel second = DgaModelTrainer.train(LISTED, List.of(".dyn-example.net"), List.of()).model();

        assertThat(bytes(first)).isEqualTo(bytes(second));
    }

    @Test
    void learnsToScoreRandomLettersAboveTheNamesItWasTrainedOn() {
        DomainScorer scorer = DomainScorer.withModel(DgaModelTrainer.train(LISTED, List.of(), List.of()).model());

        assertThat(scorer.score("qxzvkjwpbt.com").score()).isGreaterThan(scorer.score("greenhouse.com").score());
        assertThat(scorer.score("qxzvkjwpbt.com").score()).isGreaterThan(0.5);
    }

    @Test
    void reportsHowWellEachSyntheticShapeIsToldFromTheBenignLabels() {
        DgaModelTrainer.Report report = DgaModelTrainer.train(LISTED, List.of(), List.of()).report();

        assertThat(report.aucByShape().keySet()).containsExactly("letters", "letters and digits", "hexadecimal",
                "pronounceable", "all shapes");
        // Word-made names against random draws: hexadecimal, all consonant-and-digit soup, is the easiest.
        assertThat(report.aucByShape().get("hexadecimal")).isGreaterThan(0.95);
        assertThat(report.aucByShape().values()).allSatisfy(auc -> assertThat(auc).isBetween(0.5, 1.0));
    }

    @Test
    void knowsPopularDomainsAndTheDynamicDnsOnesAmongThem() {
        DgaModel model = DgaModelTrainer.train(LISTED, List.of(".dyn-example.net", ".unlisted-dyn.org"), List.of())
                .model();

        assertThat(model.popular("greenhouse.com")).isTrue();
        assertThat(model.popular("news.greenhouse.com")).isFalse();
        assertThat(model.dynamicDns("dyn-example.net")).isTrue();
        assertThat(model.dynamicDns("unlisted-dyn.org")).isFalse();
    }

    @Test
    void reproducesTheShippedModelByteForByteFromTheWarninglists() throws IOException {
        Path lists = SharedData.path("intel/misp-warninglists-benign");

        byte[] trained = bytes(DgaModelTrainer.train(lists).model());

        try (InputStream shipped = DgaModel.class.getResourceAsStream(DgaModel.RESOURCE)) {
            assertThat(shipped).isNotNull();
            assertThat(trained).isEqualTo(shipped.readAllBytes());
        }
    }

    private static byte[] bytes(DgaModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }

    private static List<String> names() {
        String[] first = {"green", "blue", "red", "open", "smart", "happy", "city", "global", "daily", "north",
            "sun", "star", "river", "stone", "bright", "quick", "home", "world", "market", "cloud"};
        String[] second = {"house", "media", "news", "shop", "bank", "travel", "sport", "games", "music", "food",
            "press", "labs", "works", "post", "store", "hub", "mail", "times", "radio", "tech"};
        String[] suffixes = {".com", ".net", ".org", ".co.uk", ".de"};
        List<String> names = new ArrayList<>();
        int i = 0;
        for (String a : first) {
            for (String b : second) {
                String suffix = suffixes[i++ % suffixes.length];
                names.add(a + b + suffix);
                if (i % 7 == 0) {
                    names.add("www." + a + "-" + b + suffix);
                }
                if (i % 11 == 0) {
                    names.add(a + b + (i % 100) + suffix);
                }
            }
        }
        names.add("dyn-example.net");
        names.add(".leading-dot-example.com");
        names.add("*.wildcard-example.com");
        names.add("not a name");
        return names;
    }
}
