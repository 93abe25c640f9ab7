package io.stagehunt.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "10.136.0.18, 10.136.0.18",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "::, ::",
            "::1, ::1",
            "fe80::7809:d6ff:fee3:ff67, fe80::7809:d6ff:fee3:ff67",
            "FE80::7809:D6FF:FEE3:FF67, fe80::7809:d6ff:fee3:ff67",
            "fd2d:ab8c:225:0:81d3:fd3e:7f62:aec8, fd2d:ab8c:225:0:81d3:fd3e:7f62:aec8",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "ff02::2, ff02::2",
            "fe80::1%eth0, fe80::1",
            "::ffff:192.0.2.1, 192.0.2.1",
            "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
            "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
            "1::, 1::"
    })
    void parsesAndPrintsCanonically(String text, String canonical) {
        assertThat(IpAddress.parse(text).toString()).isEqualTo(canonical);
        assertThat(IpAddress.parse(canonical)).isEqualTo(IpAddress.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.04444", "1..2.3", "1.2.3.",
            ".1.2.3", "a.b.c.d", "1:2:3:4:5:6:7:8:9", "1:::2", "1::2::3", "12345::", ":1", "1:", "::g",
            "1.2.3.4 ", " 1.2.3.4", "<script>", "1.2.3.4/24", "0x7f.0.0.1"})
    void rejectsWhatIsNotAnAddress(String text) {
        assertThat(IpAddress.tryParse(text)).isNull();
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
        byte[] line = ("x\t" + text + "\ty").getBytes(StandardCharsets.UTF_8);
        assertThat(IpAddress.tryParse(line, 2, line.length - 2)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.115", "0.0.0.0", "255.255.255.255", "010.001.0.9", "2001:db8::dead:beef",
            "::", "::ffff:192.0.2.1", "fe80::1%eth0"})
    void parsesFromRawBytesLikeFromText(String text) {
        byte[] line = ("x\t" + text + "\ty").getBytes(StandardCharsets.US_ASCII);
        assertThat(IpAddress.tryParse(line, 2, 2 + text.length())).isEqualTo(IpAddress.parse(text));
    }

    @ParameterizedTest(name = "{0} port {1} -> {2}")
    @CsvSource({
            "203.0.113.7, 443, 203.0.113.7:443",
            "::ffff:192.0.2.1, 80, 192.0.2.1:80",
            "2001:db8::1337, 1337, [2001:db8::1337]:1337",
            "::1, 0, [::1]:0"
    })
    void writesAPortAfterTheAddressAsUrlsDo(String address, int port, String expected) {
        assertThat(IpAddress.parse(address).withPort(port)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.1, 10.0.0.2, -1", "10.0.0.2, 10.0.0.1, 1", "255.0.0.0, ::1, 1", "::1, ::2, -1"})
    void ordersByValue(String left, String right, int sign) {
        assertThat(Integer.signum(IpAddress.parse(left).compareTo(IpAddress.parse(right)))).isEqualTo(sign);
    }
}
