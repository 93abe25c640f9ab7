package io.stagehunt.detect.network.measure;

import io.stagehunt.net.IpAddress;

/**
 * 64-bit fingerprints of names and addresses, so that per-key state can remember many values in a few bytes
 * each. FNV-1a over the characters, then a finalizing mix so that the low bits used by hash tables and
 * filters are well spread. Collisions are possible but rare (about one in 2^32 pairs among 2^16 values); the
 * structures that use fingerprints treat them as approximate. Never returns 0, which tables use for "empty".
 */
public final class Fingerprints {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Fingerprints() {
    }

    /** The fingerprint of {@code text[from, to)}. */
    public static long of(CharSequence text, int from, int to) {
        long hash = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            hash ^= text.charAt(i);
            hash *= FNV_PRIME;
        }
        return finish(hash);
    }

    public static long of(CharSequence text) {
        return of(text, 0, text.length());
    }

    public static long of(IpAddress address) {
        return finish(address.high() * 0x9E3779B97F4A7C15L ^ address.low());
    }

    /** A fingerprint of an address and port together. */
    public static long of(IpAddress address, int port) {
        return finish(of(address) ^ (port * 0xC2B2AE3D27D4EB4FL));
    }

    /** The fingerprint of a value in a separate space, so that tagged and untagged values do not collide. */
    public static long tagged(long fingerprint, int tag) {
        return finish(fingerprint + tag * 0x9E3779B97F4A7C15L);
    }

    private static long finish(long hash) {
        long mixed = hash;
        mixed ^= mixed >>> 33;
        mixed *= 0xff51afd7ed558ccdL;
        mixed ^= mixed >>> 33;
        mixed *= 0xc4ceb9fe1a85ec53L;
        mixed ^= mixed >>> 33;
        return mixed == 0 ? 1 : mixed;
    }
}
