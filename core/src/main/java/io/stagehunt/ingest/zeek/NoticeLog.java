package io.stagehunt.ingest.zeek;

import io.stagehunt.event.Direction;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import io.stagehunt.event.SensorAlert;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.net.IpAddress;
import java.util.List;

/**
 * {@code notice.log}. A notice names its hosts either by connection ({@code id.*}) or by {@code src} and
 * {@code dst} alone (scan notices).
 */
final class NoticeLog extends ZeekLog {

    private static final int TS = 0;
    private static final int ORIG_H = 1;
    private static final int ORIG_P = 2;
    private static final int RESP_H = 3;
    private static final int RESP_P = 4;
    private static final int SRC = 5;
    private static final int DST = 6;
    private static final int PORT = 7;
    private static final int NOTE = 8;
    private static final int MSG = 9;
    private static final int SUB = 10;
    private static final int ACTIONS = 11;

    NoticeLog() {
        super("notice", List.of("ts", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "src", "dst", "p",
                        "note", "msg", "sub", "actions"),
                List.of("ts", "note"));
    }

    @Override
    Class<SensorAlert> produces() {
        return SensorAlert.class;
    }

    @Override
    Event map(ZeekRow row, ReadContext context, long line) throws MalformedFieldException {
        IpAddress source = row.present(ORIG_H) ? row.address(ORIG_H) : row.address(SRC);
        IpAddress destination = row.present(RESP_H) ? row.address(RESP_H) : row.address(DST);
        int destinationPort = row.present(RESP_P) ? row.port(RESP_P) : row.port(PORT);
        Host host = null;
        if (source != null && destination != null) {
            Direction direction = context.direction(source, destination);
            host = context.host(direction, source, destination);
        } else if (source != null && context.scope().isInternal(source)) {
            host = Host.of(source);
        } else if (destination != null && context.scope().isInternal(destination)) {
            host = Host.of(destination);
        }
        String message = row.text(MSG);
        String sub = row.text(SUB);
        List<String> actions = row.list(ACTIONS);
        return new SensorAlert(row.time(TS), host, context.provenance(line), "zeek-notice", source,
                row.port(ORIG_P), destination, destinationPort, row.text(NOTE),
                sub == null ? message : message + " (" + sub + ")", "notice", -1,
                actions.isEmpty() ? null : String.join(",", actions));
    }
}
