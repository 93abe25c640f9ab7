package io.stagehunt.intel;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A map from ASCII keys to one int each, lean enough for millions of keys: all key bytes live in one pool, and
 * the open-addressing slots hold the key's hash beside its id, so a probe costs one memory access and a miss
 * never touches the pool. Hashes fold characters from the last to the first, so that a domain's hash extends to
 * each of its parents in one right-to-left pass ({@link #step}). Tables of case-insensitive keys (names,
 * hashes) lower-case ASCII letters of lookups on the fly; URL tables compare exactly, as URL paths are
 * case-sensitive.
 *
 * <p>Not thread-safe while keys are added; safe for concurrent lookups once no one adds any more.
 */
final class KeyTable {

    static final int SEED = 0x811C9DC5;
    private static final int PRIME = 0x01000193;
    private static final int NONE = -1;

    private byte[] pool;
    private int poolSize;
    /**
     * Per key, its start in the pool and its value side by side ({@code [2 id]}, {@code [2 id + 1]}), ended by the
     * pool size, so that a hit reads the key's bounds and value from one cache line.
     */
    private int[] entries;
    private int count;
    private long[] slots;
    private int mask;
    private final boolean foldCase;
    /** One bit per hash, set for every key: most misses end here, in a bitset small enough for the cache. */
    private long[] filter;
    private int filterMask;

    KeyTable(int expectedKeys, boolean foldCase) {
        this.foldCase = foldCase;
        int capacity = Integer.highestOneBit(Math.max(16, expectedKeys * 2 - 1)) << 1;
        slots = new long[capacity];
        mask = capacity - 1;
        entries = new int[2 * Math.max(16, expectedKeys) + 1];
        pool = new byte[Math.max(256, expectedKeys * 16)];
    }

    /** Extends a right-to-left hash by the character to the left of what it covers. */
    static int step(int hash, char c) {
        char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        return (hash ^ lower) * PRIME;
    }

    /** Extends a right-to-left hash without folding case. */
    static int stepExact(int hash, char c) {
        return (hash ^ c) * PRIME;
    }

    int hashOf(CharSequence text, int from, int to) {
        int hash = SEED;
        for (int i = to - 1; i >= from; i--) {
            hash = foldCase ? step(hash, text.charAt(i)) : stepExact(hash, text.charAt(i));
        }
        return hash;
    }


    /** The id of {@code key}, adding it with value {@code initialValue} when absent. Keys must be ASCII. */
    int add(String key, int initialValue) {
        if (filter != null) {
            throw new IllegalStateException("keys added after the table was trimmed");
        }
        int hash = hashOf(key, 0, key.length());
        int found = find(key, 0, key.length(), hash);
        if (found != NONE) {
            return found;
        }
        if ((count + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
        ensurePool(bytes.length);
        System.arraycopy(bytes, 0, pool, poolSize, bytes.length);
        if (2 * (count + 1) + 1 > entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2 + 1);
        }
        int id = count++;
        entries[2 * id] = poolSize;
        entries[2 * id + 1] = initialValue;
        poolSize += bytes.length;
        entries[2 * id + 2] = poolSize;
        insert(hash, id);
        return id;
    }

    /** The id of the key equal to {@code text} (ASCII letters compared without case), or -1. */
    int find(CharSequence text) {
        return find(text, 0, text.length(), hashOf(text, 0, text.length()));
    }

    /** The id of the key equal to {@code text[from, to)} whose hash is {@code hash}, or -1. */
    int find(CharSequence text, int from, int to, int hash) {
        if (filter != null) {
            int bit = filterBit(hash) & filterMask;
            if ((filter[bit >>> 6] & (1L << bit)) == 0) {
                return NONE;
            }
        }
        int index = mix(hash) & mask;
        while (true) {
            long slot = slots[index];
            if (slot == 0) {
                return NONE;
            }
            if ((int) (slot >>> 32) == hash) {
                int id = (int) slot - 1;
                if (equalsKey(id, text, from, to)) {
                    return id;
                }
            }
            index = (index + 1) & mask;
        }
    }

    String key(int id) {
        int start = entries[2 * id];
        return new String(pool, start, entries[2 * id + 2] - start, StandardCharsets.US_ASCII);
    }

    int value(int id) {
        return entries[2 * id + 1];
    }

    void setValue(int id, int value) {
        entries[2 * id + 1] = value;
    }

    int size() {
        return count;
    }

    /** Drops spare capacity once all keys are in, and builds the miss filter; no key may be added after. */
    void trim() {
        pool = Arrays.copyOf(pool, poolSize);
        entries = Arrays.copyOf(entries, 2 * count + 1);
        int capacity = Integer.highestOneBit(Math.max(16, count * 2 - 1)) << 1;
        if (capacity < slots.length) {
            rehash(capacity);
        }
        int bits = Integer.highestOneBit(Math.max(64, count * 16 - 1)) << 1;
        filter = new long[bits >>> 6];
        filterMask = bits - 1;
        for (long slot : slots) {
            if (slot != 0) {
                int bit = filterBit((int) (slot >>> 32)) & filterMask;
                filter[bit >>> 6] |= 1L << bit;
            }
        }
    }

    long bytesUsed() {
        return (long) pool.length + 4L * entries.length + 8L * slots.length
                + (filter == null ? 0 : 8L * filter.length);
    }

    /** A second spreading of the hash, independent of the slot index, for the miss filter. */
    private static int filterBit(int hash) {
        return mix(hash ^ 0x9E3779B9);
    }

    private boolean equalsKey(int id, CharSequence text, int from, int to) {
        int start = entries[2 * id];
        int length = entries[2 * id + 2] - start;
        if (length != to - from) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(from + i);
            char folded = foldCase && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            if (pool[start + i] != folded || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void insert(int hash, int id) {
        int index = mix(hash) & mask;
        while (slots[index] != 0) {
            index = (index + 1) & mask;
        }
        slots[index] = ((long) hash << 32) | ((id + 1) & 0xFFFF_FFFFL);
    }

    private void rehash(int capacity) {
        long[] old = slots;
        slots = new long[capacity];
        mask = capacity - 1;
        for (long slot : old) {
            if (slot != 0) {
                insert((int) (slot >>> 32), (int) slot - 1);
            }
        }
    }

    private void ensurePool(int extra) {
        if (poolSize + extra > pool.length) {
            long grown = Math.max((long) pool.length * 2, (long) poolSize + extra);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than 2 GB of keys in one table");
            }
            pool = Arrays.copyOf(pool, (int) grown);
        }
    }

    /** Murmur3's finalizer: spreads the hash so that linear probing stays short. */
    static int mix(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
