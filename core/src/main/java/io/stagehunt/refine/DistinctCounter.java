package io.stagehunt.refine;

import io.stagehunt.event.Host;
import io.stagehunt.net.IpAddress;

/**
 * Counts distinct 64-bit hashes in bounded memory: exactly up to a cap, then as a HyperLogLog sketch of 2^10
 * registers (1 KiB, about 3 % standard error). Small counts, the ones that make a destination rare, stay exact.
 * Not thread-safe.
 */
final class DistinctCounter {

    private static final int PRECISION = 10;
    private static final int REGISTERS = 1 << PRECISION;
    private static final long EMPTY = 0L;

    private final int exactCap;
    private long[] table;
    private int size;
    private byte[] registers;

    DistinctCounter(int exactCap) {
        if (exactCap < 1) {
            throw new IllegalArgumentException("exact cap must be positive: " + exactCap);
        }
        this.exactCap = exactCap;
        this.table = new long[4];
    }

    void add(long hash) {
        long value = hash == EMPTY ? 1 : hash;
        if (registers != null) {
            addToSketch(value);
            return;
        }
        if (insert(value)) {
            size++;
            if (size > exactCap) {
                registers = new byte[REGISTERS];
                for (long held : table) {
                    if (held != EMPTY) {
                        addToSketch(held);
                    }
                }
                table = null;
            } else if (size * 2 > table.length) {
                grow();
            }
        }
    }

    /** The number of distinct values added: exact while at most the cap, else an estimate. */
    long count() {
        if (registers == null) {
            return size;
        }
        double sum = 0;
        int zeros = 0;
        for (byte register : registers) {
            sum += 1.0 / (1L << register);
            if (register == 0) {
                zeros++;
            }
        }
        double alpha = 0.7213 / (1 + 1.079 / REGISTERS);
        double estimate = alpha * REGISTERS * REGISTERS / sum;
        if (estimate <= 2.5 * REGISTERS && zeros > 0) {
            estimate = REGISTERS * Math.log((double) REGISTERS / zeros);
        }
        return Math.max(exactCap + 1L, Math.round(estimate));
    }

    boolean exact() {
        return registers == null;
    }

    private boolean insert(long value) {
        int mask = table.length - 1;
        for (int slot = (int) mix(value) & mask; ; slot = (slot + 1) & mask) {
            long held = table[slot];
            if (held == value) {
                return false;
            }
            if (held == EMPTY) {
                table[slot] = value;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (long held : old) {
            if (held != EMPTY) {
                insert(held);
            }
        }
    }

    private void addToSketch(long value) {
        long hash = mix(value);
        int index = (int) (hash >>> (64 - PRECISION));
        int rank = Long.numberOfLeadingZeros((hash << PRECISION) | (1L << (PRECISION - 1))) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    /** The finalizer of MurmurHash3: spreads every input bit over the whole word. */
    static long mix(long value) {
        long hash = value;
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }

    static long hash(IpAddress address) {
        return mix(address.high() * 31 + mix(address.low()));
    }

    static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return mix(hash);
    }

    static long hash(Host host) {
        return host.ip() != null ? hash(host.ip()) : hash(host.hostname());
    }
}
