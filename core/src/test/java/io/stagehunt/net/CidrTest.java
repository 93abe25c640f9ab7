package io.stagehunt.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.255.1.2, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "172.16.0.0/12, 172.31.255.255, true",
            "172.16.0.0/12, 172.32.0.0, false",
            "192.168.1.7/24, 192.168.1.200, true",
            "0.0.0.0/0, 8.8.8.8, true",
            "0.0.0.0/0, ::1, false",
            "41.108.179.197, 41.108.179.197, true",
            "41.108.179.197, 41.108.179.196, false",
            "fe80::/10, fe80::7809:d6ff:fee3:ff67, true",
            "fc00::/7, fd2d:ab8c:225::1, true",
            "fc00::/7, fe00::1, false",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "::/0, 10.0.0.1, true"
    })
    void containment(String range, String address, boolean expected) {
        assertThat(Cidr.parse(range).contains(IpAddress.parse(address))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"192.168.1.7/24, 192.168.1.0/24, 192.168.1.255", "2001:db8::1/64, 2001:db8::/64, 2001:db8::ffff:ffff:ffff:ffff"})
    void normalizesBaseAndKnowsItsBounds(String text, String canonical, String last) {
        Cidr range = Cidr.parse(text);
        assertThat(range.toString()).isEqualTo(canonical);
        assertThat(range.last()).isEqualTo(IpAddress.parse(last));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "::/129", "nonsense/8"})
    void rejectsBadRanges(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"10.1.2.3, true", "192.168.0.20, true", "100.64.0.1, true", "8.8.8.8, false",
            "41.108.179.197, false", "fe80::1, true", "fd00::1, true", "2001:4860::8888, false", "::1, true"})
    void defaultScopeIsPrivateSharedLoopbackLinkLocalAndUla(String address, boolean internal) {
        assertThat(NetworkScope.defaults().isInternal(IpAddress.parse(address))).isEqualTo(internal);
    }

    @ParameterizedTest
    @CsvSource({"147.32.0.0/16, 147.32.80.37, true", "147.32.0.0/16, 10.0.0.1, false"})
    void userScopeReplacesTheDefaults(String cidrs, String address, boolean internal) {
        NetworkScope scope = NetworkScope.of(List.of(cidrs));
        assertThat(scope.isInternal(IpAddress.parse(address))).isEqualTo(internal);
        assertThat(scope.isDefault()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/8,192.168.0.0/16", "10.0.0.0/8, 192.168.0.0/16"})
    void scopeAcceptsCommaLists(String argument) {
        NetworkScope scope = NetworkScope.of(List.of(argument));
        assertThat(scope.ranges()).hasSize(2);
    }
}
