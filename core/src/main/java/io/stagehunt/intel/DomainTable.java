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
    private static final int ALWAYS = 0;
    private static final int NEVER = 1;
    private static final int CHECK = 2;
    /** Values keep their low 30 bits; the top two hold the key's parent rule, read with the key's bounds. */
    static final int VALUE_MASK = 0x3FFF_FFFF;
    /** What {@link #walk} answers for a name with non-ASCII characters: normalize it, then walk again. */
    static final int[] NOT_ASCII = new int[0];

    private final KeyTable keys;
    private final PublicSuffixList suffixes;
    private long labelMask;
    private boolean trimmed;

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
        return trimmed ? keys.value(id) & VALUE_MASK : keys.value(id);
    }

    /** Sets a value; once trimmed, of at most 30 bits, the key's parent rule kept beside it. */
    void setValue(int id, int value) {
        if (!trimmed) {
            keys.setValue(id, value);
            return;
        }
        if ((value & ~VALUE_MASK) != 0) {
            throw new IllegalArgumentException("domain table values have 30 bits: " + value);
        }
        keys.setValue(id, (keys.value(id) & ~VALUE_MASK) | value);
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
        for (int id = 0; id < keys.size(); id++) {
            String name = keys.key(id);
            int rule = suffixes.registeredDomain(name) == null ? NEVER : suffixes.hasRulesBelow(name) ? CHECK : ALWAYS;
            int value = keys.value(id);
            if ((value & ~VALUE_MASK) != 0) {
                throw new IllegalStateException("domain table values have 30 bits: " + value);
            }
            keys.setValue(id, value | rule << 30);
        }
        trimmed = true;
    }

    long bytesUsed() {
        return keys.bytesUsed();
    }

    /**
     * The keys that equal {@code name} or one of its parents, as pairs {@code (key id, start index in name)},
     * preceded by their count: {@code {count, key, start, key, start ...}}; null when there are none;
     * {@link #NOT_ASCII} when the name holds a non-ASCII character. A trailing dot is ignored.
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
            char c = name.charAt(i);
            if (c >= 0x80) {
                return NOT_ASCII;
            }
            hash = KeyTable.step(hash, c);
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
                int rule = keys.value(key) >>> 30;
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
