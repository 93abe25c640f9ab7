package io.stagehunt.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The networks whose hosts we defend. Decided once per run, from {@code --internal} or the defaults, and then
 * asked by every reader which side of a connection is the internal host.
 */
public final class NetworkScope {

    /** RFC 1918, RFC 6598 shared address space, loopback, link-local (both families) and IPv6 unique local. */
    public static final List<String> DEFAULT_INTERNAL = List.of(
            "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
            "::1/128", "fe80::/10", "fc00::/7");

    private final List<Cidr> ranges;
    private final boolean defaults;

    private NetworkScope(List<Cidr> ranges, boolean defaults) {
        this.ranges = List.copyOf(ranges);
        this.defaults = defaults;
    }

    public static NetworkScope defaults() {
        return new NetworkScope(DEFAULT_INTERNAL.stream().map(Cidr::parse).toList(), true);
    }

    /** Parses CIDRs; each argument may hold a comma-separated list. */
    public static NetworkScope of(List<String> cidrs) {
        List<Cidr> parsed = new ArrayList<>();
        for (String argument : cidrs) {
            for (String part : argument.split(",")) {
                if (!part.isBlank()) {
                    parsed.add(Cidr.parse(part));
                }
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("no internal network given");
        }
        return new NetworkScope(parsed, false);
    }

    /** A scope with more ranges, e.g. the addresses of an internet-facing sensor. */
    public NetworkScope with(List<Cidr> extra) {
        List<Cidr> all = new ArrayList<>(ranges);
        all.addAll(extra);
        return new NetworkScope(all, defaults);
    }

    public boolean isInternal(IpAddress address) {
        if (address == null) {
            return false;
        }
        // indexed: this runs for both ends of every record, and the iterator's allocation was not optimized away
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).contains(address)) {
                return true;
            }
        }
        return false;
    }

    public List<Cidr> ranges() {
        return ranges;
    }

    /** Whether these are the built-in defaults rather than networks the user declared. */
    public boolean isDefault() {
        return defaults;
    }

    @Override
    public String toString() {
        return ranges.toString();
    }
}
