package io.stagehunt.detect.dga;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A character n-gram language model of domain labels: how surprising each character of a label is, given the
 * characters before it, in bits. Trained with interpolated Kneser-Ney smoothing (one absolute discount per
 * order, from the counts of counts) and kept in backoff form: a log probability for every n-gram seen in
 * training and a backoff weight for every context seen, so that scoring a label costs one or two hash lookups
 * per character and allocates nothing.
 *
 * <p>The alphabet is {@code a-z}, {@code 0-9}, {@code -}, one symbol for every other character and one
 * boundary symbol that pads the start of a label and marks its end. Immutable and thread-safe.
 */
public final class CharacterModel {

    /** The symbol that pads a label's start and marks its end. */
    static final int BOUNDARY = 1;
    /** Symbols are 1..39; 0 is never a symbol so that n-grams of different lengths never share a key. */
    static final int ALPHABET = 39;
    private static final int SYMBOL_BITS = 6;
    private static final int MAX_ORDER = 5;
    private static final double LOG2 = StrictMath.log(2);

    private final int order;
    private final IntFloatTable logProbabilities;
    private final IntFloatTable logBackoffs;

    private CharacterModel(int order, IntFloatTable logProbabilities, IntFloatTable logBackoffs) {
        this.order = order;
        this.logProbabilities = logProbabilities;
        this.logBackoffs = logBackoffs;
    }

    /** The model's order: a character is predicted from up to {@code order - 1} characters before it. */
    public int order() {
        return order;
    }

    /** The symbol of one character of a normalized label. */
    static int symbol(char c) {
        if (c >= 'a' && c <= 'z') {
            return 2 + (c - 'a');
        }
        if (c >= '0' && c <= '9') {
            return 28 + (c - '0');
        }
        if (c == '-') {
            return 38;
        }
        return 39;
    }

    /**
     * The surprise of each character of the label and of its end, in bits: {@code out[i]} for character
     * {@code i}, {@code out[label.length()]} for the end. {@code out} must hold {@code label.length() + 1}
     * values.
     */
    public void surprisals(CharSequence label, double[] out) {
        walk(label, out);
    }

    /** The surprise of the whole label, its end included, in bits; allocates nothing. */
    public double bits(CharSequence label) {
        return walk(label, null);
    }

    /** The mean surprise of the label's characters and its end, in bits per symbol. */
    public double bitsPerSymbol(CharSequence label) {
        return bits(label) / (label.length() + 1);
    }

    /** The label's total surprise; each symbol's too, into {@code out}, when given. */
    private double walk(CharSequence label, double[] out) {
        int history = BOUNDARY;
        int known = 1;
        int mask = (1 << (SYMBOL_BITS * (order - 1))) - 1;
        int length = label.length();
        double sum = 0;
        for (int i = 0; i <= length; i++) {
            int symbol = i < length ? symbol(label.charAt(i)) : BOUNDARY;
            double surprise = -log2Probability(history, Math.min(known, order - 1), symbol);
            if (out != null) {
                out[i] = surprise;
            }
            sum += surprise;
            history = (history << SYMBOL_BITS | symbol) & mask;
            known++;
        }
        return sum;
    }

    /**
     * log2 P(symbol | history), where history holds the last {@code longest} symbols, newest lowest. Near a
     * label's start the history is shorter than the order allows: one boundary symbol and the characters so
     * far, never a padding of several boundaries, whose contexts would repeat one another and charge an
     * unseen continuation the backoff weight of each.
     */
    private double log2Probability(int history, int longest, int symbol) {
        double backoff = 0;
        for (int contextLength = longest; contextLength >= 0; contextLength--) {
            int context = contextLength == 0 ? 0 : history & ((1 << (SYMBOL_BITS * contextLength)) - 1);
            int ngram = context << SYMBOL_BITS | symbol;
            float probability = logProbabilities.get(ngram);
            if (!Float.isNaN(probability)) {
                return backoff + probability;
            }
            if (contextLength > 0) {
                float weight = logBackoffs.get(context);
                if (!Float.isNaN(weight)) {
                    backoff += weight;
                }
            }
        }
        // Unreachable for a trained model, which holds every unigram; a uniform guess keeps it total.
        return backoff - StrictMath.log(ALPHABET) / LOG2;
    }

    /**
     * Trains a model on labels (normalized, one label each, no dots). Deterministic: the same labels in any
     * order give the same model, bit for bit.
     */
    public static CharacterModel train(Iterable<String> labels, int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("order must be 1.." + MAX_ORDER + ": " + order);
        }
        List<Map<Integer, Integer>> raw = new ArrayList<>();
        for (int k = 0; k <= order; k++) {
            raw.add(new HashMap<>());
        }
        int[] sequence = new int[258];
        for (String label : labels) {
            int length = 0;
            sequence[length++] = BOUNDARY;
            for (int i = 0; i < label.length() && length < sequence.length - 1; i++) {
                sequence[length++] = symbol(label.charAt(i));
            }
            sequence[length++] = BOUNDARY;
            for (int position = 1; position < length; position++) {
                int key = 0;
                for (int k = 1; k <= Math.min(order, position + 1); k++) {
                    key = key | sequence[position - k + 1] << (SYMBOL_BITS * (k - 1));
                    raw.get(k).merge(key, 1, Integer::sum);
                }
            }
        }
        List<Map<Integer, Integer>> adjusted = adjustedCounts(raw, order);
        IntFloatTable probabilities = new IntFloatTable();
        IntFloatTable backoffs = new IntFloatTable();
        Map<Integer, Double> lower = new HashMap<>();
        for (int k = 1; k <= order; k++) {
            Map<Integer, Integer> counts = adjusted.get(k);
            double discount = discount(counts);
            Map<Integer, long[]> contexts = new HashMap<>();
            for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
                long[] totals = contexts.computeIfAbsent(entry.getKey() >>> SYMBOL_BITS, c -> new long[2]);
                totals[0] += entry.getValue();
                totals[1]++;
            }
            Map<Integer, Double> current = new HashMap<>();
            if (k == 1) {
                long[] totals = contexts.getOrDefault(0, new long[] {0, 0});
                double gamma = totals[0] == 0 ? 1 : discount * totals[1] / totals[0];
                for (int symbol = 1; symbol <= ALPHABET; symbol++) {
                    int count = counts.getOrDefault(symbol, 0);
                    double seen = totals[0] == 0 ? 0 : Math.max(count - discount, 0) / totals[0];
                    current.put(symbol, seen + gamma / ALPHABET);
                }
            } else {
                int lowerMask = (1 << (SYMBOL_BITS * (k - 1))) - 1;
                for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
                    int ngram = entry.getKey();
                    long[] totals = contexts.get(ngram >>> SYMBOL_BITS);
                    double gamma = discount * totals[1] / totals[0];
                    double below = lower.get(ngram & lowerMask);
                    current.put(ngram, (entry.getValue() - discount) / totals[0] + gamma * below);
                }
                for (Map.Entry<Integer, long[]> entry : contexts.entrySet()) {
                    long[] totals = entry.getValue();
                    backoffs.put(entry.getKey(), (float) (StrictMath.log(discount * totals[1] / totals[0]) / LOG2));
                }
            }
            for (Map.Entry<Integer, Double> entry : current.entrySet()) {
                probabilities.put(entry.getKey(), (float) (StrictMath.log(entry.getValue()) / LOG2));
            }
            lower = current;
        }
        return new CharacterModel(order, probabilities, backoffs);
    }

    /**
     * Kneser-Ney's adjusted counts: the highest order keeps raw counts; a lower-order n-gram counts the
     * distinct characters seen before it, except one that starts at a label's start, which has nothing
     * before it and keeps its raw count.
     */
    private static List<Map<Integer, Integer>> adjustedCounts(List<Map<Integer, Integer>> raw, int order) {
        List<Map<Integer, Integer>> adjusted = new ArrayList<>();
        for (int k = 0; k <= order; k++) {
            adjusted.add(new HashMap<>());
        }
        adjusted.set(order, raw.get(order));
        for (int k = order - 1; k >= 1; k--) {
            Map<Integer, Integer> counts = adjusted.get(k);
            int firstShift = SYMBOL_BITS * (k - 1);
            for (Map.Entry<Integer, Integer> entry : raw.get(k).entrySet()) {
                if (entry.getKey() >>> firstShift == BOUNDARY) {
                    counts.put(entry.getKey(), entry.getValue());
                }
            }
            int mask = (1 << (SYMBOL_BITS * k)) - 1;
            for (Integer longer : raw.get(k + 1).keySet()) {
                int suffix = longer & mask;
                if (suffix >>> firstShift != BOUNDARY) {
                    counts.merge(suffix, 1, Integer::sum);
                }
            }
        }
        return adjusted;
    }

    /** The absolute discount n1 / (n1 + 2 n2) of Ney, Essen and Kneser, from the counts of counts. */
    private static double discount(Map<Integer, Integer> counts) {
        long once = 0;
        long twice = 0;
        for (int count : counts.values()) {
            if (count == 1) {
                once++;
            } else if (count == 2) {
                twice++;
            }
        }
        if (once == 0) {
            return 0.5;
        }
        return Math.min(0.95, Math.max(0.05, (double) once / (once + 2.0 * twice)));
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(order);
        logProbabilities.write(out);
        logBackoffs.write(out);
    }

    static CharacterModel read(DataInput in) throws IOException {
        int order = in.readInt();
        if (order < 1 || order > MAX_ORDER) {
            throw new IOException("bad character model order: " + order);
        }
        IntFloatTable probabilities = IntFloatTable.read(in);
        IntFloatTable backoffs = IntFloatTable.read(in);
        return new CharacterModel(order, probabilities, backoffs);
    }

    /** Entries in the model, for size reports. */
    public int size() {
        return logProbabilities.size() + logBackoffs.size();
    }

    @Override
    public String toString() {
        return "CharacterModel[order=" + order + ", ngrams=" + logProbabilities.size() + ", contexts="
                + logBackoffs.size() + "]";
    }

    /** Open-addressing map from positive int keys to floats; NaN for absent keys. Sorted when written. */
    static final class IntFloatTable {
        private int[] keys = new int[1024];
        private float[] values = new float[1024];
        private int size;

        float get(int key) {
            int mask = keys.length - 1;
            for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
                int found = keys[slot];
                if (found == key) {
                    return values[slot];
                }
                if (found == 0) {
                    return Float.NaN;
                }
            }
        }

        void put(int key, float value) {
            if (key <= 0) {
                throw new IllegalArgumentException("keys are positive: " + key);
            }
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    values[slot] = value;
                    return;
                }
                if (keys[slot] == 0) {
                    keys[slot] = key;
                    values[slot] = value;
                    size++;
                    return;
                }
            }
        }

        int size() {
            return size;
        }

        private void grow() {
            int[] oldKeys = keys;
            float[] oldValues = values;
            keys = new int[oldKeys.length * 2];
            values = new float[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }

        private static int mix(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        void write(DataOutput out) throws IOException {
            int[] sorted = new int[size];
            int next = 0;
            for (int key : keys) {
                if (key != 0) {
                    sorted[next++] = key;
                }
            }
            Arrays.sort(sorted);
            out.writeInt(size);
            for (int key : sorted) {
                out.writeInt(key);
                out.writeFloat(get(key));
            }
        }

        static IntFloatTable read(DataInput in) throws IOException {
            int size = in.readInt();
            if (size < 0 || size > 50_000_000) {
                throw new IOException("bad table size: " + size);
            }
            IntFloatTable table = new IntFloatTable();
            for (int i = 0; i < size; i++) {
                int key = in.readInt();
                float value = in.readFloat();
                if (key <= 0 || Float.isNaN(value)) {
                    throw new IOException("bad table entry " + i);
                }
                table.put(key, value);
            }
            return table;
        }
    }
}
