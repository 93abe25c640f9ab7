package io.stagehunt.event;

import io.stagehunt.net.IpAddress;
import java.io.Serializable;
import java.util.Objects;

/**
 * An internal host, known by address, by name, or both; never by neither. Network logs know the address,
 * endpoint logs the name.
 *
 * <p>Most detectors key their state by host, so a host is looked up in a hash table for nearly every event. It
 * therefore carries its address's bits and its hash itself: comparing two hosts reads only their own fields,
 * not the address objects elsewhere in memory. Immutable, with value equality.
 */
public final class Host implements Serializable {

    private final IpAddress ip;
    private final String hostname;
    private final long high;
    private final long low;
    private final int hash;

    public Host(IpAddress ip, String hostname) {
        if (ip == null && (hostname == null || hostname.isBlank())) {
            throw new IllegalArgumentException("a host needs an address or a name");
        }
        this.ip = ip;
        this.hostname = hostname;
        this.high = ip == null ? 0 : ip.high();
        this.low = ip == null ? 0 : ip.low();
        this.hash = 31 * Objects.hashCode(ip) + Objects.hashCode(hostname);
    }

    public static Host of(IpAddress ip) {
        return new Host(ip, null);
    }

    public static Host named(String hostname) {
        return new Host(null, hostname);
    }

    /** The address, or null when the host is known by name only. */
    public IpAddress ip() {
        return ip;
    }

    /** The name, or null when the host is known by address only. */
    public String hostname() {
        return hostname;
    }

    /** The address when known, else the name: what an analyst would type to find this host. */
    public String label() {
        return ip != null ? ip.toString() : hostname;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Host host && hash == host.hash && low == host.low && high == host.high
                && (ip == null) == (host.ip == null) && Objects.equals(hostname, host.hostname);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return ip != null && hostname != null ? hostname + " (" + ip + ")" : label();
    }
}
