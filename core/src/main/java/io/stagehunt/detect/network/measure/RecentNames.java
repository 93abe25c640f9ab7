package io.stagehunt.detect.network.measure;

import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The names a host gave the addresses it talked to, as its TLS server names and HTTP Host headers said them:
 * what a finding calls a destination, so that an analyst reads {@code connectivity-check.ubuntu.com} and noise
 * control can match allowlists by name. Holds the latest {@code capacity} addresses named. Not thread-safe.
 */
public final class RecentNames implements Serializable {

    private final int capacity;
    /** Made on the first name: most hosts' states never hold one (no TLS or HTTP in the logs, or no burst). */
    private LinkedHashMap<IpAddress, String> names;

    public RecentNames(int capacity) {
        this.capacity = capacity;
    }

    /** Notes a name for the address; a port after the name ({@code host:8080}) is dropped, junk is ignored. */
    public void name(IpAddress address, String name) {
        String normalized = DomainName.normalize(DomainName.withoutPort(name));
        if (address == null || normalized == null) {
            return;
        }
        if (names == null) {
            names = new LinkedHashMap<>();
        }
        names.remove(address);
        names.put(address, normalized);
        if (names.size() > capacity) {
            Iterator<IpAddress> eldest = names.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** The latest name of the address, or null. */
    public String of(IpAddress address) {
        return names == null ? null : names.get(address);
    }
}
