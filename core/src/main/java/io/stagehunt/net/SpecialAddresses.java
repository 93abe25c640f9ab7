package io.stagehunt.net;

/**
 * Addresses that never identify one remote peer: multicast, limited broadcast and unspecified (IANA
 * special-purpose registries, RFC 5771, RFC 919, RFC 4291). Traffic to them (LLMNR, mDNS, SSDP, DHCP) is
 * local service discovery, not a host contacting a destination. Stateless and thread-safe.
 */
public final class SpecialAddresses {

    private static final Cidr V4_MULTICAST = Cidr.parse("224.0.0.0/4");
    private static final Cidr V6_MULTICAST = Cidr.parse("ff00::/8");
    private static final IpAddress V4_BROADCAST = IpAddress.parse("255.255.255.255");
    private static final IpAddress V4_UNSPECIFIED = IpAddress.parse("0.0.0.0");
    private static final IpAddress V6_UNSPECIFIED = IpAddress.parse("::");

    private SpecialAddresses() {
    }

    /** Multicast, limited broadcast or unspecified: not a unicast peer. */
    public static boolean isNonUnicast(IpAddress address) {
        return V4_MULTICAST.contains(address) || V6_MULTICAST.contains(address) || V4_BROADCAST.equals(address)
                || V4_UNSPECIFIED.equals(address) || V6_UNSPECIFIED.equals(address);
    }
}
