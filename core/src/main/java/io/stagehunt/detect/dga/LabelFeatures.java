package io.stagehunt.detect.dga;

import java.util.List;

/**
 * The lexical measurements of one domain label that the generated-name score is built from.
 *
 * <p>Digits, hexadecimal strings and length are not separate features: the likelihood ratio {@code excessBits}
 * already weighs them (the benign model finds digits surprising, the random generators include hexadecimal,
 * and the ratio grows with length). Counted again on their own, they let the weights lean on what separates
 * the synthetic training names (half of them hold digits) rather than on how random the letters are, and push
 * ordinary names with a number in them ({@code 2014yai9}, {@code jj7272}) above generated ones.
 *
 * @param length characters in the label (reported, not weighted)
 * @param bitsPerSymbol mean surprise of the label's characters (and its end) under the benign character model
 * @param excessBits the label's total surprise under the benign model minus its surprise under generic random
 *     generators ({@link RandomLabelModel}): a log-likelihood ratio, positive when the label looks more like
 *     random draws than like a popular name; it grows with length, so short names cannot reach far either way
 * @param entropy Shannon entropy of the label's character distribution, in bits
 * @param longestConsonantRun longest run of consonants ({@code y} counts as a vowel)
 * @param vowelShare vowels among the letters, 0..1
 * @param wordCoverage letters covered by known words, 0..1 of the letters
 * @param hyphen whether the label holds a hyphen
 */
public record LabelFeatures(
        int length, double bitsPerSymbol, double excessBits, double entropy, int longestConsonantRun, double vowelShare,
        double wordCoverage, boolean hyphen) {

    private static final double LOG2 = StrictMath.log(2);
    private static final double[] LOG2_X = new double[256];
    private static final double[] X_LOG2_X = new double[256];

    static {
        for (int x = 1; x < LOG2_X.length; x++) {
            LOG2_X[x] = StrictMath.log(x) / LOG2;
            X_LOG2_X[x] = x * LOG2_X[x];
        }
    }

    /** The names of {@link #vector()}'s components, in order. */
    public static final List<String> NAMES = List.of("bits_per_char", "excess_bits", "entropy", "consonant_run",
            "vowel_share", "word_coverage", "hyphen");

    /**
     * Which way each feature may pull the score, in the order of {@link #NAMES}: {@code +1} when more of it can
     * only make a name look more generated (surprise, entropy, consonant runs), {@code -1} when it can only make
     * it look less so (word coverage, a hyphen), {@code 0} when either may hold (vowels: random letters have few,
     * pronounceable generators many). The weights are fitted within these signs, so that no feature rewards its
     * opposite through its correlation with another.
     */
    public static final List<Integer> DIRECTIONS = List.of(1, 1, 1, 1, 0, -1, -1);

    /** The features as numbers, in the order of {@link #NAMES}. */
    public double[] vector() {
        return new double[] {bitsPerSymbol, excessBits, entropy, longestConsonantRun, vowelShare, wordCoverage,
            hyphen ? 1 : 0};
    }

    /** Measures a normalized label (lower case, no dots). */
    public static LabelFeatures of(String label, CharacterModel model, WordList words, RandomLabelModel random) {
        int length = label.length();
        int[] counts = new int[CharacterModel.ALPHABET + 1];
        int letters = 0;
        int vowels = 0;
        int consonantRun = 0;
        int longestRun = 0;
        boolean hyphen = false;
        for (int i = 0; i < length; i++) {
            char c = label.charAt(i);
            counts[CharacterModel.symbol(c)]++;
            if (c >= 'a' && c <= 'z') {
                letters++;
                if (isVowel(c)) {
                    vowels++;
                    consonantRun = 0;
                } else {
                    consonantRun++;
                    longestRun = Math.max(longestRun, consonantRun);
                }
            } else {
                consonantRun = 0;
                hyphen |= c == '-';
            }
        }
        // H = log2(n) - sum(c log2 c) / n, from a table: labels are at most 63 characters.
        double weighted = 0;
        for (int count : counts) {
            weighted += count < X_LOG2_X.length ? X_LOG2_X[count] : count * StrictMath.log(count) / LOG2;
        }
        double entropy = length == 0 ? 0 : Math.max(0, log2(length) - weighted / length);
        WordList.Segmentation segmentation = words.segment(label);
        double bitsPerSymbol = model.bitsPerSymbol(label);
        double excessBits = bitsPerSymbol * (length + 1) - random.bits(label);
        return new LabelFeatures(length, bitsPerSymbol, excessBits, entropy, longestRun,
                letters == 0 ? 0 : (double) vowels / letters,
                letters == 0 ? 0 : (double) segmentation.coveredLetters() / letters, hyphen);
    }

    private static double log2(int n) {
        return n < X_LOG2_X.length ? LOG2_X[n] : StrictMath.log(n) / LOG2;
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }
}
