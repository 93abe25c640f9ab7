package io.stagehunt.ingest.zeek;

import io.stagehunt.event.Event;
import io.stagehunt.ingest.ReadContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mapping of one Zeek log path to events: the fields it reads (slot = index in {@link #fields()}) and
 * how a record becomes an event. Stateless and thread-safe.
 */
abstract class ZeekLog {

    private static final Map<String, ZeekLog> BY_PATH = Map.of(
            "conn", new ConnLog(false),
            "open_conn", new ConnLog(true),
            "dns", new DnsLog(),
            "http", new HttpLog(),
            "open_http", new HttpLog(),
            "ssl", new SslLog(),
            "open_ssl", new SslLog(),
            "files", new FilesLog(),
            "x509", new X509Log(),
            "weird", new WeirdLog());
    private static final ZeekLog NOTICE = new NoticeLog();

    private final String path;
    private final List<String> fields;
    private final List<String> required;
    private final int[] requiredSlots;

    ZeekLog(String path, List<String> fields, List<String> required) {
        this.path = path;
        this.fields = List.copyOf(fields);
        this.required = List.copyOf(required);
        this.requiredSlots = required.stream().mapToInt(this.fields::indexOf).toArray();
    }

    /** Every mapping, each once: the union of their fields is what a JSON reader must look for. */
    static List<ZeekLog> all() {
        List<ZeekLog> all = new ArrayList<>(BY_PATH.values());
        all.add(NOTICE);
        return all;
    }

    /** The mapping for a log path, or null when stagehunt does not model that log. */
    static ZeekLog forPath(String path) {
        if (path == null) {
            return null;
        }
        String normalized = path.toLowerCase(Locale.ROOT);
        return normalized.equals("notice") ? NOTICE : BY_PATH.get(normalized);
    }

    /**
     * The log path for records that do not name it (no {@code #path}, no {@code _path}), told by fields only
     * that log has; null when the fields fit none.
     */
    static String inferPath(Set<String> names) {
        if (names.contains("conn_state") && names.contains("id.orig_h")) {
            return "conn";
        }
        if (names.contains("query") && names.contains("qtype")) {
            return "dns";
        }
        if (names.contains("method") && names.contains("uri")) {
            return "http";
        }
        if (names.contains("server_name") && names.contains("cipher")) {
            return "ssl";
        }
        if (names.contains("fuid") && names.contains("mime_type")) {
            return "files";
        }
        if (names.contains("certificate.subject")) {
            return "x509";
        }
        if (names.contains("note") && names.contains("msg")) {
            return "notice";
        }
        if (names.contains("name") && names.contains("addl") && names.contains("peer")) {
            return "weird";
        }
        return null;
    }

    String path() {
        return path;
    }

    /** Canonical dotted Zeek field names; a field's slot is its index here. */
    List<String> fields() {
        return fields;
    }

    /** Fields without which a record of this log means nothing; records lacking one are quarantined. */
    List<String> required() {
        return required;
    }

    /**
     * Why this record cannot be mapped though its log has every required field: one of them is unset ({@code -},
     * {@code ""}, empty); null when all are set. Without them an event would carry time Long.MIN_VALUE or no host.
     */
    String unsetRequired(ZeekRow row) {
        for (int i = 0; i < requiredSlots.length; i++) {
            if (!row.present(requiredSlots[i])) {
                return "zeek log '" + path + "' leaves required field '" + required.get(i) + "' unset";
            }
        }
        return null;
    }

    /** Whether a number of seconds from a log is one: finite and not negative (TTLs, RTTs). */
    static boolean validSeconds(double seconds) {
        return seconds >= 0 && !Double.isInfinite(seconds);
    }

    /** A count that must fit an {@code int} (DNS types and codes, HTTP status, key lengths); -1 stays -1. */
    static int smallCount(long count, String field) throws MalformedFieldException {
        if (count > Integer.MAX_VALUE) {
            throw new MalformedFieldException(field, "out of range: " + count);
        }
        return (int) count;
    }

    /** The event for this record, or null when the record is skipped by design (the reason given to ctx). */
    abstract Event map(ZeekRow row, ReadContext context, long line) throws MalformedFieldException;

    /** The kind of event every record of this log becomes. */
    abstract Class<? extends Event> produces();
}
