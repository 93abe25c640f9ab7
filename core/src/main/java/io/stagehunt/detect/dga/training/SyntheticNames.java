package io.stagehunt.detect.dga.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated labels of four generic shapes, the positive class when the shipped weights are fitted: uniform
 * letters, uniform letters and digits, hexadecimal strings, and pronounceable strings of alternating
 * consonants and vowels drawn uniformly. Their lengths are drawn from the benign labels' lengths, so that
 * length alone separates nothing. No malware family's algorithm is imitated. Deterministic for a
 * seed ({@link Random}'s sequence is fixed by its specification).
 */
public final class SyntheticNames {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String ALPHANUMERIC = LETTERS + "0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final String CONSONANTS = "bcdfghjklmnpqrstvwxz";
    private static final String VOWELS = "aeiouy";

    /** The shapes' names, in the order {@link #generate} takes them in turn. */
    public static final List<String> SHAPES = List.of("letters", "letters and digits", "hexadecimal",
            "pronounceable");

    private SyntheticNames() {
    }

    /** {@code count} labels, the shapes in turn, lengths sampled from {@code lengths}. */
    public static List<String> generate(int count, int[] lengths, long seed) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = lengths[random.nextInt(lengths.length)];
            names.add(switch (i % 4) {
                case 0 -> draw(LETTERS, length, random);
                case 1 -> draw(ALPHANUMERIC, length, random);
                case 2 -> draw(HEX, length, random);
                default -> pronounceable(length, random);
            });
        }
        return names;
    }

    private static String draw(String alphabet, int length, Random random) {
        StringBuilder name = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    private static String pronounceable(int length, Random random) {
        StringBuilder name = new StringBuilder(length);
        boolean consonant = random.nextBoolean();
        for (int i = 0; i < length; i++) {
            String from = consonant ? CONSONANTS : VOWELS;
            name.append(from.charAt(random.nextInt(from.length())));
            consonant = !consonant;
        }
        return name.toString();
    }
}
