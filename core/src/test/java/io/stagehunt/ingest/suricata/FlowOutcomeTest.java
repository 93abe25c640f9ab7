package io.stagehunt.ingest.suricata;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlowOutcomeTest {

    @ParameterizedTest(name = "{0} flags {1}/{2}, {3} packets back, {4}: {5}")
    @CsvSource(nullValues = "null", value = {
            // handshake answered, whatever happened after (Zeek SF, S1, RSTO, RSTR)
            "TCP, 0x1b, 0x1b, 12, closed, ESTABLISHED",
            "TCP, 0x02, 0x12, 1, new, ESTABLISHED",
            "TCP, 0x16, 0x12, 1, closed, ESTABLISHED",
            // refused: SYN answered by RST (Zeek REJ)
            "TCP, 0x02, 0x14, 1, closed, REJECTED",
            // nothing back (Zeek S0), also when only an ICMP error came back
            "TCP, 0x02, 0x00, 0, new, NO_REPLY",
            "TCP, 0x02, 0x00, 1, new, NO_REPLY",
            // the originator gave up itself: RST (Zeek RSTOS0) or FIN (Zeek SH)
            "TCP, 0x06, 0x00, 0, closed, REJECTED",
            "TCP, 0x03, 0x00, 0, closed, PARTIAL",
            // the responder spoke without a handshake
            "TCP, 0x02, 0x10, 1, new, PARTIAL",
            "TCP, 0x10, 0x12, 1, new, PARTIAL",
            "TCP, 0x10, 0x16, 2, closed, REJECTED",
            // midstream pickup (Zeek OTH) and flows without any flags seen
            "TCP, 0x18, 0x10, 4, established, PARTIAL",
            "TCP, 0x00, 0x00, 2, new, UNKNOWN",
            // no TCP flags logged: packets back and Suricata's state decide
            "TCP, -1, -1, 0, new, NO_REPLY",
            "TCP, -1, -1, 5, established, ESTABLISHED",
            "TCP, -1, -1, 5, closed, UNKNOWN",
            "UDP, -1, -1, 0, new, NO_REPLY",
            "UDP, -1, -1, 1, established, ESTABLISHED",
            "ICMP, -1, -1, 0, new, NO_REPLY",
            "ICMP, -1, -1, 1, established, ESTABLISHED",
            "OTHER, -1, -1, -1, null, UNKNOWN"})
    void outcomeFollowsZeekConnStateSemantics(Transport transport, String toServer, String toClient,
            long packetsBack, String state, ConnectionOutcome expected) {
        assertThat(FlowOutcome.of(transport, Integer.decode(toServer), Integer.decode(toClient), packetsBack, state))
                .isEqualTo(expected);
    }
}
