package io.stagehunt.net;

/**
 * ICMP message types by what they are for. Type numbers are IANA's ICMP (RFC 792, 1256) and ICMPv6 (RFC 4443,
 * 4861, 3810) registries. Constants only.
 */
public final class IcmpTypes {

    private IcmpTypes() {
    }

    /**
     * Whether an ICMP message of this type is signalling that a network stack or router sends by itself: an error
     * about another packet (unreachable, packet too big, time exceeded, parameter problem, source quench), a
     * redirect, or router, neighbour and multicast-listener discovery. Echo and the other query types can carry
     * a party's data (ping tunnels); -1 (type not logged) and unassigned types are not signalling either.
     */
    public static boolean signalling(int type, boolean ipv6) {
        if (ipv6) {
            return type >= 1 && type <= 4 || type >= 130 && type <= 137 || type == 143;
        }
        return type == 3 || type == 4 || type == 5 || type == 9 || type == 10 || type == 11 || type == 12;
    }
}
