package io.stagehunt.intel;

import io.stagehunt.net.PublicSuffixList;
import java.util.Locale;

/**
 * Looks a name and its parent domains up in a {@link KeyTable} in one right-to-left pass, and keeps only the
 * parents at or below the name's registered domain, so that a listed {@code co.uk} or {@code duckdns.org} never
 * stands for every name under it. The Public Suffix List is consulted only when a parent is found, which is
 * rare, so misses cost a few table probes and nothing else.
 */
final class DomainWalk {

    /** Label counts are recorded up to this many; longer names all share the last bit. */
    private static final int MAX_COUNTED_LABELS = 63;

    private DomainWalk() {
    }

    /** The bit that records keys with {@code labels} labels in a label mask. */
    static long labelBit(String key) {
        int labels = 1;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == '.') {
                labels++;
            }
        }
        return 1L << Math.min(labels, MAX_COUNTED_LABELS);
    }

    /**
     * The keys that equal {@code name} or one of its parents, as pairs {@code (key id, start index in name)},
     * preceded by their count: {@code {count, key, start, key, start ...}}; null when there are none. The name
     * must be ASCII; a trailing dot is ignored.
     *
     * @param labelMask bits of the label counts present among the keys (see {@link #labelBit}); lengths absent
     *     from it are not probed
     */
    static int[] walk(KeyTable table, long labelMask, String name, PublicSuffixList suffixes) {
        assert table.foldsCase() : "domain tables fold case";
        int end = name.length();
        if (end > 0 && name.charAt(end - 1) == '.') {
            end--;
        }
        int hash = KeyTable.SEED;
        int labels = 0;
        int[] hits = null;
        for (int i = end - 1; i >= 0; i--) {
            char c = name.charAt(i);
            hash = KeyTable.step(hash, c);
            if (i == 0 || name.charAt(i - 1) == '.') {
                labels++;
                if ((labelMask & (1L << Math.min(labels, MAX_COUNTED_LABELS))) != 0) {
                    int key = table.find(name, i, end, hash);
                    if (key >= 0) {
                        hits = append(hits, key, i);
                    }
                }
            }
        }
        return hits == null ? null : boundedByRegisteredDomain(hits, name, end, suffixes);
    }

    private static int[] append(int[] hits, int key, int start) {
        int[] result = hits;
        if (result == null) {
            result = new int[5];
        } else if (1 + 2 * (result[0] + 1) > result.length) {
            result = java.util.Arrays.copyOf(result, result.length * 2 + 1);
        }
        result[1 + 2 * result[0]] = key;
        result[2 + 2 * result[0]] = start;
        result[0]++;
        return result;
    }

    private static int[] boundedByRegisteredDomain(int[] hits, String name, int end, PublicSuffixList suffixes) {
        boolean parentFound = false;
        for (int i = 0; i < hits[0]; i++) {
            parentFound |= hits[2 + 2 * i] > 0;
        }
        if (!parentFound) {
            return hits;
        }
        String registered = suffixes.registeredDomain(name.substring(0, end).toLowerCase(Locale.ROOT));
        int kept = 0;
        for (int i = 0; i < hits[0]; i++) {
            int start = hits[2 + 2 * i];
            boolean atOrBelowRegistered = start == 0 || registered != null && end - start >= registered.length();
            if (atOrBelowRegistered) {
                hits[1 + 2 * kept] = hits[1 + 2 * i];
                hits[2 + 2 * kept] = start;
                kept++;
            }
        }
        hits[0] = kept;
        return kept == 0 ? null : hits;
    }
}
