package io.stagehunt.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IcmpTypesTest {

    @ParameterizedTest(name = "{0} {1} (type {2}): signalling {3}")
    @CsvSource({
            "IPv4, echo reply, 0, false",
            "IPv4, unassigned, 2, false",
            "IPv4, destination unreachable, 3, true",
            "IPv4, source quench, 4, true",
            "IPv4, redirect, 5, true",
            "IPv4, echo request, 8, false",
            "IPv4, router advertisement, 9, true",
            "IPv4, router solicitation, 10, true",
            "IPv4, time exceeded, 11, true",
            "IPv4, parameter problem, 12, true",
            "IPv4, timestamp request, 13, false",
            "IPv4, type not logged, -1, false",
            "IPv6, reserved type 0, 0, false",
            "IPv6, destination unreachable, 1, true",
            "IPv6, packet too big, 2, true",
            "IPv6, time exceeded, 3, true",
            "IPv6, parameter problem, 4, true",
            "IPv6, unassigned error type, 5, true",
            "IPv6, echo request, 128, false",
            "IPv6, echo reply, 129, false",
            "IPv6, multicast listener query, 130, true",
            "IPv6, router solicitation, 133, true",
            "IPv6, neighbour solicitation, 135, true",
            "IPv6, redirect, 137, true",
            "IPv6, router renumbering, 138, true",
            "IPv6, inverse neighbour discovery advertisement, 142, true",
            "IPv6, node information query, 139, false",
            "IPv6, node information reply, 140, false",
            "IPv6, MLDv2 report, 143, true",
            "IPv6, home agent address discovery, 144, true",
            "IPv6, private experimentation, 200, false",
            "IPv6, reserved type 255, 255, false",
            "IPv6, error type 11 (unassigned; time exceeded in IPv4), 11, true",
    })
    void signalling(String family, String message, int type, boolean signalling) {
        assertThat(IcmpTypes.signalling(type, family.equals("IPv6"))).isEqualTo(signalling);
    }
}
