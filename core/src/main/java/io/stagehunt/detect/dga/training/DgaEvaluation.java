package io.stagehunt.detect.dga.training;

import io.stagehunt.detect.dga.DgaDetector;
import io.stagehunt.detect.dga.DgaModel;
import io.stagehunt.detect.dga.DomainScore;
import io.stagehunt.detect.dga.DomainScorer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the generated-name score on a labelled CSV ({@code domain,label,family,source_file}, label
 * {@code dga} or {@code benign}) in two ways:
 *
 * <ul>
 *   <li><b>shipped</b>: the model as bundled, trained without any malware name, so every family is unseen;</li>
 *   <li><b>family split</b>: the same features, with logistic weights refitted (within the same signs) on the
 *       labelled DGA names of the training folds only; families are split between folds (aliases of one family
 *       kept together) and benign names are split by hash, so no family and no benign name is in both training
 *       and test.</li>
 * </ul>
 *
 * Both report the ROC AUC (benign names, including the hard random-looking ones, are the negatives) and
 * per-family recall at the threshold that flags 1 % of benign names. Stateless.
 */
public final class DgaEvaluation {

    /** The false-positive rate at which recall is reported. */
    public static final double FALSE_POSITIVE_RATE = 0.01;
    /** Benign names kept per result as the costliest. */
    public static final int COSTLIEST = 50;
    private static final int FOLDS = 5;
    /** The dga detector's default name threshold, for the table's last column. */
    private static final double NAME_THRESHOLD = DgaDetector.Settings.DEFAULTS.nameThreshold();
    private static final double L2 = 1e-3;
    /** Names of one malware lineage under several names in public DGA collections. */
    private static final Map<String, String> LINEAGES = Map.of("goz", "gameover-zeus", "newgoz", "gameover-zeus",
            "new_goz", "gameover-zeus", "zeus", "gameover-zeus");

    private DgaEvaluation() {
    }

    /** One labelled name. */
    public record Example(String domain, boolean generated, String family) {
    }

    /** The labelled names of a file, and the lines that could not be read, with their line numbers. */
    public record Dataset(List<Example> examples, List<String> rejectedLines) {
    }

    /**
     * One family's result: its size, the share of its names above the 1 %-false-positive threshold, and the
     * share at or above the detector's default name threshold.
     */
    public record FamilyResult(String family, boolean generated, int names, double recall, double meanScore,
            double atNameThreshold) {
    }

    /**
     * A benign name and the share of the AUC it costs: the generated names it outranks (ties half), over all
     * pairs. The costliest show what holds the AUC down on the negative side.
     */
    public record CostlyNegative(String domain, String family, double score, double aucCost) {
    }

    /**
     * The results of one way of measuring.
     *
     * @param costliest the {@value #COSTLIEST} benign names that cost the most AUC, costliest first
     */
    public record Result(String method, double auc, double threshold, int negatives, int positives,
            List<FamilyResult> families, List<CostlyNegative> costliest) {

        /** What the {@code count} costliest benign names cost together. */
        public double costOf(int count) {
            double sum = 0;
            for (int i = 0; i < Math.min(count, costliest.size()); i++) {
                sum += costliest.get(i).aucCost();
            }
            return sum;
        }
    }

    /** Reads a labelled CSV; lines that are not {@code domain,label,family[,source]} are listed, not fatal. */
    public static Dataset read(Path csv) throws IOException {
        List<Example> examples = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (number == 1 && line.startsWith("domain,")) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length < 3 || fields[0].isBlank()
                        || !(fields[1].equals("dga") || fields[1].equals("benign"))) {
                    rejected.add(number + ": " + (line.length() > 80 ? line.substring(0, 80) + "..." : line));
                    continue;
                }
                examples.add(new Example(fields[0].strip(), fields[1].equals("dga"), fields[2].strip()));
            }
        }
        return new Dataset(examples, rejected);
    }

    /**
     * The examples without the benign names whose registered domain the model was trained on, so that no
     * negative is scored by a model that has seen it.
     */
    public static List<Example> unseen(DomainScorer scorer, List<Example> examples) {
        List<Example> kept = new ArrayList<>();
        for (Example example : examples) {
            if (example.generated()) {
                kept.add(example);
                continue;
            }
            DomainScore score = scorer.score(example.domain());
            String name = score.name();
            String registered = DomainScorer.icannSuffixes().registeredDomain(name);
            if (registered == null || !scorer.model().popular(registered)) {
                kept.add(example);
            }
        }
        return kept;
    }

    /** The bundled (or given) scorer as it is. */
    public static Result shipped(DomainScorer scorer, List<Example> examples) {
        double[] scores = new double[examples.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = scorer.score(examples.get(i).domain()).score();
        }
        return result("shipped (no malware names in training)", examples, scores);
    }

    /** Refits the logistic weights on the training folds' labelled names; scores each fold's held-out names. */
    public static Result familySplit(DomainScorer scorer, List<Example> examples) {
        DgaModel model = scorer.model();
        double[][] rows = new double[examples.size()][];
        double[] hostWeight = new double[examples.size()];
        for (int i = 0; i < rows.length; i++) {
            DomainScore score = scorer.score(examples.get(i).domain());
            if (score.scored()) {
                rows[i] = model.standardized(score.features());
                hostWeight[i] = score.hostLabel() ? DomainScorer.HOST_LABEL_WEIGHT : 1;
            }
        }
        int[] folds = folds(examples);
        double[] scores = new double[examples.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<double[]> trainRows = new ArrayList<>();
            List<Boolean> trainClasses = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                if (folds[i] != fold && rows[i] != null) {
                    trainRows.add(rows[i]);
                    trainClasses.add(examples.get(i).generated());
                }
            }
            boolean[] classes = new boolean[trainClasses.size()];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = trainClasses.get(i);
            }
            boolean bothClasses = trainClasses.contains(true) && trainClasses.contains(false);
            LogisticRegression regression = bothClasses
                    ? LogisticRegression.fitWithSigns(trainRows.toArray(double[][]::new), classes, L2,
                            DgaModelTrainer.signs()) : null;
            for (int i = 0; i < rows.length; i++) {
                if (folds[i] == fold) {
                    // A fold whose training side lacks a class (tiny inputs) keeps the shipped weights.
                    scores[i] = rows[i] == null ? 0 : regression == null
                            ? scorer.score(examples.get(i).domain()).score()
                            : hostWeight[i] / (1 + Math.exp(-regression.logit(rows[i])));
                }
            }
        }
        return result("family split, " + FOLDS + " folds, weights refitted on training folds", examples, scores);
    }

    /** Each example's fold: whole lineages of generated names per fold, benign names by hash. */
    static int[] folds(List<Example> examples) {
        Map<String, Integer> sizes = new TreeMap<>();
        for (Example example : examples) {
            if (example.generated()) {
                sizes.merge(lineage(example.family()), 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> bySize = new ArrayList<>(sizes.entrySet());
        bySize.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        long[] load = new long[FOLDS];
        Map<String, Integer> foldOf = new TreeMap<>();
        for (Map.Entry<String, Integer> lineage : bySize) {
            int lightest = 0;
            for (int fold = 1; fold < FOLDS; fold++) {
                if (load[fold] < load[lightest]) {
                    lightest = fold;
                }
            }
            foldOf.put(lineage.getKey(), lightest);
            load[lightest] += lineage.getValue();
        }
        int[] folds = new int[examples.size()];
        for (int i = 0; i < folds.length; i++) {
            Example example = examples.get(i);
            folds[i] = example.generated() ? foldOf.get(lineage(example.family()))
                    : (example.domain().hashCode() & 0x7fffffff) % FOLDS;
        }
        return folds;
    }

    static String lineage(String family) {
        return LINEAGES.getOrDefault(family, family);
    }

    private static Result result(String method, List<Example> examples, double[] scores) {
        List<Double> negatives = new ArrayList<>();
        List<Double> positives = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            (examples.get(i).generated() ? positives : negatives).add(scores[i]);
        }
        double threshold = thresholdAt(negatives, FALSE_POSITIVE_RATE);
        Map<String, double[]> perFamily = new TreeMap<>();
        Map<String, Boolean> generated = new TreeMap<>();
        for (int i = 0; i < scores.length; i++) {
            Example example = examples.get(i);
            double[] tally = perFamily.computeIfAbsent(example.family(), f -> new double[4]);
            tally[0]++;
            tally[1] += scores[i] > threshold ? 1 : 0;
            tally[2] += scores[i];
            tally[3] += scores[i] >= NAME_THRESHOLD ? 1 : 0;
            generated.put(example.family(), example.generated());
        }
        List<FamilyResult> families = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : perFamily.entrySet()) {
            double[] tally = entry.getValue();
            families.add(new FamilyResult(entry.getKey(), generated.get(entry.getKey()), (int) tally[0],
                    tally[1] / tally[0], tally[2] / tally[0], tally[3] / tally[0]));
        }
        families.sort(Comparator.comparing(FamilyResult::generated).thenComparing(FamilyResult::family));
        return new Result(method, auc(positives, negatives), threshold, negatives.size(), positives.size(),
                families, costliest(examples, scores, positives));
    }

    private static List<CostlyNegative> costliest(List<Example> examples, double[] scores, List<Double> positives) {
        double[] positive = positives.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double pairs = (double) positive.length * (examples.size() - positive.length);
        List<CostlyNegative> costs = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            Example example = examples.get(i);
            if (!example.generated() && pairs > 0) {
                int below = lowerBound(positive, scores[i]);
                int notAbove = upperBound(positive, scores[i]);
                costs.add(new CostlyNegative(example.domain(), example.family(), scores[i],
                        (below + 0.5 * (notAbove - below)) / pairs));
            }
        }
        costs.sort(Comparator.comparingDouble(CostlyNegative::aucCost).reversed()
                .thenComparing(CostlyNegative::domain));
        return List.copyOf(costs.subList(0, Math.min(COSTLIEST, costs.size())));
    }

    /** The score above which at most {@code rate} of the negatives lie. */
    static double thresholdAt(List<Double> negatives, double rate) {
        double[] sorted = negatives.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int allowed = (int) Math.floor(rate * sorted.length);
        return sorted[sorted.length - 1 - allowed];
    }

    /** ROC AUC by the Mann-Whitney statistic: ties count one half. */
    public static double auc(List<Double> positives, List<Double> negatives) {
        double[] negative = negatives.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double sum = 0;
        for (double score : positives) {
            int below = lowerBound(negative, score);
            int notAbove = upperBound(negative, score);
            sum += below + 0.5 * (notAbove - below);
        }
        return sum / ((double) positives.size() * negative.length);
    }

    private static int lowerBound(double[] sorted, double value) {
        int index = Arrays.binarySearch(sorted, value);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && sorted[index - 1] == value) {
            index--;
        }
        return index;
    }

    private static int upperBound(double[] sorted, double value) {
        int index = Arrays.binarySearch(sorted, value);
        if (index < 0) {
            return -index - 1;
        }
        while (index < sorted.length && sorted[index] == value) {
            index++;
        }
        return index;
    }

    /** The results as a plain-text table, one family a line. */
    public static String table(Result shipped, Result split) {
        StringBuilder out = new StringBuilder();
        for (Result result : List.of(shipped, split)) {
            out.append(String.format(java.util.Locale.ROOT,
                    "%s: ROC AUC %.4f over %d generated and %d benign names; threshold at 1%% FPR %.3f%n",
                    result.method(), result.auc(), result.positives(), result.negatives(), result.threshold()));
        }
        out.append(String.format(java.util.Locale.ROOT, "%-24s %-7s %6s %12s %12s %8s %10s%n", "family",
                "label", "names", "recall@1%", "split@1%", "mean", ">=" + NAME_THRESHOLD));
        for (int i = 0; i < shipped.families().size(); i++) {
            FamilyResult family = shipped.families().get(i);
            FamilyResult other = split.families().get(i);
            out.append(String.format(java.util.Locale.ROOT, "%-24s %-7s %6d %12s %12s %8.3f %9.1f%%%n",
                    family.family(), family.generated() ? "dga" : "benign", family.names(), percent(family),
                    percent(other), family.meanScore(), 100 * family.atNameThreshold()));
        }
        return out.toString();
    }

    /** The benign names that cost the shipped model the most AUC, and what the costliest cost together. */
    public static String costliestTable(Result result, int shown) {
        StringBuilder out = new StringBuilder();
        int listed = result.costliest().size();
        int few = Math.min(10, listed);
        out.append(String.format(java.util.Locale.ROOT,
                "Benign names costing the most AUC (%s): the %d costliest %.4f together", result.method(), few,
                result.costOf(few)));
        if (listed > few) {
            out.append(String.format(java.util.Locale.ROOT, ", the %d costliest %.4f", listed, result.costOf(listed)));
        }
        out.append(System.lineSeparator());
        for (CostlyNegative negative : result.costliest().subList(0, Math.min(shown, result.costliest().size()))) {
            out.append(String.format(java.util.Locale.ROOT, "  %-40s %-24s %6.3f %9.5f%n", negative.domain(),
                    negative.family(), negative.score(), negative.aucCost()));
        }
        return out.toString();
    }

    private static String percent(FamilyResult family) {
        String value = String.format(java.util.Locale.ROOT, "%.1f%%", 100 * family.recall());
        return family.generated() ? value : "(" + value + " FP)";
    }
}
