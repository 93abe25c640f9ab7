package io.stagehunt.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventKindsTest {

    @Test
    void declaredKindsAreTheOnlyOnesAnInputMayProduce() {
        EventKinds flowsAndLookups = EventKinds.of(Connection.class, DnsQuery.class);

        assertThat(flowsAndLookups.mayProduce(Connection.class)).isTrue();
        assertThat(flowsAndLookups.mayProduce(DnsQuery.class)).isTrue();
        assertThat(flowsAndLookups.mayProduce(HttpRequest.class)).isFalse();
        assertThat(flowsAndLookups.isAny()).isFalse();
        assertThat(EventKinds.NONE.mayProduce(Connection.class)).isFalse();
        assertThat(EventKinds.ANY.mayProduce(TlsSession.class)).isTrue();
    }

    @Test
    void inputsTogetherMayProduceWhatAnyOfThemMay() {
        EventKinds conn = EventKinds.of(Connection.class);
        EventKinds ssl = EventKinds.of(TlsSession.class);

        assertThat(conn.and(ssl)).isEqualTo(EventKinds.of(TlsSession.class, Connection.class));
        assertThat(conn.and(EventKinds.NONE)).isEqualTo(conn);
        // one input that cannot tell makes the whole run unknown
        assertThat(conn.and(EventKinds.ANY).isAny()).isTrue();
        assertThat(EventKinds.ANY.and(conn).isAny()).isTrue();
        assertThat(conn.and(ssl).toString()).isEqualTo("[Connection, TlsSession]");
        assertThat(EventKinds.ANY).hasToString("any");
    }
}
