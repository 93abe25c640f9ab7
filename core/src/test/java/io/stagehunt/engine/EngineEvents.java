package io.stagehunt.engine;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.Host;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.SourceFile;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;

/** Small builders of realistic events for engine tests. */
final class EngineEvents {

    private static final SourceFile SOURCE = new SourceFile("conn.log", "zeek-tsv");

    private EngineEvents() {
    }

    static Connection outbound(long seconds, String from, String to, int port) {
        IpAddress originator = IpAddress.parse(from);
        return new Connection(seconds * 1_000_000L, Host.of(originator), new Provenance(SOURCE, seconds), "C" + seconds,
                originator, 49152, IpAddress.parse(to), port, Transport.TCP, "ssl", 1_000_000L, 500, 4000, 6, 6,
                ConnectionOutcome.ESTABLISHED, "SF", Direction.OUTBOUND, false);
    }
}
