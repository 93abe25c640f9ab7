package io.stagehunt.detect.dga;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Words of 3 to 12 letters {@code a-z}, and the best segmentation of a label into them: the most letters a
 * sequence of non-overlapping words covers. A name made of words ({@code competitivecameras}) is not random
 * however unusual its letters; a random name rarely hides more than a short word or two.
 *
 * <p>Words are packed 5 bits a letter into a {@code long}, so segmenting walks the label without allocating.
 * Immutable and thread-safe.
 */
public final class WordList {

    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 12;

    private final long[] table;
    /** Every proper prefix of every word, so that a walk along a label stops as soon as no word can follow. */
    private final long[] prefixes;
    private final int size;

    private WordList(Collection<String> words) {
        int capacity = Integer.highestOneBit(Math.max(16, words.size() * 3)) << 1;
        this.table = new long[capacity];
        this.prefixes = new long[capacity * 8];
        int count = 0;
        for (String word : words) {
            long code = encode(word);
            if (code != 0 && insert(table, code)) {
                count++;
                for (int length = 1; length < word.length(); length++) {
                    insert(prefixes, code >>> (5 * (word.length() - length)));
                }
            }
        }
        this.size = count;
    }

    /** The words of 3 to 12 letters {@code a-z} among the given ones; others are ignored. */
    public static WordList of(Collection<String> words) {
        return new WordList(words);
    }

    public int size() {
        return size;
    }

    public boolean contains(String word) {
        long code = encode(word);
        return code != 0 && lookup(table, code);
    }

    /** The best segmentation of a label: letters covered by words and the number of words used. */
    public record Segmentation(int coveredLetters, int words, int longestWord) {
    }

    /** The segmentation that covers the most letters; among those, the one with fewest words. */
    public Segmentation segment(CharSequence label) {
        int length = label.length();
        int[] covered = new int[length + 1];
        int[] words = new int[length + 1];
        int[] longest = new int[length + 1];
        for (int start = 0; start < length; start++) {
            if (start > 0 && better(covered[start - 1], words[start - 1], covered[start], words[start])) {
                covered[start] = covered[start - 1];
                words[start] = words[start - 1];
                longest[start] = longest[start - 1];
            }
            long code = 0;
            for (int end = start + 1; end <= length && end - start <= MAX_LENGTH; end++) {
                char c = label.charAt(end - 1);
                if (c < 'a' || c > 'z') {
                    break;
                }
                code = code << 5 | (c - 'a' + 1);
                int wordLength = end - start;
                if (wordLength >= MIN_LENGTH && lookup(table, code)) {
                    int candidateCovered = covered[start] + wordLength;
                    int candidateWords = words[start] + 1;
                    if (better(candidateCovered, candidateWords, covered[end], words[end])) {
                        covered[end] = candidateCovered;
                        words[end] = candidateWords;
                        longest[end] = Math.max(longest[start], wordLength);
                    }
                }
                if (!lookup(prefixes, code)) {
                    break;
                }
            }
        }
        // Carry the best prefix result to the end: letters after the last word are simply uncovered.
        int bestEnd = length;
        for (int end = 0; end <= length; end++) {
            if (better(covered[end], words[end], covered[bestEnd], words[bestEnd])) {
                bestEnd = end;
            }
        }
        return new Segmentation(covered[bestEnd], words[bestEnd], longest[bestEnd]);
    }

    private static boolean better(int covered, int words, int otherCovered, int otherWords) {
        return covered > otherCovered || covered == otherCovered && words < otherWords;
    }

    /** The words in alphabetical order. */
    public List<String> words() {
        TreeSet<String> sorted = new TreeSet<>();
        for (long code : table) {
            if (code != 0) {
                sorted.add(decode(code));
            }
        }
        return new ArrayList<>(sorted);
    }

    void write(DataOutput out) throws IOException {
        List<String> sorted = words();
        out.writeInt(sorted.size());
        for (String word : sorted) {
            out.writeUTF(word);
        }
    }

    static WordList read(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 10_000_000) {
            throw new IOException("bad word count: " + count);
        }
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(in.readUTF());
        }
        return new WordList(words);
    }

    private static long encode(String word) {
        if (word.length() < MIN_LENGTH || word.length() > MAX_LENGTH) {
            return 0;
        }
        long code = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return 0;
            }
            code = code << 5 | (c - 'a' + 1);
        }
        return code;
    }

    private static String decode(long code) {
        StringBuilder word = new StringBuilder();
        for (long rest = code; rest != 0; rest >>>= 5) {
            word.append((char) ('a' + (int) (rest & 31) - 1));
        }
        return word.reverse().toString();
    }

    private static boolean insert(long[] table, long code) {
        int mask = table.length - 1;
        for (int slot = mix(code) & mask; ; slot = (slot + 1) & mask) {
            if (table[slot] == code) {
                return false;
            }
            if (table[slot] == 0) {
                table[slot] = code;
                return true;
            }
        }
    }

    private static boolean lookup(long[] table, long code) {
        int mask = table.length - 1;
        for (int slot = mix(code) & mask; ; slot = (slot + 1) & mask) {
            long found = table[slot];
            if (found == code) {
                return true;
            }
            if (found == 0) {
                return false;
            }
        }
    }

    private static int mix(long code) {
        long h = code * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
