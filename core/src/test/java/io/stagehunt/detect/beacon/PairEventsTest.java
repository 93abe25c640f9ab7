package io.stagehunt.detect.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.Host;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.SourceFile;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PairEventsTest {

    private static final IpAddress CLIENT = IpAddress.parse("10.1.1.30");
    private static final IpAddress SERVER = IpAddress.parse("17.253.54.251");

    @ParameterizedTest(name = "{0} {1} to port {2}, {3} B in {4} packets, {5} B in {6} back: {7}")
    @CsvSource({
        // transport, direction, port, sent, packets, received, packets back, time poll
        "UDP, OUTBOUND, 123, 48, 1, 48, 1, true",        // Zeek: payload bytes
        "UDP, OUTBOUND, 123, 96, 2, 0, 0, true",         // two unanswered polls in one flow
        "UDP, OUTBOUND, 123, 48, 1, -1, -1, true",       // the sensor did not count the answer
        "UDP, OUTBOUND, 123, -1, 1, -1, 0, true",        // nor the request (Zeek's "-"): nothing refutes a poll
        "UDP, OUTBOUND, 123, 90, 1, 90, 1, true",        // Suricata: Ethernet, IPv4 and UDP headers counted
        "UDP, OUTBOUND, 123, 110, 1, 110, 1, true",      // the same with IPv6 headers
        "UDP, INTERNAL, 123, 48, 1, 48, 1, true",        // a workstation polling the office's time server
        "UDP, OUTBOUND, 123, 116, 1, 116, 1, false",     // extension fields (NTS, or appended data)
        "UDP, OUTBOUND, 123, 48, 1, 500, 1, false",      // a responder that writes more than a time reply
        "UDP, OUTBOUND, 123, 97, 2, 0, 0, false",        // packets of different sizes
        "UDP, OUTBOUND, 123, 0, 0, 0, 0, false",         // nothing sent
        "UDP, OUTBOUND, 1123, 48, 1, 48, 1, false",      // another port
        "TCP, OUTBOUND, 123, 48, 1, 48, 1, false",       // another transport
        "UDP, INBOUND, 123, 48, 1, 48, 1, false",        // somebody polling us
    })
    void tellsPlainNtpPolls(Transport transport, Direction direction, int port, long sent, long packets,
            long received, long packetsBack, boolean timePoll) {
        Connection connection = new Connection(1_600_000_000_000_000L, Host.of(CLIENT),
                new Provenance(new SourceFile("conn.log", "zeek-tsv"), 1), "C1", CLIENT, 50_123, SERVER, port,
                transport, null, 20_000, sent, received, packets, packetsBack, ConnectionOutcome.ESTABLISHED, "SF",
                direction, false);

        assertThat(PairEvents.timePoll(connection)).isEqualTo(timePoll);
    }
}
