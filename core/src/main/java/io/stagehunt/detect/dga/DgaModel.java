package io.stagehunt.detect.dga;

import java.io.BufferedInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the generated-name score needs, trained from benign names only: the character models, the random
 * generators they are compared with, the weights that combine a label's features, and the
 * registered domains that the benign lists show to be popular (their host labels are chosen by their owner, not
 * by a generator).
 *
 * <p>The combination is a logistic model over features standardized against benign names:
 * {@code score = 1 / (1 + exp(-(intercept + sum(weight[i] * (x[i] - benignMean[i]) / benignScale[i]))))}, so
 * each term is one feature's pull away from what a popular name looks like. Immutable and thread-safe.
 */
public final class DgaModel {

    /** The model shipped with stagehunt, trained by {@code stagehunt dga train} from CC0 lists. */
    public static final String RESOURCE = "dga-model.bin";
    private static final int MAGIC = 0x53484447;
    private static final int VERSION = 3;

    private final CharacterModels characters;
    private final RandomLabelModel random;
    private final double[] benignMeans;
    private final double[] benignScales;
    private final double[] weights;
    private final double intercept;
    private final Set<String> popularDomains;
    private final Set<String> dynamicDnsDomains;

    /**
     * @param popularDomains ICANN registered domains seen in the benign lists
     * @param dynamicDnsDomains popular registered domains whose customers name their own hosts (dynamic DNS)
     */
    public DgaModel(CharacterModels characters, RandomLabelModel random, double[] benignMeans,
            double[] benignScales, double[] weights, double intercept, Collection<String> popularDomains,
            Collection<String> dynamicDnsDomains) {
        int features = LabelFeatures.NAMES.size();
        if (benignMeans.length != features || benignScales.length != features || weights.length != features) {
            throw new IllegalArgumentException("expected " + features + " means, scales and weights");
        }
        this.characters = characters;
        this.random = random;
        this.benignMeans = benignMeans.clone();
        this.benignScales = benignScales.clone();
        this.weights = weights.clone();
        this.intercept = intercept;
        this.popularDomains = Set.copyOf(popularDomains);
        this.dynamicDnsDomains = Set.copyOf(dynamicDnsDomains);
    }

    /** The model bundled as a resource of this package. */
    public static DgaModel bundled() {
        return Bundled.MODEL;
    }

    public CharacterModels characters() {
        return characters;
    }

    public RandomLabelModel random() {
        return random;
    }

    public boolean popular(String registeredDomain) {
        return popularDomains.contains(registeredDomain);
    }

    public boolean dynamicDns(String registeredDomain) {
        return dynamicDnsDomains.contains(registeredDomain);
    }

    /** The measured features of a label. */
    public LabelFeatures features(String label) {
        return LabelFeatures.of(label, characters, random);
    }

    /** The score of measured features, 0..1. */
    public double score(LabelFeatures features) {
        return logistic(logit(features.vector()));
    }

    /** Each feature's term in the logit, in the order of {@link LabelFeatures#NAMES}. */
    public double[] terms(LabelFeatures features) {
        double[] x = features.vector();
        double[] terms = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            terms[i] = weights[i] * (x[i] - benignMeans[i]) / benignScales[i];
        }
        return terms;
    }

    /** The features standardized against benign names: {@code (x[i] - benignMean[i]) / benignScale[i]}. */
    public double[] standardized(LabelFeatures features) {
        double[] x = features.vector();
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - benignMeans[i]) / benignScales[i];
        }
        return x;
    }

    /** A popular name's typical value of each feature, in the order of {@link LabelFeatures#NAMES}. */
    public double benignMean(int feature) {
        return benignMeans[feature];
    }

    public double intercept() {
        return intercept;
    }

    public double weight(int feature) {
        return weights[feature];
    }

    double logit(double[] x) {
        double sum = intercept;
        for (int i = 0; i < x.length; i++) {
            sum += weights[i] * (x[i] - benignMeans[i]) / benignScales[i];
        }
        return sum;
    }

    static double logistic(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    /** Writes the model in the resource format; the same model always gives the same bytes. */
    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        characters.write(out);
        random.write(out);
        out.writeInt(weights.length);
        for (int i = 0; i < weights.length; i++) {
            out.writeUTF(LabelFeatures.NAMES.get(i));
            out.writeDouble(benignMeans[i]);
            out.writeDouble(benignScales[i]);
            out.writeDouble(weights[i]);
        }
        out.writeDouble(intercept);
        writeNames(out, popularDomains);
        writeNames(out, dynamicDnsDomains);
        out.flush();
    }

    /** Reads a model written by {@link #write}. */
    public static DgaModel read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a stagehunt DGA model");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported DGA model version " + version + " (expected " + VERSION + ")");
        }
        CharacterModels characters = CharacterModels.read(in);
        RandomLabelModel random = RandomLabelModel.read(in);
        int features = in.readInt();
        if (features != LabelFeatures.NAMES.size()) {
            throw new IOException("model has " + features + " features, this version uses "
                    + LabelFeatures.NAMES.size());
        }
        double[] means = new double[features];
        double[] scales = new double[features];
        double[] weights = new double[features];
        for (int i = 0; i < features; i++) {
            String name = in.readUTF();
            if (!name.equals(LabelFeatures.NAMES.get(i))) {
                throw new IOException("model feature " + i + " is " + name + ", expected "
                        + LabelFeatures.NAMES.get(i));
            }
            means[i] = in.readDouble();
            scales[i] = in.readDouble();
            weights[i] = in.readDouble();
        }
        double intercept = in.readDouble();
        List<String> popular = readNames(in);
        List<String> dynamic = readNames(in);
        return new DgaModel(characters, random, means, scales, weights, intercept, popular, dynamic);
    }

    private static void writeNames(DataOutput out, Set<String> names) throws IOException {
        out.writeInt(names.size());
        for (String name : new TreeSet<>(names)) {
            out.writeUTF(name);
        }
    }

    private static List<String> readNames(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 10_000_000) {
            throw new IOException("bad name count: " + count);
        }
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(in.readUTF());
        }
        return names;
    }

    /** Loads the bundled model on first use only, so that code that never scores pays nothing. */
    private static final class Bundled {
        static final DgaModel MODEL = load();

        private static DgaModel load() {
            try (InputStream in = DgaModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource missing: " + RESOURCE);
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled DGA model", e);
            }
        }
    }
}
