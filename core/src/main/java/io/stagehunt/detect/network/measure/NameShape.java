package io.stagehunt.detect.network.measure;

/**
 * Lexical shape of a DNS name or part of one: length, character entropy and the runs that tell encoded or
 * generated text from words. These are deliberately simple features for weighting (a tunnel's subdomains, a
 * burst of generated-looking lookups); the trained lexical model of the {@code dga} detector is the authority
 * on how algorithmically generated a domain is. Pure functions over characters; dots are ignored, so that
 * {@code ab.cd} has the shape of {@code abcd}. Thread-safe.
 */
public final class NameShape {

    /** Letters, digits, hyphen and underscore: the alphabet of host-name labels. */
    private static final int ALPHABET = 38;
    private static final double LOG2 = Math.log(2);

    private NameShape() {
    }

    /** Shannon entropy in bits per character of {@code text[from, to)} without dots; 0 for empty text. */
    public static double entropyBits(CharSequence text, int from, int to) {
        int[] counts = new int[ALPHABET + 1];
        int length = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                continue;
            }
            counts[slot(c)]++;
            length++;
        }
        if (length == 0) {
            return 0;
        }
        double entropy = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / length;
                entropy -= p * Math.log(p);
            }
        }
        return entropy / LOG2;
    }

    /**
     * Entropy as a share (0..1) of the most a string of that length could have: {@code log2(min(length,
     * alphabet))}. Short strings cannot reach high absolute entropy, so the raw bits would understate how
     * random an 8-character label is.
     */
    public static double normalizedEntropy(CharSequence text, int from, int to) {
        int length = lengthWithoutDots(text, from, to);
        if (length < 2) {
            return 0;
        }
        double most = Math.log(Math.min(length, ALPHABET)) / LOG2;
        return Math.min(1, entropyBits(text, from, to) / most);
    }

    public static int lengthWithoutDots(CharSequence text, int from, int to) {
        int length = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '.') {
                length++;
            }
        }
        return length;
    }

    /** The length of the longest label (dot-separated part) of {@code text[from, to)}. */
    public static int longestLabel(CharSequence text, int from, int to) {
        int longest = 0;
        int current = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '.') {
                current = 0;
            } else {
                current++;
                longest = Math.max(longest, current);
            }
        }
        return longest;
    }

    /** Share of digits among the non-dot characters. */
    public static double digitShare(CharSequence text, int from, int to) {
        int digits = 0;
        int length = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                continue;
            }
            length++;
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return length == 0 ? 0 : (double) digits / length;
    }

    /** The longest run of consecutive consonant letters ({@code y} counted as a vowel). */
    public static int longestConsonantRun(CharSequence text, int from, int to) {
        int longest = 0;
        int current = 0;
        for (int i = from; i < to; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            boolean consonant = c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0;
            current = consonant ? current + 1 : 0;
            longest = Math.max(longest, current);
        }
        return longest;
    }

    /**
     * Whether a label looks machine-made rather than chosen by a person: long enough to judge (8+ characters),
     * near the most entropy its length allows, and either letters mixed with digits or long consonant runs.
     * Hex hashes and base32 chunks pass; {@code wikipedia}, {@code login-live} and {@code cdn01} do not.
     */
    public static boolean looksGenerated(CharSequence text, int from, int to) {
        int length = lengthWithoutDots(text, from, to);
        if (length < 8) {
            return false;
        }
        if (normalizedEntropy(text, from, to) < 0.8) {
            return false;
        }
        double digits = digitShare(text, from, to);
        boolean mixed = digits >= 0.2 && digits <= 0.8;
        return mixed || longestConsonantRun(text, from, to) >= 5;
    }

    public static boolean looksGenerated(CharSequence text) {
        return looksGenerated(text, 0, text.length());
    }

    private static int slot(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '0' && c <= '9') {
            return 26 + c - '0';
        }
        if (c == '-') {
            return 36;
        }
        if (c == '_') {
            return 37;
        }
        return ALPHABET;
    }
}
