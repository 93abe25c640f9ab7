package io.stagehunt.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagehunt.net.IpAddress;
import org.junit.jupiter.api.Test;

class HostTest {

    @Test
    void equalHostsAreEqualAndHashAlike() {
        Host host = Host.of(IpAddress.parse("10.0.0.5"));
        assertThat(host).isEqualTo(Host.of(IpAddress.parse("10.0.0.5")))
                .hasSameHashCodeAs(Host.of(IpAddress.parse("10.0.0.5")));
        assertThat(host).isNotEqualTo(Host.of(IpAddress.parse("10.0.0.6")));
        assertThat(host).isNotEqualTo(new Host(IpAddress.parse("10.0.0.5"), "ws-5"));
        assertThat(new Host(IpAddress.parse("10.0.0.5"), "ws-5"))
                .isEqualTo(new Host(IpAddress.parse("10.0.0.5"), "ws-5"));
        assertThat(Host.named("ws-5")).isEqualTo(Host.named("ws-5")).isNotEqualTo(Host.named("WS-6"));
    }

    @Test
    void aNameOnlyHostIsNotTheUnspecifiedAddress() {
        assertThat(Host.named("ws-5")).isNotEqualTo(new Host(IpAddress.parse("::"), "ws-5"));
    }

    @Test
    void labelsAndNeedsAnAddressOrAName() {
        assertThat(new Host(IpAddress.parse("10.0.0.5"), "ws-5").label()).isEqualTo("10.0.0.5");
        assertThat(new Host(IpAddress.parse("10.0.0.5"), "ws-5")).hasToString("ws-5 (10.0.0.5)");
        assertThat(Host.named("ws-5").label()).isEqualTo("ws-5");
        assertThatThrownBy(() -> new Host(null, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
