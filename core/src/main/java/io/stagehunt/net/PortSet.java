package io.stagehunt.net;

import java.io.Serializable;
import java.util.Collection;

/**
 * An immutable set of TCP/UDP ports (0..65535) as a bitmap, for membership tests on every flow: a boxed
 * {@code Set<Integer>} allocates for each port above 127 it is asked about. Anything outside 0..65535 (-1 for
 * "no port") is never a member. Thread-safe.
 */
public final class PortSet implements Serializable {

    private static final int PORTS = 65_536;

    private final long[] words = new long[PORTS / 64];

    private PortSet(Collection<Integer> ports) {
        for (int port : ports) {
            if (port < 0 || port >= PORTS) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            words[port >>> 6] |= 1L << port;
        }
    }

    public static PortSet of(Collection<Integer> ports) {
        return new PortSet(ports);
    }

    public boolean contains(int port) {
        return port >= 0 && port < PORTS && (words[port >>> 6] & 1L << port) != 0;
    }
}
