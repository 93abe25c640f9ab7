package io.stagehunt.detect.beacon;

import java.io.Serializable;

/** Counts the few ports a channel uses, to name the usual one; ports beyond the first four go uncounted. */
final class PortTally implements Serializable {

    private static final int SLOTS = 4;

    private final int[] ports = {-1, -1, -1, -1};
    private final long[] counts = new long[SLOTS];

    void add(int port) {
        if (port < 0) {
            return;
        }
        for (int i = 0; i < SLOTS; i++) {
            if (ports[i] == port || ports[i] == -1) {
                ports[i] = port;
                counts[i]++;
                return;
            }
        }
    }

    /** The most used port, -1 when none was seen. */
    int usual() {
        int best = -1;
        long most = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (counts[i] > most) {
                most = counts[i];
                best = ports[i];
            }
        }
        return best;
    }
}
