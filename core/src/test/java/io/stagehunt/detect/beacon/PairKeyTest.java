package io.stagehunt.detect.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Host;
import io.stagehunt.net.IpAddress;
import org.junit.jupiter.api.Test;

class PairKeyTest {

    private static final IpAddress REMOTE = IpAddress.parse("203.0.113.9");

    @Test
    void equalsExactlyWhenHostAndRemoteAreEqual() {
        Host host = Host.of(IpAddress.parse("10.0.0.5"));
        PairKey key = new PairKey(host, REMOTE);
        PairKey same = new PairKey(Host.of(IpAddress.parse("10.0.0.5")), IpAddress.parse("203.0.113.9"));
        assertThat(key).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(key).isNotEqualTo(new PairKey(host, IpAddress.parse("203.0.113.10")));
        assertThat(key).isNotEqualTo(new PairKey(Host.of(IpAddress.parse("10.0.0.6")), REMOTE));
        assertThat(key).isNotEqualTo(new PairKey(new Host(IpAddress.parse("10.0.0.5"), "ws-5"), REMOTE));
        assertThat(new PairKey(new Host(IpAddress.parse("10.0.0.5"), "ws-5"), REMOTE))
                .isEqualTo(new PairKey(new Host(IpAddress.parse("10.0.0.5"), "ws-5"), REMOTE));
        assertThat(key.host()).isSameAs(host);
        assertThat(key.remote()).isEqualTo(REMOTE);
        assertThat(key).hasToString("10.0.0.5 -> 203.0.113.9");
    }

    @Test
    void aHostKnownOnlyByNameIsNotTheUnspecifiedAddress() {
        PairKey named = new PairKey(Host.named("ws-5"), REMOTE);
        PairKey unspecified = new PairKey(Host.of(IpAddress.parse("::")), REMOTE);
        assertThat(named).isNotEqualTo(unspecified);
        assertThat(named).isEqualTo(new PairKey(Host.named("ws-5"), REMOTE));
        assertThat(named).isNotEqualTo(new PairKey(Host.named("ws-6"), REMOTE));
    }
}
