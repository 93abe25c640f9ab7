package io.stagehunt.detect.dga.training;

import io.stagehunt.detect.dga.CharacterModel;
import io.stagehunt.detect.dga.CharacterModels;
import io.stagehunt.detect.dga.DgaModel;
import io.stagehunt.detect.dga.DomainScorer;
import io.stagehunt.detect.dga.LabelFeatures;
import io.stagehunt.detect.dga.RandomLabelModel;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.PublicSuffixList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains the generated-name model from the MISP warninglists of popular names (CC0): Tranco, Cisco Umbrella,
 * Cloudflare Radar and Majestic top-10k, plus the dynamic-DNS list to know which popular domains let
 * customers name their own hosts. No generated name from malware goes in.
 *
 * <ol>
 *   <li>Benign labels: the label left of the ICANN public suffix of every listed name, deduplicated. These are
 *       what the weights are fitted on: the labels the score mostly judges.</li>
 *   <li>Character labels: the benign labels and every host label of the listed names ({@code www},
 *       {@code mail}, {@code static}, city and product names) made of letters only, many more examples of how
 *       people and companies name things; the character models learn from these.</li>
 *   <li>The character models of orders 5, 3 and 2 ({@link CharacterModels}).</li>
 *   <li>The weights: a logistic regression of benign labels against {@link SyntheticNames}, on features
 *       measured out of fold (each benign label by models trained without its fold), so that the benign side
 *       looks as unseen names will.</li>
 * </ol>
 * The same lists give the same model, byte for byte. Stateless.
 */
public final class DgaModelTrainer {

    /** The benign lists, by file name in the MISP warninglists repository. */
    public static final List<String> BENIGN_LISTS = List.of("tranco10k.json", "cisco_top10k.json",
            "cloudflare-top10k.json", "majestic_million.json");
    public static final String DYNAMIC_DNS_LIST = "dynamic-dns.json";
    /** Hostnames of public resolvers: many small providers' domains, for labels only (they are not popular). */
    public static final String EXTRA_LABELS_LIST = "public-dns-hostname.json";
    private static final int FOLDS = 5;
    private static final long SEED = 1104;
    private static final double L2 = 1e-3;

    private DgaModelTrainer() {
    }

    /** What training used and produced, for the training command's report. */
    public record Report(int listedNames, int benignLabels, int characterLabels, int popularDomains,
            int dynamicDnsDomains, Map<Integer, Double> heldOutBitsByOrder, Map<String, Double> aucByShape,
            double[] weights, double intercept) {
    }

    /** The trained model and its report. */
    public record Result(DgaModel model, Report report) {
    }

    /** Trains from a folder holding the warninglist files named in {@link #BENIGN_LISTS}. */
    public static Result train(Path warninglists) throws IOException {
        List<String> names = new ArrayList<>();
        for (String list : BENIGN_LISTS) {
            Path file = warninglists.resolve(list);
            if (!Files.isRegularFile(file)) {
                throw new IOException("missing warninglist " + file);
            }
            names.addAll(Warninglist.read(file).entries());
        }
        Path dynamicFile = warninglists.resolve(DYNAMIC_DNS_LIST);
        List<String> dynamic = Files.isRegularFile(dynamicFile) ? Warninglist.read(dynamicFile).entries() : List.of();
        Path extraFile = warninglists.resolve(EXTRA_LABELS_LIST);
        List<String> extra = Files.isRegularFile(extraFile) ? Warninglist.read(extraFile).entries() : List.of();
        return train(names, dynamic, extra);
    }

    /** Trains from listed names (hostnames, possibly with a leading dot or {@code *.}). */
    public static Result train(List<String> listed, List<String> dynamicDns, List<String> extraLabels) {
        PublicSuffixList icann = DomainScorer.icannSuffixes();
        Set<String> hostnames = new TreeSet<>();
        for (String entry : listed) {
            String name = clean(entry);
            if (name != null) {
                hostnames.add(name);
            }
        }
        Set<String> popular = new TreeSet<>();
        Set<String> labels = new TreeSet<>();
        Set<String> characterLabels = new TreeSet<>();
        for (String name : hostnames) {
            String registered = icann.registeredDomain(name);
            if (registered == null || name.indexOf('.') < 0) {
                continue;
            }
            popular.add(registered);
            addLabels(name, registered, labels, characterLabels);
        }
        for (String entry : extraLabels) {
            String name = clean(entry);
            String registered = name == null ? null : icann.registeredDomain(name);
            if (registered != null && name.indexOf('.') > 0 && !registered.endsWith(".arpa")) {
                addLabels(name, registered, labels, characterLabels);
            }
        }
        Set<String> dynamic = new TreeSet<>();
        for (String entry : dynamicDns) {
            String name = clean(entry);
            if (name != null && name.equals(icann.registeredDomain(name)) && popular.contains(name)) {
                dynamic.add(name);
            }
        }
        List<String> labelList = new ArrayList<>(labels);
        List<String> characterList = new ArrayList<>(characterLabels);
        RandomLabelModel random = RandomLabelModel.fitRhythm(characterList);
        Map<Integer, Double> heldOut = heldOutBits(labelList, characterList);

        List<CharacterModels> foldModels = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            foldModels.add(CharacterModels.train(withoutFold(characterList, fold)));
        }
        int[] lengths = new int[labelList.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = labelList.get(i).length();
        }
        List<String> synthetic = SyntheticNames.generate(labelList.size(), lengths, SEED);
        int total = labelList.size() + synthetic.size();
        double[][] rows = new double[total][];
        boolean[] positive = new boolean[total];
        for (int i = 0; i < labelList.size(); i++) {
            String label = labelList.get(i);
            rows[i] = LabelFeatures.of(label, foldModels.get(fold(label)), random).vector();
        }
        for (int i = 0; i < synthetic.size(); i++) {
            rows[labelList.size() + i] = LabelFeatures.of(synthetic.get(i), foldModels.get(i % FOLDS), random)
                    .vector();
            positive[labelList.size() + i] = true;
        }
        int features = LabelFeatures.NAMES.size();
        double[] means = new double[features];
        double[] scales = new double[features];
        for (int j = 0; j < features; j++) {
            double sum = 0;
            for (int i = 0; i < labelList.size(); i++) {
                sum += rows[i][j];
            }
            means[j] = sum / labelList.size();
            double squares = 0;
            for (int i = 0; i < labelList.size(); i++) {
                double d = rows[i][j] - means[j];
                squares += d * d;
            }
            double deviation = StrictMath.sqrt(squares / labelList.size());
            scales[j] = deviation > 1e-9 ? deviation : 1;
        }
        double[][] standardized = new double[total][features];
        for (int i = 0; i < total; i++) {
            for (int j = 0; j < features; j++) {
                standardized[i][j] = (rows[i][j] - means[j]) / scales[j];
            }
        }
        LogisticRegression regression = LogisticRegression.fitWithSigns(standardized, positive, L2, signs());
        CharacterModels characters = CharacterModels.train(characterList);
        DgaModel model = new DgaModel(characters, random, means, scales, regression.weights(),
                regression.intercept(), popular, dynamic);
        Report report = new Report(listed.size(), labelList.size(), characterList.size(), popular.size(),
                dynamic.size(), heldOut, aucByShape(regression, standardized, labelList.size()),
                regression.weights(), regression.intercept());
        return new Result(model, report);
    }


    /**
     * Adds a name's registered label to the benign labels, and it and the name's host labels made of letters only
     * to the character labels. Internationalized ({@code xn--}) labels are left out (the score does not judge
     * them). Host labels with digits or hyphens are often named by machines (hashes, addresses, cache nodes):
     * learnt as benign, they made hexadecimal and alphanumeric random names look ordinary.
     */
    private static void addLabels(String name, String registered, Set<String> labels, Set<String> characterLabels) {
        String label = registered.substring(0, registered.indexOf('.'));
        if (!label.startsWith("xn--")) {
            labels.add(label);
            characterLabels.add(label);
        }
        int hostEnd = name.length() - registered.length() - 1;
        int start = 0;
        while (start < hostEnd) {
            int dot = name.indexOf('.', start);
            String host = name.substring(start, dot);
            if (letters(host)) {
                characterLabels.add(host);
            }
            start = dot + 1;
        }
    }

    private static boolean letters(String label) {
        if (label.isEmpty()) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    /**
     * How well the fitted weights tell the benign labels (scored out of fold) from each synthetic shape: the
     * evidence, independent of any malware's names, for a change to the character labels or the features.
     */
    private static Map<String, Double> aucByShape(LogisticRegression regression, double[][] rows, int benign) {
        List<Double> negatives = new ArrayList<>(benign);
        for (int i = 0; i < benign; i++) {
            negatives.add(regression.logit(rows[i]));
        }
        Map<String, Double> auc = new LinkedHashMap<>();
        List<Double> everyShape = new ArrayList<>();
        for (int shape = 0; shape < SyntheticNames.SHAPES.size(); shape++) {
            List<Double> positives = new ArrayList<>();
            for (int i = benign + shape; i < rows.length; i += SyntheticNames.SHAPES.size()) {
                positives.add(regression.logit(rows[i]));
            }
            everyShape.addAll(positives);
            auc.put(SyntheticNames.SHAPES.get(shape), DgaEvaluation.auc(positives, negatives));
        }
        auc.put("all shapes", DgaEvaluation.auc(everyShape, negatives));
        return auc;
    }

    private static List<String> withoutFold(List<String> labels, int fold) {
        List<String> kept = new ArrayList<>();
        for (String label : labels) {
            if (fold(label) != fold) {
                kept.add(label);
            }
        }
        return kept;
    }

    /**
     * Mean held-out surprise of benign labels per model order, the models trained on the character labels of the
     * other folds: the evidence for the orders of {@link CharacterModels}.
     */
    private static Map<Integer, Double> heldOutBits(List<String> labels, List<String> characterLabels) {
        Map<Integer, Double> bits = new TreeMap<>();
        List<String> training = withoutFold(characterLabels, 0);
        List<String> held = new ArrayList<>();
        for (String label : labels) {
            if (fold(label) == 0) {
                held.add(label);
            }
        }
        for (int order = 2; order <= 5; order++) {
            CharacterModel model = CharacterModel.train(training, order);
            double sum = 0;
            long symbols = 0;
            for (String label : held) {
                sum += model.bits(label);
                symbols += label.length() + 1;
            }
            bits.put(order, sum / symbols);
        }
        return bits;
    }

    /** {@link LabelFeatures#DIRECTIONS} as an array, for {@link LogisticRegression#fitWithSigns}. */
    static int[] signs() {
        return LabelFeatures.DIRECTIONS.stream().mapToInt(Integer::intValue).toArray();
    }

    static int fold(String label) {
        return (label.hashCode() & 0x7fffffff) % FOLDS;
    }

    private static String clean(String entry) {
        String text = entry.strip();
        if (text.startsWith("*.")) {
            text = text.substring(2);
        }
        while (text.startsWith(".")) {
            text = text.substring(1);
        }
        String name = DomainName.normalize(text);
        return name != null && DomainScorer.hostname(name) ? name : null;
    }
}
