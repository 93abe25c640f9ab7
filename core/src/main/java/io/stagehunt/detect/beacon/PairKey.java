package io.stagehunt.detect.beacon;

import io.stagehunt.event.Host;
import io.stagehunt.net.IpAddress;
import java.io.Serializable;

/**
 * The key of the pair detectors: an internal host and the address it contacted. Names (TLS server names,
 * HTTP hosts, proxy targets) are channels inside a pair, because the flow record that carries bytes and
 * duration and the record that carries the name meet only under the address both share.
 */
public record PairKey(Host host, IpAddress remote) implements Serializable {

    @Override
    public String toString() {
        return host.label() + " -> " + remote;
    }
}
