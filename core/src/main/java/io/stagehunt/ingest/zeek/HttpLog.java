package io.stagehunt.ingest.zeek;

import io.stagehunt.event.Direction;
import io.stagehunt.event.Event;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.net.IpAddress;
import java.util.List;

/** {@code http.log}: one record per request and response. */
final class HttpLog extends ZeekLog {

    private static final int TS = 0;
    private static final int UID = 1;
    private static final int ORIG_H = 2;
    private static final int ORIG_P = 3;
    private static final int RESP_H = 4;
    private static final int RESP_P = 5;
    private static final int METHOD = 6;
    private static final int HOST = 7;
    private static final int URI = 8;
    private static final int REFERRER = 9;
    private static final int USER_AGENT = 10;
    private static final int STATUS = 11;
    private static final int REQUEST_LEN = 12;
    private static final int RESPONSE_LEN = 13;
    private static final int RESP_MIME = 14;
    private static final int RESP_FUIDS = 15;

    HttpLog() {
        super("http", List.of("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "method", "host",
                        "uri", "referrer", "user_agent", "status_code", "request_body_len", "response_body_len",
                        "resp_mime_types", "resp_fuids"),
                List.of("ts", "id.orig_h", "id.resp_h"));
    }

    @Override
    Class<HttpRequest> produces() {
        return HttpRequest.class;
    }

    @Override
    Event map(ZeekRow row, ReadContext context, long line) throws MalformedFieldException {
        IpAddress client = row.address(ORIG_H);
        IpAddress server = row.address(RESP_H);
        Direction direction = context.direction(client, server);
        return new HttpRequest(row.time(TS), context.host(direction, client, server), context.provenance(line),
                row.text(UID), client, row.port(ORIG_P), server, row.port(RESP_P), row.symbol(METHOD),
                row.text(HOST), row.text(URI), row.text(REFERRER), row.text(USER_AGENT),
                smallCount(row.count(STATUS), "status_code"), row.count(REQUEST_LEN), row.count(RESPONSE_LEN), row.list(RESP_MIME), row.list(RESP_FUIDS));
    }
}
