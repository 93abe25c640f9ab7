package io.stagehunt.detect.dga.training;

import io.stagehunt.detect.dga.CharacterModel;
import io.stagehunt.detect.dga.DgaModel;
import io.stagehunt.detect.dga.DomainScorer;
import io.stagehunt.detect.dga.LabelFeatures;
import io.stagehunt.detect.dga.RandomLabelModel;
import io.stagehunt.detect.dga.WordList;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.PublicSuffixList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 *   <li>Benign labels: the label left of the ICANN public suffix of every listed name, deduplicated.</li>
 *   <li>Words: alphabetic runs of 3 to 12 letters between dots, hyphens and digits in the listed names, seen in
 *       at least {@value #MIN_WORD_NAMES} names (3-letter ones in at least {@value #MIN_SHORT_WORD_NAMES}).</li>
 *   <li>The character model on all benign labels.</li>
 *   <li>The weights: a logistic regression of benign labels against {@link SyntheticNames}, on features
 *       measured out of fold (each benign label by a character model and word list built without its fold),
 *       so that the benign side looks as unseen names will.</li>
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
    /** Predicts a character from the 4 before it: lowest held-out surprise on benign labels (see train report). */
    public static final int ORDER = 5;
    static final int MIN_WORD_NAMES = 2;
    static final int MIN_SHORT_WORD_NAMES = 4;
    private static final int FOLDS = 5;
    private static final long SEED = 1104;
    private static final double L2 = 1e-3;

    private DgaModelTrainer() {
    }

    /** What training used and produced, for the training command's report. */
    public record Report(int listedNames, int benignLabels, int words, int popularDomains, int dynamicDnsDomains,
            Map<Integer, Double> heldOutBitsByOrder, double[] weights, double intercept) {
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
        for (String name : hostnames) {
            String registered = icann.registeredDomain(name);
            if (registered == null || name.indexOf('.') < 0) {
                continue;
            }
            popular.add(registered);
            String label = registered.substring(0, registered.indexOf('.'));
            if (!label.startsWith("xn--")) {
                labels.add(label);
            }
        }
        for (String entry : extraLabels) {
            String name = clean(entry);
            String registered = name == null ? null : icann.registeredDomain(name);
            if (registered != null && name.indexOf('.') > 0 && !registered.endsWith(".arpa")) {
                String label = registered.substring(0, registered.indexOf('.'));
                if (!label.startsWith("xn--")) {
                    labels.add(label);
                }
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
        RandomLabelModel random = RandomLabelModel.fitRhythm(labelList);
        Map<Integer, Double> heldOut = heldOutBits(labelList);

        List<List<String>> trainingLabels = new ArrayList<>();
        List<WordList> foldWords = new ArrayList<>();
        List<CharacterModel> foldModels = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<String> inFold = new ArrayList<>();
            for (String label : labelList) {
                if (fold(label) != fold) {
                    inFold.add(label);
                }
            }
            trainingLabels.add(inFold);
            foldModels.add(CharacterModel.train(inFold, ORDER));
            foldWords.add(words(hostnames, fold));
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
            int fold = fold(label);
            rows[i] = LabelFeatures.of(label, foldModels.get(fold), foldWords.get(fold), random).vector();
        }
        for (int i = 0; i < synthetic.size(); i++) {
            int fold = i % FOLDS;
            rows[labelList.size() + i] = LabelFeatures.of(synthetic.get(i), foldModels.get(fold),
                    foldWords.get(fold), random).vector();
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
        CharacterModel characters = CharacterModel.train(labelList, ORDER);
        WordList words = words(hostnames, -1);
        DgaModel model = new DgaModel(characters, words, random, means, scales, regression.weights(),
                regression.intercept(), popular, dynamic);
        Report report = new Report(listed.size(), labelList.size(), words.size(), popular.size(), dynamic.size(),
                heldOut, regression.weights(), regression.intercept());
        return new Result(model, report);
    }

    /** Mean held-out surprise of benign labels per model order: the evidence for {@link #ORDER}. */
    private static Map<Integer, Double> heldOutBits(List<String> labels) {
        Map<Integer, Double> bits = new TreeMap<>();
        List<String> training = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (String label : labels) {
            (fold(label) == 0 ? held : training).add(label);
        }
        for (int order = 2; order <= 5; order++) {
            CharacterModel model = CharacterModel.train(training, order);
            double sum = 0;
            long symbols = 0;
            for (String label : held) {
                double[] surprisals = new double[label.length() + 1];
                model.surprisals(label, surprisals);
                for (double value : surprisals) {
                    sum += value;
                }
                symbols += surprisals.length;
            }
            bits.put(order, sum / symbols);
        }
        return bits;
    }

    /** Words from the listed names, leaving out the names of one fold ({@code -1}: none). */
    private static WordList words(Set<String> hostnames, int leftOutFold) {
        Map<String, Integer> namesPerWord = new TreeMap<>();
        for (String name : hostnames) {
            String registered = DomainScorer.icannSuffixes().registeredDomain(name);
            if (leftOutFold >= 0 && registered != null
                    && fold(registered.substring(0, registered.indexOf('.'))) == leftOutFold) {
                continue;
            }
            Set<String> tokens = new TreeSet<>();
            int start = -1;
            for (int i = 0; i <= name.length(); i++) {
                char c = i < name.length() ? name.charAt(i) : '.';
                boolean letter = c >= 'a' && c <= 'z';
                if (letter && start < 0) {
                    start = i;
                } else if (!letter && start >= 0) {
                    tokens.add(name.substring(start, i));
                    start = -1;
                }
            }
            for (String token : tokens) {
                namesPerWord.merge(token, 1, Integer::sum);
            }
        }
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : namesPerWord.entrySet()) {
            int length = entry.getKey().length();
            int needed = length == 3 ? MIN_SHORT_WORD_NAMES : MIN_WORD_NAMES;
            if (length >= 3 && length <= 12 && entry.getValue() >= needed) {
                words.add(entry.getKey());
            }
        }
        return WordList.of(words);
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
