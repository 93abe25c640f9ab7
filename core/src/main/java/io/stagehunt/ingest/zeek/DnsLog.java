package io.stagehunt.ingest.zeek;

import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.Transport;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.util.List;

/** {@code dns.log}: one record per query and its answer. */
final class DnsLog extends ZeekLog {

    private static final int TS = 0;
    private static final int UID = 1;
    private static final int ORIG_H = 2;
    private static final int RESP_H = 3;
    private static final int RESP_P = 4;
    private static final int PROTO = 5;
    private static final int QUERY = 6;
    private static final int QTYPE = 7;
    private static final int QTYPE_NAME = 8;
    private static final int RCODE = 9;
    private static final int RCODE_NAME = 10;
    private static final int ANSWERS = 11;
    private static final int TTLS = 12;
    private static final int REJECTED = 13;

    DnsLog() {
        super("dns", List.of("ts", "uid", "id.orig_h", "id.resp_h", "id.resp_p", "proto", "query", "qtype",
                        "qtype_name", "rcode", "rcode_name", "answers", "TTLs", "rejected"),
                List.of("ts", "id.orig_h", "id.resp_h"));
    }

    @Override
    Class<DnsQuery> produces() {
        return DnsQuery.class;
    }

    @Override
    Event map(ZeekRow row, ReadContext context, long line) throws MalformedFieldException {
        IpAddress client = row.address(ORIG_H);
        IpAddress server = row.address(RESP_H);
        Direction direction = context.direction(client, server);
        String raw = row.text(QUERY);
        String normalized = DomainName.normalize(raw);
        return new DnsQuery(row.time(TS), context.host(direction, client, server), context.provenance(line),
                row.text(UID), client, server, row.port(RESP_P), Transport.parse(row.symbol(PROTO)),
                normalized != null ? normalized : raw, smallCount(row.count(QTYPE), "qtype"), row.symbol(QTYPE_NAME),
                smallCount(row.count(RCODE), "rcode"), row.symbol(RCODE_NAME), row.list(ANSWERS), row.seconds(TTLS),
                row.bool(REJECTED, false));
    }
}
