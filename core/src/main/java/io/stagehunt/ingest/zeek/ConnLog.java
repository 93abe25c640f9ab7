package io.stagehunt.ingest.zeek;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.Event;
import io.stagehunt.event.Transport;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.net.IpAddress;
import java.util.List;

/** {@code conn.log}, and RITA's {@code open_conn.log} of connections still open when written. */
final class ConnLog extends ZeekLog {

    private static final int TS = 0;
    private static final int UID = 1;
    private static final int ORIG_H = 2;
    private static final int ORIG_P = 3;
    private static final int RESP_H = 4;
    private static final int RESP_P = 5;
    private static final int PROTO = 6;
    private static final int SERVICE = 7;
    private static final int DURATION = 8;
    private static final int ORIG_BYTES = 9;
    private static final int RESP_BYTES = 10;
    private static final int CONN_STATE = 11;
    private static final int ORIG_PKTS = 12;
    private static final int RESP_PKTS = 13;

    private final boolean open;

    ConnLog(boolean open) {
        super(open ? "open_conn" : "conn",
                List.of("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "service",
                        "duration", "orig_bytes", "resp_bytes", "conn_state", "orig_pkts", "resp_pkts"),
                List.of("ts", "id.orig_h", "id.resp_h"));
        this.open = open;
    }

    @Override
    Class<Connection> produces() {
        return Connection.class;
    }

    @Override
    Event map(ZeekRow row, ReadContext context, long line) throws MalformedFieldException {
        IpAddress originator = row.address(ORIG_H);
        IpAddress responder = row.address(RESP_H);
        Direction direction = context.direction(originator, responder);
        String state = row.symbol(CONN_STATE);
        return new Connection(row.time(TS), context.host(direction, originator, responder), context.provenance(line),
                row.text(UID), originator, row.port(ORIG_P), responder, row.port(RESP_P),
                Transport.parse(row.symbol(PROTO)), row.symbol(SERVICE), row.interval(DURATION),
                row.count(ORIG_BYTES), row.count(RESP_BYTES), row.count(ORIG_PKTS), row.count(RESP_PKTS),
                ConnectionOutcome.ofZeek(state), state, direction, open);
    }
}
