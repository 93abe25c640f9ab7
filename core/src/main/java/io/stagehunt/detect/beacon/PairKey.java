package io.stagehunt.detect.beacon;

import io.stagehunt.event.Host;
import io.stagehunt.net.IpAddress;
import java.io.Serializable;
import java.util.Objects;

/**
 * The key of the pair detectors: an internal host and the address it contacted. Names (TLS server names,
 * HTTP hosts, proxy targets) are channels inside a pair, because the flow record that carries bytes and
 * duration and the record that carries the name meet only under the address both share.
 *
 * <p>A class rather than a record so that it can carry both addresses' bits itself: every event looks its pair
 * up, and comparing the key's own fields spares reaching the host and address objects in memory.
 */
public final class PairKey implements Serializable {

    private final Host host;
    private final IpAddress remote;
    private final boolean hostHasIp;
    private final long hostHigh;
    private final long hostLow;
    private final String hostname;
    private final long remoteHigh;
    private final long remoteLow;
    private final int hash;

    public PairKey(Host host, IpAddress remote) {
        this.host = Objects.requireNonNull(host, "host");
        this.remote = Objects.requireNonNull(remote, "remote");
        IpAddress hostIp = host.ip();
        this.hostHasIp = hostIp != null;
        this.hostHigh = hostIp == null ? 0 : hostIp.high();
        this.hostLow = hostIp == null ? 0 : hostIp.low();
        this.hostname = host.hostname();
        this.remoteHigh = remote.high();
        this.remoteLow = remote.low();
        this.hash = 31 * host.hashCode() + remote.hashCode();
    }

    public Host host() {
        return host;
    }

    public IpAddress remote() {
        return remote;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        // the host's equality, field by field: same address (or none) and same name (or none)
        return other instanceof PairKey key && hash == key.hash && remoteLow == key.remoteLow
                && remoteHigh == key.remoteHigh && hostLow == key.hostLow && hostHigh == key.hostHigh
                && hostHasIp == key.hostHasIp && Objects.equals(hostname, key.hostname);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return host.label() + " -> " + remote;
    }
}
