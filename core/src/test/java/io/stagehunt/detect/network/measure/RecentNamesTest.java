package io.stagehunt.detect.network.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.net.IpAddress;
import org.junit.jupiter.api.Test;

class RecentNamesTest {

    private static final IpAddress SERVER = IpAddress.parse("198.51.100.7");

    @Test
    void keepsTheLatestNameLowerCaseWithoutItsPort() {
        RecentNames names = new RecentNames(4);
        names.name(SERVER, "Old.Example.ORG");
        names.name(SERVER, "Portal.Example.com:8443");

        assertThat(names.of(SERVER)).isEqualTo("portal.example.com");
    }

    @Test
    void ignoresWhatIsNoNameAndForgetsTheLeastRecentlyNamedBeyondItsCapacity() {
        RecentNames names = new RecentNames(2);
        names.name(SERVER, null);
        names.name(null, "orphan.example.com");
        assertThat(names.of(SERVER)).isNull();

        for (int i = 1; i <= 3; i++) {
            names.name(IpAddress.parse("203.0.113." + i), "host" + i + ".example.com");
        }
        names.name(IpAddress.parse("203.0.113.2"), "host2.example.com");
        names.name(IpAddress.parse("203.0.113.4"), "host4.example.com");

        // named again, .2 became the most recent: .3 was the least recently named when .4 came
        assertThat(names.of(IpAddress.parse("203.0.113.1"))).isNull();
        assertThat(names.of(IpAddress.parse("203.0.113.3"))).isNull();
        assertThat(names.of(IpAddress.parse("203.0.113.2"))).isEqualTo("host2.example.com");
        assertThat(names.of(IpAddress.parse("203.0.113.4"))).isEqualTo("host4.example.com");
    }
}
