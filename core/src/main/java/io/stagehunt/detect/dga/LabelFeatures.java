package io.stagehunt.detect.dga;

import java.util.List;

/**
 * The lexical measurements of one domain label that the generated-name score is built from.
 *
 * <p>The likelihood ratios carry nearly all of the signal: a label's surprise under character models of benign
 * names, against its surprise under generic random generators ({@link RandomLabelModel}), at three model
 * orders. The order-5 model knows long stretches of real names; the order-3 and order-2 ones are estimated from
 * far more examples per context, so they still judge fairly where the long contexts were rarely seen. Digits,
 * hexadecimal strings and length are not features of their own: the ratios already weigh them, and counted
 * again they let the weights lean on what separates the synthetic training names rather than on how random the
 * letters are. Word coverage, consonant runs and the mean surprise per character were dropped once the models
 * learnt from host labels too: they no longer added to how well benign names are told from random ones.
 *
 * @param length characters in the label (reported, not weighted)
 * @param excessBits the label's surprise in bits under the benign order-5 character model minus its surprise
 *     under the random generators: positive when the label looks more like random draws than like a popular
 *     name; it grows with length, so short names cannot reach far either way
 * @param excessBitsOrder3 the same under the benign order-3 model
 * @param excessBitsOrder2 the same under the benign order-2 model
 * @param entropy Shannon entropy of the label's character distribution, in bits
 * @param vowelShare vowels among the letters, 0..1 ({@code y} counts as a vowel)
 * @param hyphen whether the label holds a hyphen
 */
public record LabelFeatures(
        int length, double excessBits, double excessBitsOrder3, double excessBitsOrder2, double entropy,
        double vowelShare, boolean hyphen) {

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
    public static final List<String> NAMES = List.of("excess_bits", "excess_bits_order3", "excess_bits_order2",
            "entropy", "vowel_share", "hyphen");

    /**
     * Which way each feature may pull the score, in the order of {@link #NAMES}: {@code +1} when more of it can
     * only make a name look more generated (surprise, entropy), {@code -1} when it can only make it look less so
     * (a hyphen), {@code 0} when either may hold (vowels: random letters have few, pronounceable generators
     * many). The weights are fitted within these signs, so that no feature rewards its opposite through its
     * correlation with another.
     */
    public static final List<Integer> DIRECTIONS = List.of(1, 1, 1, 1, 0, -1);

    /** The features as numbers, in the order of {@link #NAMES}. */
    public double[] vector() {
        return new double[] {excessBits, excessBitsOrder3, excessBitsOrder2, entropy, vowelShare,
            hyphen ? 1 : 0};
    }

    /** Measures a normalized label (lower case, no dots). */
    public static LabelFeatures of(String label, CharacterModels models, RandomLabelModel random) {
        int length = label.length();
        int[] counts = new int[CharacterModel.ALPHABET + 1];
        int letters = 0;
        int vowels = 0;
        boolean hyphen = false;
        for (int i = 0; i < length; i++) {
            char c = label.charAt(i);
            counts[CharacterModel.symbol(c)]++;
            if (c >= 'a' && c <= 'z') {
                letters++;
                vowels += isVowel(c) ? 1 : 0;
            }
            hyphen |= c == '-';
        }
        // H = log2(n) - sum(c log2 c) / n, from a table: labels are at most 63 characters.
        double weighted = 0;
        for (int count : counts) {
            weighted += count < X_LOG2_X.length ? X_LOG2_X[count] : count * StrictMath.log(count) / LOG2;
        }
        double entropy = length == 0 ? 0 : Math.max(0, log2(length) - weighted / length);
        double randomBits = random.bits(label);
        return new LabelFeatures(length, models.order5().bits(label) - randomBits,
                models.order3().bits(label) - randomBits, models.order2().bits(label) - randomBits, entropy,
                letters == 0 ? 0 : (double) vowels / letters, hyphen);
    }

    private static double log2(int n) {
        return n < X_LOG2_X.length ? LOG2_X[n] : StrictMath.log(n) / LOG2;
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }
}
