package io.stagehunt.net;

/**
 * Parses addresses from log bytes and hands out one instance per recently seen IPv4 address. A log names the
 * same few thousand addresses over and over: sharing their instances spares an allocation per field, and lets
 * the detectors' maps, whose keys came from earlier records, find them equal by identity before comparing bits.
 * A direct-mapped cache of {@value #SLOTS} slots; a colliding address replaces the one before. Not thread-safe:
 * one per reader.
 */
public final class RecentAddresses {

    private static final int SLOTS = 4096;

    private final long[] bits = new long[SLOTS];
    private final IpAddress[] addresses = new IpAddress[SLOTS];

    /** As {@link IpAddress#tryParse(byte[], int, int)}: the address in {@code bytes[from, to)}, or null. */
    public IpAddress parse(byte[] bytes, int from, int to) {
        long v4 = IpAddress.plainDottedQuad(bytes, from, to);
        if (v4 < 0) {
            return IpAddress.tryParse(bytes, from, to);
        }
        int slot = (int) ((v4 * 0x9E37_79B9_7F4A_7C15L) >>> 52);
        IpAddress cached = addresses[slot];
        if (cached != null && bits[slot] == v4) {
            return cached;
        }
        IpAddress parsed = IpAddress.ofV4((int) v4);
        addresses[slot] = parsed;
        bits[slot] = v4;
        return parsed;
    }
}
