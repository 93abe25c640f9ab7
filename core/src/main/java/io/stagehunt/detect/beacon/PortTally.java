package io.stagehunt.detect.beacon;

import java.io.Serializable;

/**
 * Counts the few ports a channel uses, to name the usual one; flows to ports beyond the first four are only
 * counted together, which tells a channel of one service from a sweep of many. Four fields rather than arrays:
 * every flow of every channel passes through here, and arrays would be two more objects to reach in memory.
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
    private long others;

    void add(int port) {
        if (port < 0) {
            return;
        }
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
            others++;
        }
    }

    /** The share of counted flows that went to ports other than the first four the channel used. */
    double elsewhere() {
        long all = count0 + count1 + count2 + count3 + others;
        return all == 0 ? 0 : (double) others / all;
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
