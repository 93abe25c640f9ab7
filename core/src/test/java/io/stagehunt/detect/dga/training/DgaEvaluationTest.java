package io.stagehunt.detect.dga.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stagehunt.detect.dga.DomainScorer;
import io.stagehunt.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DgaEvaluationTest {

    /** What the shipped scorer reaches on unseen names (0.9780, docs/detectors/dga.md); short of the 0.98 aimed at. */
    private static final double MINIMUM_SHIPPED_AUC = 0.977;
    /** What the same features reach with weights refitted on other families (0.9777). */
    private static final double MINIMUM_SPLIT_AUC = 0.977;

    @ParameterizedTest(name = "AUC {2}")
    @CsvSource(delimiter = ';', value = {
        "0.9 0.8 0.7; 0.1 0.2 0.3; 1.0",
        "0.1 0.2; 0.8 0.9; 0.0",
        "0.5 0.5; 0.5 0.5; 0.5",
        "0.9 0.4; 0.5 0.1; 0.75",
    })
    void computesTheRocAucAsTheShareOfCorrectlyOrderedPairs(String positives, String negatives, double auc) {
        assertThat(DgaEvaluation.auc(numbers(positives), numbers(negatives))).isCloseTo(auc, within(1e-12));
    }

    @Test
    void setsTheThresholdSoThatAtMostOnePercentOfNegativesLieAbove() {
        List<Double> negatives = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            negatives.add(i / 200.0);
        }

        double threshold = DgaEvaluation.thresholdAt(negatives, 0.01);

        assertThat(negatives.stream().filter(score -> score > threshold).count()).isEqualTo(2);
    }

    /**
     * Each benign name's cost is the share of all pairs it misorders, so with every benign name listed the costs
     * add up to exactly what the AUC lacks; a random-looking benign name costs the most.
     */
    @Test
    void theCostsOfTheBenignNamesAddUpToWhatTheAucLacks() {
        List<DgaEvaluation.Example> examples = List.of(
                new DgaEvaluation.Example("qxvzkwjtrpl.com", true, "letters"),
                new DgaEvaluation.Example("hjtnestnessbiophysicalohax.com", true, "banjori"),
                new DgaEvaluation.Example("kosozgic.ru", true, "pushdo"),
                new DgaEvaluation.Example("wikipedia.org", false, "top"),
                new DgaEvaluation.Example("zpfdtwgyfq.biz", false, "top"),
                new DgaEvaluation.Example("greenvalleyorganicfarm.com", false, "long tail"));

        DgaEvaluation.Result result = DgaEvaluation.shipped(DomainScorer.standard(), examples);

        assertThat(result.costliest()).hasSize(3);
        assertThat(result.costliest().get(0).domain()).isEqualTo("zpfdtwgyfq.biz");
        assertThat(result.costliest().get(0).aucCost()).isGreaterThan(0);
        assertThat(result.costOf(3)).isCloseTo(1 - result.auc(), within(1e-12));
        assertThat(DgaEvaluation.costliestTable(result, 2)).contains("zpfdtwgyfq.biz").hasLineCount(3);
    }

    @Test
    void keepsEveryFamilyAndItsAliasesInOneFoldOnly() {
        List<DgaEvaluation.Example> examples = new ArrayList<>();
        String[] families = {"goz", "newgoz", "new_goz", "zeus", "alpha", "beta", "gamma", "delta", "epsilon"};
        for (int i = 0; i < 900; i++) {
            examples.add(new DgaEvaluation.Example("n" + i + ".com", true, families[i % families.length]));
            examples.add(new DgaEvaluation.Example("b" + i + ".com", false, "benign"));
        }

        int[] folds = DgaEvaluation.folds(examples);

        Map<String, Integer> foldOfLineage = new HashMap<>();
        Set<Integer> benignFolds = new HashSet<>();
        for (int i = 0; i < examples.size(); i++) {
            DgaEvaluation.Example example = examples.get(i);
            if (example.generated()) {
                Integer earlier = foldOfLineage.putIfAbsent(DgaEvaluation.lineage(example.family()), folds[i]);
                assertThat(earlier == null || earlier == folds[i]).as(example.family()).isTrue();
            } else {
                benignFolds.add(folds[i]);
            }
        }
        assertThat(foldOfLineage).containsKey("gameover-zeus").hasSize(6);
        assertThat(benignFolds).hasSize(5);
    }

    @Test
    void listsLinesItCannotReadAndGoesOn(@TempDir Path folder) throws IOException {
        Path csv = folder.resolve("labelled.csv");
        Files.writeString(csv, "domain,label,family,source_file\nexample.com,benign,top,x\n"
                + "garbage line without commas\nqxzvkj.net,dga,demo,y\n,dga,demo,z\nother.org,maybe,top,x\n");

        DgaEvaluation.Dataset dataset = DgaEvaluation.read(csv);

        assertThat(dataset.examples()).extracting(DgaEvaluation.Example::domain).containsExactly("example.com",
                "qxzvkj.net");
        assertThat(dataset.rejectedLines()).hasSize(3);
        assertThat(dataset.rejectedLines().get(0)).startsWith("3: ");
    }

    /**
     * The labelled public set: benign names (the hard, random-looking ones included) against 40 malware
     * families. Benign names whose domain the model was trained on are left out, so that every score is of an
     * unseen name. The shipped model has never seen a malware name, so every family is unseen by construction;
     * the family-split figure refits the weights on the other folds' families.
     */
    @Test
    void separatesGeneratedFromBenignNamesOfFamiliesItNeverSaw() throws IOException {
        Path file = SharedData.path("dga/labeled_domains.csv");
        DgaEvaluation.Dataset dataset = DgaEvaluation.read(file);
        DomainScorer scorer = DomainScorer.standard();
        List<DgaEvaluation.Example> unseen = DgaEvaluation.unseen(scorer, dataset.examples());

        DgaEvaluation.Result shipped = DgaEvaluation.shipped(scorer, unseen);
        DgaEvaluation.Result split = DgaEvaluation.familySplit(scorer, unseen);

        assertThat(unseen).anyMatch(example -> example.family().equals("opendns_random_looking"));
        assertThat(shipped.negatives()).isGreaterThan(8000);
        assertThat(shipped.positives()).isGreaterThan(50_000);
        assertThat(shipped.auc()).isGreaterThanOrEqualTo(MINIMUM_SHIPPED_AUC);
        assertThat(split.auc()).isGreaterThanOrEqualTo(MINIMUM_SPLIT_AUC);
    }

    private static List<Double> numbers(String text) {
        return Arrays.stream(text.trim().split(" ")).map(Double::valueOf).toList();
    }
}
