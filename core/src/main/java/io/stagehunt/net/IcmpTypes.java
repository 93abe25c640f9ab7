package io.stagehunt.net;

/**
 * ICMP message types by what they are for. Type numbers are IANA's ICMP (RFC 792, 1256) and ICMPv6 (RFC 4443,
 * 2710, 4861, 3810) registries. Stateless.
 */
public final class IcmpTypes {

    private IcmpTypes() {
    }

    /**
     * Whether an ICMP message of this type is signalling that a network stack or router sends by itself: an error
     * about another packet (unreachable, packet too big, time exceeded, parameter problem, source quench), a
     * redirect, or router, neighbour and multicast-listener discovery. Echo and the other queries can carry a
     * party's data (ping tunnels), and so can whatever is private experimentation; -1 (type not logged) is not
     * signalling either.
     *
     * <p>IPv4: types 3, 4, 5, 9, 10, 11 and 12. IPv6: every error type (1 to 127, RFC 4443) and every
     * informational type but echo (128, 129), node information (139, 140), private experimentation (200, 201)
     * and the reserved 255; the others are network control (listener and neighbour discovery, router
     * renumbering, mobility, SEND, multicast router discovery, RPL).
     */
    public static boolean signalling(int type, boolean ipv6) {
        if (ipv6) {
            return type >= 1 && type <= 127 || type >= 130 && type <= 254 && type != 139 && type != 140
                    && type != 200 && type != 201;
        }
        return type == 3 || type == 4 || type == 5 || type == 9 || type == 10 || type == 11 || type == 12;
    }
}
