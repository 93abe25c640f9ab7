package io.stagehunt.ingest.zeek;

import io.stagehunt.event.Direction;
import io.stagehunt.event.Event;
import io.stagehunt.event.TlsSession;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.util.List;
import java.util.Locale;

/**
 * {@code ssl.log}. Zeek before 6 names the server chain by file ids ({@code cert_chain_fuids}, joined with
 * x509.log); Zeek 6 and later give SHA-256 fingerprints directly ({@code cert_chain_fps}).
 */
final class SslLog extends ZeekLog {

    private static final int TS = 0;
    private static final int UID = 1;
    private static final int ORIG_H = 2;
    private static final int ORIG_P = 3;
    private static final int RESP_H = 4;
    private static final int RESP_P = 5;
    private static final int VERSION = 6;
    private static final int CIPHER = 7;
    private static final int SERVER_NAME = 8;
    private static final int ESTABLISHED = 9;
    private static final int JA3 = 10;
    private static final int JA3S = 11;
    private static final int JA4 = 12;
    private static final int SUBJECT = 13;
    private static final int ISSUER = 14;
    private static final int CHAIN_FPS = 15;
    private static final int CHAIN_FUIDS = 16;
    private static final int VALIDATION = 17;

    SslLog() {
        super("ssl", List.of("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "version", "cipher",
                        "server_name", "established", "ja3", "ja3s", "ja4", "subject", "issuer", "cert_chain_fps",
                        "cert_chain_fuids", "validation_status"),
                List.of("ts", "id.orig_h", "id.resp_h"));
    }

    @Override
    Class<TlsSession> produces() {
        return TlsSession.class;
    }

    @Override
    Event map(ZeekRow row, ReadContext context, long line) throws MalformedFieldException {
        IpAddress client = row.address(ORIG_H);
        IpAddress server = row.address(RESP_H);
        Direction direction = context.direction(client, server);
        String serverName = row.text(SERVER_NAME);
        String normalizedName = DomainName.normalize(serverName);
        return new TlsSession(row.time(TS), context.host(direction, client, server), context.provenance(line),
                row.text(UID), client, row.port(ORIG_P), server, row.port(RESP_P), row.symbol(VERSION),
                row.symbol(CIPHER), normalizedName != null ? normalizedName : serverName,
                row.bool(ESTABLISHED, false), lower(row.text(JA3)), lower(row.text(JA3S)), row.text(JA4),
                row.text(SUBJECT), row.text(ISSUER), row.list(CHAIN_FPS).stream().map(SslLog::lower).toList(),
                row.list(CHAIN_FUIDS), row.text(VALIDATION));
    }

    private static String lower(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return text.toLowerCase(Locale.ROOT);
            }
        }
        return text;
    }
}
