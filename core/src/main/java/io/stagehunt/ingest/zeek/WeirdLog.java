package io.stagehunt.ingest.zeek;

import io.stagehunt.event.Direction;
import io.stagehunt.event.Event;
import io.stagehunt.event.SensorAlert;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.net.IpAddress;
import java.util.List;

/** {@code weird.log}: protocol anomalies; those without a connection concern no single host. */
final class WeirdLog extends ZeekLog {

    private static final int TS = 0;
    private static final int ORIG_H = 1;
    private static final int ORIG_P = 2;
    private static final int RESP_H = 3;
    private static final int RESP_P = 4;
    private static final int NAME = 5;
    private static final int ADDL = 6;

    WeirdLog() {
        super("weird", List.of("ts", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "name", "addl"),
                List.of("ts", "name"));
    }

    @Override
    Class<SensorAlert> produces() {
        return SensorAlert.class;
    }

    @Override
    Event map(ZeekRow row, ReadContext context, long line) throws MalformedFieldException {
        IpAddress originator = row.address(ORIG_H);
        IpAddress responder = row.address(RESP_H);
        Direction direction = originator != null && responder != null
                ? context.direction(originator, responder) : null;
        String additional = row.text(ADDL);
        return new SensorAlert(row.time(TS),
                direction == null ? null : context.host(direction, originator, responder), context.provenance(line),
                "zeek-weird", originator, row.port(ORIG_P), responder, row.port(RESP_P), row.text(NAME),
                additional == null ? row.text(NAME) : row.text(NAME) + ": " + additional, "weird", -1, null);
    }
}
