package io.stagehunt.ingest.suricata;

import io.stagehunt.ingest.json.JsonSchema;

/**
 * The EVE fields stagehunt reads, as slots of one schema shared by every event type (a record names its type
 * in {@code event_type}, which may come after the type's own object). Field names are Suricata's, from the EVE
 * format documentation of versions 4 to 8. Constants only.
 */
final class EveFields {

    private static final JsonSchema.Builder BUILDER = JsonSchema.builder();

    static final int TIMESTAMP = BUILDER.field("timestamp");
    static final int EVENT_TYPE = BUILDER.field("event_type");
    static final int FLOW_ID = BUILDER.field("flow_id");
    static final int SRC_IP = BUILDER.field("src_ip");
    static final int SRC_PORT = BUILDER.field("src_port");
    static final int DEST_IP = BUILDER.field("dest_ip");
    static final int DEST_PORT = BUILDER.field("dest_port");
    static final int PROTO = BUILDER.field("proto");
    static final int ICMP_TYPE = BUILDER.field("icmp_type");
    static final int ICMP_CODE = BUILDER.field("icmp_code");
    static final int APP_PROTO = BUILDER.field("app_proto");
    static final int TX_ID = BUILDER.field("tx_id");

    static final int FLOW_PKTS_TOSERVER = BUILDER.field("flow", "pkts_toserver");
    static final int FLOW_PKTS_TOCLIENT = BUILDER.field("flow", "pkts_toclient");
    static final int FLOW_BYTES_TOSERVER = BUILDER.field("flow", "bytes_toserver");
    static final int FLOW_BYTES_TOCLIENT = BUILDER.field("flow", "bytes_toclient");
    static final int FLOW_START = BUILDER.field("flow", "start");
    static final int FLOW_END = BUILDER.field("flow", "end");
    static final int FLOW_STATE = BUILDER.field("flow", "state");
    static final int FLOW_REASON = BUILDER.field("flow", "reason");

    static final int NETFLOW_PKTS = BUILDER.field("netflow", "pkts");
    static final int NETFLOW_BYTES = BUILDER.field("netflow", "bytes");
    static final int NETFLOW_START = BUILDER.field("netflow", "start");
    static final int NETFLOW_END = BUILDER.field("netflow", "end");

    static final int TCP_FLAGS = BUILDER.field("tcp", "tcp_flags");
    static final int TCP_FLAGS_TS = BUILDER.field("tcp", "tcp_flags_ts");
    static final int TCP_FLAGS_TC = BUILDER.field("tcp", "tcp_flags_tc");
    static final int TCP_STATE = BUILDER.field("tcp", "state");

    static final int DNS_VERSION = BUILDER.field("dns", "version");
    static final int DNS_TYPE = BUILDER.field("dns", "type");
    static final int DNS_ID = BUILDER.field("dns", "id");
    static final int DNS_RRNAME = BUILDER.field("dns", "rrname");
    static final int DNS_RRTYPE = BUILDER.field("dns", "rrtype");
    static final int DNS_RCODE = BUILDER.field("dns", "rcode");
    static final int DNS_RDATA = BUILDER.field("dns", "rdata");
    static final int DNS_TTL = BUILDER.field("dns", "ttl");
    static final int DNS_QUERY_RRNAME = BUILDER.column(new String[] {"dns", "queries"}, "rrname");
    static final int DNS_QUERY_RRTYPE = BUILDER.column(new String[] {"dns", "queries"}, "rrtype");
    static final int DNS_ANSWER_RDATA = BUILDER.column(new String[] {"dns", "answers"}, "rdata");
    static final int DNS_ANSWER_TTL = BUILDER.column(new String[] {"dns", "answers"}, "ttl");
    static final int DNS_AUTHORITY_RRNAME = BUILDER.column(new String[] {"dns", "authorities"}, "rrname");
    private static final int[] DNS_GROUPED = BUILDER.groupedArrays("dns", "grouped");
    static final int DNS_GROUPED_VALUES = DNS_GROUPED[0];

    static final int HTTP_HOSTNAME = BUILDER.field("http", "hostname");
    static final int HTTP_URL = BUILDER.field("http", "url");
    static final int HTTP_USER_AGENT = BUILDER.field("http", "http_user_agent");
    static final int HTTP_METHOD = BUILDER.field("http", "http_method");
    static final int HTTP_REFERRER = BUILDER.field("http", "http_refer");
    static final int HTTP_STATUS = BUILDER.field("http", "status");
    static final int HTTP_LENGTH = BUILDER.field("http", "length");
    static final int HTTP_CONTENT_TYPE = BUILDER.field("http", "http_content_type");

    static final int TLS_SNI = BUILDER.field("tls", "sni");
    static final int TLS_VERSION = BUILDER.field("tls", "version");
    static final int TLS_SUBJECT = BUILDER.field("tls", "subject");
    static final int TLS_ISSUER = BUILDER.field("tls", "issuerdn");
    static final int TLS_FINGERPRINT = BUILDER.field("tls", "fingerprint");
    static final int TLS_JA3 = BUILDER.field("tls", "ja3", "hash");
    static final int TLS_JA3S = BUILDER.field("tls", "ja3s", "hash");
    static final int TLS_JA4 = BUILDER.field("tls", "ja4");
    static final int TLS_RESUMED = BUILDER.field("tls", "session_resumed");

    static final int FILE_NAME = BUILDER.field("fileinfo", "filename");
    static final int FILE_MAGIC = BUILDER.field("fileinfo", "magic");
    static final int FILE_SIZE = BUILDER.field("fileinfo", "size");
    static final int FILE_MD5 = BUILDER.field("fileinfo", "md5");
    static final int FILE_SHA1 = BUILDER.field("fileinfo", "sha1");
    static final int FILE_SHA256 = BUILDER.field("fileinfo", "sha256");
    static final int FILE_ID = BUILDER.field("fileinfo", "file_id");
    static final int FILE_TX_ID = BUILDER.field("fileinfo", "tx_id");

    static final int ALERT_SIGNATURE_ID = BUILDER.field("alert", "signature_id");
    static final int ALERT_SIGNATURE = BUILDER.field("alert", "signature");
    static final int ALERT_CATEGORY = BUILDER.field("alert", "category");
    static final int ALERT_SEVERITY = BUILDER.field("alert", "severity");
    static final int ALERT_ACTION = BUILDER.field("alert", "action");

    static final JsonSchema SCHEMA = BUILDER.build();

    private EveFields() {
    }
}
