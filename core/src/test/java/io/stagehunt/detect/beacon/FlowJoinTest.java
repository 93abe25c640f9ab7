package io.stagehunt.detect.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowJoinTest {

    private static final long GRACE = 30_000_000L;

    private final List<Long> settledAt = new ArrayList<>();
    private final FlowJoin.Delivery delivery = (name, proxied, observation, atMicros) -> settledAt.add(atMicros);

    @Test
    void aTlsFlowWaitsForItsServerNameWhenSomeInputCanHoldIt() {
        Connection flow = tlsFlow();
        FlowJoin join = new FlowJoin(16);

        join.onFlow(flow, flow.timeMicros(), GRACE, true, delivery);

        assertThat(settledAt).isEmpty();
        assertThat(join.settleDueMicros()).isEqualTo(flow.timeMicros() + GRACE);
        assertThat(join.settleBatch(flow.timeMicros() + GRACE - 1, 0, delivery)).isEqualTo(Long.MIN_VALUE);
        assertThat(join.settleBatch(flow.timeMicros() + GRACE, 0, delivery)).isEqualTo(flow.timeMicros() + GRACE);
        assertThat(settledAt).containsExactly(flow.timeMicros() + GRACE);
    }

    @Test
    void aTlsFlowSettlesAtOnceWhenNoInputCanHoldItsName() {
        Connection flow = tlsFlow();
        FlowJoin join = new FlowJoin(16);

        join.onFlow(flow, flow.timeMicros(), GRACE, false, delivery);

        assertThat(settledAt).containsExactly(flow.timeMicros());
        // nothing is held: a closed flow that settled is not remembered
        assertThat(join.isEmpty()).isTrue();
        assertThat(join.settleDueMicros()).isEqualTo(Long.MAX_VALUE);
    }

    private static Connection tlsFlow() {
        return (Connection) new Traffic("10.20.30.41").flow(10, "203.0.113.9", 443, 900, "SF", "ssl", false)
                .events().get(0);
    }
}
