package io.stagehunt.ingest.zeek;

import io.stagehunt.event.Direction;
import io.stagehunt.event.Event;
import io.stagehunt.event.FileTransfer;
import io.stagehunt.event.Host;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.net.IpAddress;
import java.util.List;
import java.util.Locale;

/**
 * {@code files.log}. Before Zeek 5 a file names its endpoints as {@code tx_hosts}/{@code rx_hosts} sets; from
 * Zeek 5 on, by the connection 4-tuple plus {@code is_orig} (the originator sent it).
 */
final class FilesLog extends ZeekLog {

    private static final int TS = 0;
    private static final int FUID = 1;
    private static final int TX_HOSTS = 2;
    private static final int RX_HOSTS = 3;
    private static final int CONN_UIDS = 4;
    private static final int UID = 5;
    private static final int ORIG_H = 6;
    private static final int RESP_H = 7;
    private static final int IS_ORIG = 8;
    private static final int SOURCE = 9;
    private static final int MIME = 10;
    private static final int FILENAME = 11;
    private static final int TOTAL = 12;
    private static final int SEEN = 13;
    private static final int MD5 = 14;
    private static final int SHA1 = 15;
    private static final int SHA256 = 16;

    FilesLog() {
        super("files", List.of("ts", "fuid", "tx_hosts", "rx_hosts", "conn_uids", "uid", "id.orig_h", "id.resp_h",
                        "is_orig", "source", "mime_type", "filename", "total_bytes", "seen_bytes", "md5", "sha1",
                        "sha256"),
                List.of("ts"));
    }

    @Override
    Class<FileTransfer> produces() {
        return FileTransfer.class;
    }

    @Override
    Event map(ZeekRow row, ReadContext context, long line) throws MalformedFieldException {
        IpAddress sender;
        IpAddress receiver;
        String connection;
        if (row.present(ORIG_H) && row.present(RESP_H)) {
            boolean fromOriginator = row.bool(IS_ORIG, false);
            IpAddress originator = row.address(ORIG_H);
            IpAddress responder = row.address(RESP_H);
            sender = fromOriginator ? originator : responder;
            receiver = fromOriginator ? responder : originator;
            connection = row.text(UID);
        } else {
            sender = firstAddress(row.list(TX_HOSTS), "tx_hosts");
            receiver = firstAddress(row.list(RX_HOSTS), "rx_hosts");
            List<String> uids = row.list(CONN_UIDS);
            connection = uids.isEmpty() ? null : uids.get(0);
        }
        if (sender == null || receiver == null) {
            context.skip("files record without both endpoints");
            return null;
        }
        Direction direction = context.direction(receiver, sender);
        Host host = context.host(direction, receiver, sender);
        boolean download = direction != Direction.INBOUND;
        long total = row.count(TOTAL);
        return new FileTransfer(row.time(TS), host, context.provenance(line), row.text(FUID), connection, sender,
                receiver, row.text(SOURCE), row.text(MIME), row.text(FILENAME), total >= 0 ? total : row.count(SEEN),
                lower(row.text(MD5)), lower(row.text(SHA1)), lower(row.text(SHA256)), download);
    }

    private static IpAddress firstAddress(List<String> addresses, String field) throws MalformedFieldException {
        if (addresses.isEmpty()) {
            return null;
        }
        IpAddress address = IpAddress.tryParse(addresses.get(0));
        if (address == null) {
            throw new MalformedFieldException(field, "not an address: '" + addresses.get(0) + "'");
        }
        return address;
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
