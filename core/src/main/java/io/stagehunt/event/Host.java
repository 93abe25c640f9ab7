package io.stagehunt.event;

import io.stagehunt.net.IpAddress;
import java.io.Serializable;

/**
 * An internal host, known by address, by name, or both; never by neither. Network logs know the address,
 * endpoint logs the name.
 */
public record Host(IpAddress ip, String hostname) implements Serializable {

    public Host {
        if (ip == null && (hostname == null || hostname.isBlank())) {
            throw new IllegalArgumentException("a host needs an address or a name");
        }
    }

    public static Host of(IpAddress ip) {
        return new Host(ip, null);
    }

    public static Host named(String hostname) {
        return new Host(null, hostname);
    }

    /** The address when known, else the name: what an analyst would type to find this host. */
    public String label() {
        return ip != null ? ip.toString() : hostname;
    }

    @Override
    public String toString() {
        return ip != null && hostname != null ? hostname + " (" + ip + ")" : label();
    }
}
