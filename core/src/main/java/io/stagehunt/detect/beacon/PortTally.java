package io.stagehunt.detect.beacon;

import java.io.Serializable;

/**
 * Counts the few ports a channel uses, to name the usual one. Four slots: when a fifth port comes, the least
 * counted slot gives it its place and its count (Space-Saving, Metwally et al. 2005), so a port used more than
 * a fifth of the time is always among them, whichever ports came first (a channel that probed twenty ports
 * before settling on its own is named by its own). Beside the counts, 64 bits hashed by port estimate how many
 * distinct ports the channel used in all (linear counting), whatever the order they came in: what tells a
 * channel of one service from a sweep of many. Fields rather than arrays: every flow of every channel passes
 * through here, and arrays would be two more objects to reach in memory.
 */
final class PortTally implements Serializable {

    private static final int NONE = -1;

    private int port0 = NONE;
    private int port1 = NONE;
    private int port2 = NONE;
    private int port3 = NONE;
    private long count0;
    private long count1;
    private long count2;
    private long count3;
    private long portBits;

    void add(int port) {
        if (port < 0) {
            return;
        }
        portBits |= 1L << (mix(port) >>> 26);
        if (port0 == port || port0 == NONE) {
            port0 = port;
            count0++;
        } else if (port1 == port || port1 == NONE) {
            port1 = port;
            count1++;
        } else if (port2 == port || port2 == NONE) {
            port2 = port;
            count2++;
        } else if (port3 == port || port3 == NONE) {
            port3 = port;
            count3++;
        } else {
            replaceLeastCounted(port);
        }
    }

    /** Murmur3's finalizer: neighbouring ports land on unrelated bits, as linear counting assumes. */
    private static int mix(int port) {
        int h = port;
        h ^= h >>> 16;
        h *= 0x85EB_CA6B;
        h ^= h >>> 13;
        h *= 0xC2B2_AE35;
        return h ^ (h >>> 16);
    }

    /** The least counted slot (the latest on a tie, so the earliest ports keep theirs) takes the new port. */
    private void replaceLeastCounted(int port) {
        long least = Math.min(Math.min(count0, count1), Math.min(count2, count3));
        if (count3 == least) {
            port3 = port;
            count3++;
        } else if (count2 == least) {
            port2 = port;
            count2++;
        } else if (count1 == least) {
            port1 = port;
            count1++;
        } else {
            port0 = port;
            count0++;
        }
    }

    /**
     * About how many distinct ports the channel used: 64 × ln(64 / empty bits), which stays within a port or two
     * up to some twenty ports and saturates near 270.
     */
    double distinctPorts() {
        int empty = Long.bitCount(~portBits);
        return empty == 0 ? Double.POSITIVE_INFINITY : Long.SIZE * Math.log((double) Long.SIZE / empty);
    }

    /** The most used port (the first counted on a tie), -1 when none was seen. */
    int usual() {
        int best = NONE;
        long most = 0;
        if (count0 > most) {
            most = count0;
            best = port0;
        }
        if (count1 > most) {
            most = count1;
            best = port1;
        }
        if (count2 > most) {
            most = count2;
            best = port2;
        }
        if (count3 > most) {
            best = port3;
        }
        return best;
    }
}
