package io.stagehunt.intel;

import io.stagehunt.net.PublicSuffixList;
import java.util.Arrays;
import java.util.Locale;

/**
 * Domain names as keys, looked up together with their parent domains in one right-to-left pass, keeping only
 * parents at or below the looked-up name's registered domain, so that a listed {@code co.uk} or
 * {@code duckdns.org} never stands for every name under it. Whether a listed name can stand for names below it
 * is decided once per key when the table is built (most names have no Public Suffix List rule below them, so
 * none of their subdomains can have a longer public suffix); only keys with rules below ({@code amazonaws.com})
 * ask the list at lookup time. Misses cost a few table probes and nothing else.
 *
 * <p>Not thread-safe while keys are added; safe for concurrent lookups once {@link #trim()} has run.
 */
final class DomainTable {

    /** Label counts are recorded up to this many; longer names all share the last bit. */
    private static final int MAX_COUNTED_LABELS = 63;
    private static final byte ALWAYS = 0;
    private static final byte NEVER = 1;
    private static final byte CHECK = 2;

    private final KeyTable keys;
    private final PublicSuffixList suffixes;
    private long labelMask;
    private byte[] parentRule = new byte[0];

    DomainTable(int expected, PublicSuffixList suffixes) {
        this.keys = new KeyTable(expected, true);
        this.suffixes = suffixes;
    }

    /** Adds a normalized name; returns its id. */
    int add(String name, int initialValue) {
        labelMask |= 1L << Math.min(labelCount(name), MAX_COUNTED_LABELS);
        return keys.add(name, initialValue);
    }

    int value(int id) {
        return keys.value(id);
    }

    void setValue(int id, int value) {
        keys.setValue(id, value);
    }

    String key(int id) {
        return keys.key(id);
    }

    int size() {
        return keys.size();
    }

    /** Ends adding: drops spare capacity and decides, per name, whether it may stand for names below it. */
    void trim() {
        keys.trim();
        parentRule = new byte[keys.size()];
        for (int id = 0; id < parentRule.length; id++) {
            String name = keys.key(id);
            parentRule[id] = suffixes.registeredDomain(name) == null ? NEVER
                    : suffixes.hasRulesBelow(name) ? CHECK : ALWAYS;
        }
    }

    long bytesUsed() {
        return keys.bytesUsed() + parentRule.length;
    }

    /**
     * The keys that equal {@code name} or one of its parents, as pairs {@code (key id, start index in name)},
     * preceded by their count: {@code {count, key, start, key, start ...}}; null when there are none. The name
     * must be ASCII; a trailing dot is ignored.
     */
    int[] walk(String name) {
        int end = name.length();
        if (end > 0 && name.charAt(end - 1) == '.') {
            end--;
        }
        int hash = KeyTable.SEED;
        int labels = 0;
        int[] hits = null;
        String registered = null;
        for (int i = end - 1; i >= 0; i--) {
            hash = KeyTable.step(hash, name.charAt(i));
            if (i != 0 && name.charAt(i - 1) != '.') {
                continue;
            }
            labels++;
            if ((labelMask & (1L << Math.min(labels, MAX_COUNTED_LABELS))) == 0) {
                continue;
            }
            int key = keys.find(name, i, end, hash);
            if (key < 0) {
                continue;
            }
            if (i > 0) {
                byte rule = parentRule[key];
                if (rule == NEVER) {
                    continue;
                }
                if (rule == CHECK) {
                    if (registered == null) {
                        registered = String.valueOf(suffixes.registeredDomain(
                                name.substring(0, end).toLowerCase(Locale.ROOT)));
                    }
                    if (end - i < registered.length()) {
                        continue;
                    }
                }
            }
            hits = append(hits, key, i);
        }
        return hits;
    }

    private static int[] append(int[] hits, int key, int start) {
        int[] result = hits;
        if (result == null) {
            result = new int[5];
        } else if (1 + 2 * (result[0] + 1) > result.length) {
            result = Arrays.copyOf(result, result.length * 2 + 1);
        }
        result[1 + 2 * result[0]] = key;
        result[2 + 2 * result[0]] = start;
        result[0]++;
        return result;
    }

    private static int labelCount(String name) {
        int labels = 1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '.') {
                labels++;
            }
        }
        return labels;
    }
}
