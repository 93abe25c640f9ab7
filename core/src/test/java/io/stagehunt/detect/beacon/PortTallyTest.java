package io.stagehunt.detect.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PortTallyTest {

    @Test
    void namesTheUsualPortFirstCountedOnATie() {
        PortTally tally = new PortTally();
        assertThat(tally.usual()).isEqualTo(-1);
        for (int port : new int[] {8443, 443, 443, 8443, -1}) {
            tally.add(port);
        }
        assertThat(tally.usual()).isEqualTo(8443);
    }

    @Test
    void theUsualPortWinsItsPlaceWhateverPortsCameFirst() {
        PortTally tally = new PortTally();
        for (int port = 1; port <= 30; port++) {
            tally.add(port);
        }
        for (int i = 0; i < 12; i++) {
            tally.add(4444);
            tally.add(2000 + i);
        }
        assertThat(tally.usual()).isEqualTo(4444);
    }

    @Test
    void estimatesHowManyDistinctPortsWereUsed() {
        PortTally few = new PortTally();
        PortTally many = new PortTally();
        for (int i = 0; i < 200; i++) {
            few.add(new int[] {80, 443, 8080}[i % 3]);
            many.add(1024 + i % 60);
        }
        assertThat(few.distinctPorts()).isCloseTo(3, within(0.2));
        assertThat(many.distinctPorts()).isCloseTo(60, within(20.0));
    }
}
