package io.stagehunt.detect.dga;

import java.util.List;

/**
 * The lexical measurements of one domain label that the generated-name score is built from.
 *
 * @param length characters in the label
 * @param bitsPerSymbol mean surprise of the label's characters (and its end) under the benign character model
 * @param excessBits the label's total surprise under the benign model minus its surprise under a model that
 *     draws every symbol uniformly: a log-likelihood ratio, positive when the label looks more like random draws
 *     than like a popular name; it grows with length, so short names cannot reach far either way
 * @param entropy Shannon entropy of the label's character distribution, in bits
 * @param longestConsonantRun longest run of consonants ({@code y} counts as a vowel)
 * @param vowelShare vowels among the letters, 0..1
 * @param digitShare digits among the characters, 0..1
 * @param letterDigitSwitches places where a letter and a digit meet
 * @param wordCoverage letters covered by known words, 0..1 of the letters
 * @param hexadecimal whether the label is 8 or more hexadecimal digits with at least one digit and one letter
 * @param hyphen whether the label holds a hyphen
 */
public record LabelFeatures(
        int length, double bitsPerSymbol, double excessBits, double entropy, int longestConsonantRun, double vowelShare,
        double digitShare, int letterDigitSwitches, double wordCoverage, boolean hexadecimal, boolean hyphen) {

    private static final double LOG2 = StrictMath.log(2);
    /** Bits per symbol of uniform draws from the 38 symbols a label can hold (a-z, 0-9, hyphen, end). */
    private static final double UNIFORM_BITS = StrictMath.log(38) / LOG2;
    private static final double[] LOG2_X = new double[256];
    private static final double[] X_LOG2_X = new double[256];

    static {
        for (int x = 1; x < LOG2_X.length; x++) {
            LOG2_X[x] = StrictMath.log(x) / LOG2;
            X_LOG2_X[x] = x * LOG2_X[x];
        }
    }

    /** The names of {@link #vector()}'s components, in order. */
    public static final List<String> NAMES = List.of("bits_per_char", "excess_bits", "length", "entropy", "consonant_run",
            "vowel_share", "digit_share", "letter_digit_switches", "word_coverage", "hexadecimal", "hyphen");

    /** The features as numbers, in the order of {@link #NAMES}. */
    public double[] vector() {
        return new double[] {bitsPerSymbol, excessBits, length, entropy, longestConsonantRun, vowelShare, digitShare,
                letterDigitSwitches, wordCoverage, hexadecimal ? 1 : 0, hyphen ? 1 : 0};
    }

    /** Measures a normalized label (lower case, no dots). */
    public static LabelFeatures of(String label, CharacterModel model, WordList words) {
        int length = label.length();
        int[] counts = new int[CharacterModel.ALPHABET + 1];
        int letters = 0;
        int vowels = 0;
        int digits = 0;
        int consonantRun = 0;
        int longestRun = 0;
        int switches = 0;
        boolean hex = length >= 8;
        boolean hexLetter = false;
        boolean hyphen = false;
        int previousKind = 0;
        for (int i = 0; i < length; i++) {
            char c = label.charAt(i);
            counts[CharacterModel.symbol(c)]++;
            int kind = 0;
            if (c >= 'a' && c <= 'z') {
                letters++;
                kind = 1;
                if (isVowel(c)) {
                    vowels++;
                    consonantRun = 0;
                } else {
                    consonantRun++;
                    longestRun = Math.max(longestRun, consonantRun);
                }
                hexLetter |= c <= 'f';
                hex &= c <= 'f';
            } else {
                consonantRun = 0;
                if (c >= '0' && c <= '9') {
                    digits++;
                    kind = 2;
                } else {
                    hex = false;
                    hyphen |= c == '-';
                }
            }
            if (kind != 0 && previousKind != 0 && kind != previousKind) {
                switches++;
            }
            previousKind = kind;
        }
        // H = log2(n) - sum(c log2 c) / n, from a table: labels are at most 63 characters.
        double weighted = 0;
        for (int count : counts) {
            weighted += count < X_LOG2_X.length ? X_LOG2_X[count] : count * StrictMath.log(count) / LOG2;
        }
        double entropy = length == 0 ? 0 : Math.max(0, log2(length) - weighted / length);
        WordList.Segmentation segmentation = words.segment(label);
        double bitsPerSymbol = model.bitsPerSymbol(label);
        double excessBits = (bitsPerSymbol - UNIFORM_BITS) * (length + 1);
        return new LabelFeatures(length, bitsPerSymbol, excessBits, entropy, longestRun,
                letters == 0 ? 0 : (double) vowels / letters, length == 0 ? 0 : (double) digits / length, switches,
                letters == 0 ? 0 : (double) segmentation.coveredLetters() / letters,
                hex && hexLetter && digits > 0, hyphen);
    }

    private static double log2(int n) {
        return n < X_LOG2_X.length ? LOG2_X[n] : StrictMath.log(n) / LOG2;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }
}
