package io.stagehunt.refine;

import io.stagehunt.net.IpAddress;

/**
 * Which names the run's DNS answered, and with which addresses: what ties a name a host's traffic claimed (a TLS
 * server name, a Host header) to the address it really went to. Two Bloom filters of fixed size, 512 KiB each:
 * a name or pair never added is reported absent except by chance (under 1 % up to 200,000 pairs, about 13 % at
 * a million), and such an error only gives a claimed name the benefit of the doubt. Not thread-safe.
 */
final class NameAnswers {

    private static final int BITS = 1 << 22;
    private static final int HASHES = 3;

    private final long[] names = new long[BITS / Long.SIZE];
    private final long[] pairs = new long[BITS / Long.SIZE];

    /** Notes that DNS answered {@code name} (normalized) with {@code address}. */
    void add(String name, IpAddress address) {
        long nameHash = mix(name.hashCode());
        set(names, nameHash);
        set(pairs, mix(nameHash ^ address.hashCode()));
    }

    /** Whether DNS answered this normalized name at all in the run. */
    boolean answered(String name) {
        return contains(names, mix(name.hashCode()));
    }

    /** Whether DNS answered this normalized name with this address in the run. */
    boolean answered(String name, IpAddress address) {
        return contains(pairs, mix(mix(name.hashCode()) ^ address.hashCode()));
    }

    private static void set(long[] bits, long hash) {
        for (int i = 0; i < HASHES; i++) {
            int bit = index(hash, i);
            bits[bit >>> 6] |= 1L << bit;
        }
    }

    private static boolean contains(long[] bits, long hash) {
        for (int i = 0; i < HASHES; i++) {
            int bit = index(hash, i);
            if ((bits[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The i-th bit of a key: two halves of its 64-bit hash combined (Kirsch and Mitzenmacher). */
    private static int index(long hash, int i) {
        int combined = (int) hash + i * (int) (hash >>> 32);
        return combined & (BITS - 1);
    }

    private static long mix(long value) {
        long mixed = (value ^ (value >>> 33)) * 0xFF51_AFD7_ED55_8CCDL;
        mixed = (mixed ^ (mixed >>> 33)) * 0xC4CE_B9FE_1A85_EC53L;
        return mixed ^ (mixed >>> 33);
    }
}
