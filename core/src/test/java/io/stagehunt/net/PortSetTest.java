package io.stagehunt.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortSetTest {

    @Test
    void holdsExactlyTheGivenPorts() {
        Set<Integer> given = Set.of(0, 53, 63, 64, 443, 1177, 8080, 65_535);
        PortSet ports = PortSet.of(given);
        for (int port = 0; port < 65_536; port++) {
            assertThat(ports.contains(port)).as("port %d", port).isEqualTo(given.contains(port));
        }
    }

    @Test
    void valuesOutsideThePortRangeAreNeverMembers() {
        PortSet ports = PortSet.of(List.of(0, 65_535));
        assertThat(ports.contains(-1)).isFalse();
        assertThat(ports.contains(65_536)).isFalse();
        assertThat(ports.contains(Integer.MIN_VALUE)).isFalse();
        assertThat(ports.contains(Integer.MAX_VALUE)).isFalse();
    }

    @Test
    void rejectsNonPortsWhenBuilt() {
        assertThatThrownBy(() -> PortSet.of(List.of(80, 70_000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> PortSet.of(List.of(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
