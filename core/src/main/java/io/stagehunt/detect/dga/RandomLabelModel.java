package io.stagehunt.detect.dga;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * How likely a label is to come from a generator that knows nothing about real names: the other side of the
 * likelihood ratio behind {@code excess_bits}. An equal mixture of four generic generators:
 *
 * <ul>
 *   <li>uniform draws of every symbol a label can hold ({@code a-z}, {@code 0-9}, hyphen);</li>
 *   <li>uniform draws of letters;</li>
 *   <li>uniform draws of hexadecimal digits;</li>
 *   <li>pronounceable letters: whether the next letter is a vowel or a consonant follows the rhythm of real
 *       names (measured on the benign labels), and the letter is drawn uniformly within its class.</li>
 * </ul>
 *
 * Against uniform symbols alone, a generator of letters or of pronounceable strings looked only mildly unlike a
 * popular name, because a real name is also made of letters in a vowel/consonant rhythm; measured against a
 * generator with the same letters and rhythm, what is left is whether the letters themselves are the ones real
 * names use. No malware family's algorithm is imitated. Computed in strict floating point, so that training gives
 * the same bytes on every machine. Immutable and thread-safe.
 */
public final class RandomLabelModel {

    private static final double LOG2 = StrictMath.log(2);
    private static final double SYMBOL_BITS = StrictMath.log(38) / LOG2;
    private static final double LETTER_BITS = StrictMath.log(26) / LOG2;
    private static final double VOWEL_BITS = StrictMath.log(6) / LOG2;
    private static final double CONSONANT_BITS = StrictMath.log(20) / LOG2;
    private static final double HEX_BITS = 4;
    private static final double MIXTURE_BITS = 2;
    private static final int START = 0;
    private static final int CONSONANT = 1;
    private static final int VOWEL = 2;

    /** {@code vowelAfter[c]}: the probability that a vowel follows class {@code c} (start, consonant, vowel). */
    private final double[] vowelAfter;
    /** Bits of a letter of class {@code to} after class {@code from}, drawn uniformly within its class. */
    private final double[][] letterBits = new double[3][3];

    /**
     * @param vowelAfterStart probability that a label starts with a vowel
     * @param vowelAfterConsonant probability that a vowel follows a consonant
     * @param vowelAfterVowel probability that a vowel follows a vowel
     */
    public RandomLabelModel(double vowelAfterStart, double vowelAfterConsonant, double vowelAfterVowel) {
        this.vowelAfter = new double[] {vowelAfterStart, vowelAfterConsonant, vowelAfterVowel};
        for (int from = 0; from < 3; from++) {
            double vowel = vowelAfter[from];
            if (!(vowel > 0 && vowel < 1)) {
                throw new IllegalArgumentException("probabilities are strictly between 0 and 1: " + vowel);
            }
            letterBits[from][VOWEL] = -StrictMath.log(vowel) / LOG2 + VOWEL_BITS;
            letterBits[from][CONSONANT] = -StrictMath.log(1 - vowel) / LOG2 + CONSONANT_BITS;
        }
    }

    /** The rhythm of the given labels: how often a vowel starts them and follows a consonant or a vowel. */
    public static RandomLabelModel fitRhythm(Iterable<String> labels) {
        long[] vowels = new long[3];
        long[] totals = new long[3];
        for (String label : labels) {
            int previous = START;
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (c < 'a' || c > 'z') {
                    previous = START;
                    continue;
                }
                int kind = LabelFeatures.isVowel(c) ? VOWEL : CONSONANT;
                totals[previous]++;
                vowels[previous] += kind == VOWEL ? 1 : 0;
                previous = kind;
            }
        }
        // One pseudo-observation of each class keeps every probability strictly between 0 and 1.
        return new RandomLabelModel((vowels[START] + 1.0) / (totals[START] + 2.0),
                (vowels[CONSONANT] + 1.0) / (totals[CONSONANT] + 2.0), (vowels[VOWEL] + 1.0) / (totals[VOWEL] + 2.0));
    }

    /** The label's surprise under the mixture, in bits, its end counted as one uniform symbol. */
    public double bits(CharSequence label) {
        int length = label.length();
        double uniform = SYMBOL_BITS * (length + 1);
        double letters = LETTER_BITS * length + SYMBOL_BITS;
        double hex = HEX_BITS * length + SYMBOL_BITS;
        double pronounceable = SYMBOL_BITS;
        boolean allLetters = true;
        boolean allHex = true;
        int previous = START;
        for (int i = 0; i < length; i++) {
            char c = label.charAt(i);
            boolean letter = c >= 'a' && c <= 'z';
            allHex &= c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
            allLetters &= letter;
            if (letter) {
                int kind = LabelFeatures.isVowel(c) ? VOWEL : CONSONANT;
                pronounceable += letterBits[previous][kind];
                previous = kind;
            }
        }
        // A generator that cannot write the label gives it no chance: its term drops out of the mixture.
        double best = uniform;
        if (allLetters) {
            best = Math.min(best, Math.min(letters, pronounceable));
        }
        if (allHex) {
            best = Math.min(best, hex);
        }
        double sum = StrictMath.pow(2, best - uniform);
        if (allLetters) {
            sum += StrictMath.pow(2, best - letters) + StrictMath.pow(2, best - pronounceable);
        }
        if (allHex) {
            sum += StrictMath.pow(2, best - hex);
        }
        return best - StrictMath.log(sum) / LOG2 + MIXTURE_BITS;
    }

    void write(DataOutput out) throws IOException {
        for (double value : vowelAfter) {
            out.writeDouble(value);
        }
    }

    static RandomLabelModel read(DataInput in) throws IOException {
        double start = in.readDouble();
        double consonant = in.readDouble();
        double vowel = in.readDouble();
        try {
            return new RandomLabelModel(start, consonant, vowel);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad random-label model: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "RandomLabelModel[vowel after start %.3f, consonant %.3f, vowel %.3f]",
                vowelAfter[START], vowelAfter[CONSONANT], vowelAfter[VOWEL]);
    }
}
