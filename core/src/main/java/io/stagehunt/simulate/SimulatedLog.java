package io.stagehunt.simulate;

import java.util.List;

/** The Zeek logs the simulator writes, with the fields and types of Zeek 6's default logs. */
enum SimulatedLog {
    CONN("conn", List.of("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "service",
            "duration", "orig_bytes", "resp_bytes", "conn_state", "local_orig", "local_resp", "missed_bytes", "history",
            "orig_pkts", "orig_ip_bytes", "resp_pkts", "resp_ip_bytes", "tunnel_parents"),
            List.of("time", "string", "addr", "port", "addr", "port", "enum", "string", "interval", "count", "count",
                    "string", "bool", "bool", "count", "string", "count", "count", "count", "count", "set[string]")),
    DNS("dns", List.of("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "trans_id", "rtt",
            "query", "qclass", "qclass_name", "qtype", "qtype_name", "rcode", "rcode_name", "AA", "TC", "RD", "RA", "Z",
            "answers", "TTLs", "rejected"),
            List.of("time", "string", "addr", "port", "addr", "port", "enum", "count", "interval", "string", "count",
                    "string", "count", "string", "count", "string", "bool", "bool", "bool", "bool", "count",
                    "vector[string]", "vector[interval]", "bool")),
    HTTP("http", List.of("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "trans_depth", "method",
            "host", "uri", "referrer", "version", "user_agent", "origin", "request_body_len", "response_body_len",
            "status_code", "status_msg", "info_code", "info_msg", "tags", "username", "password", "proxied",
            "orig_fuids", "orig_filenames", "orig_mime_types", "resp_fuids", "resp_filenames", "resp_mime_types"),
            List.of("time", "string", "addr", "port", "addr", "port", "count", "string", "string", "string", "string",
                    "string", "string", "string", "count", "count", "count", "string", "count", "string", "set[enum]",
                    "string", "string", "set[string]", "vector[string]", "vector[string]", "vector[string]",
                    "vector[string]", "vector[string]", "vector[string]")),
    SSL("ssl", List.of("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "version", "cipher", "curve",
            "server_name", "resumed", "last_alert", "next_protocol", "established", "ssl_history", "cert_chain_fps",
            "client_cert_chain_fps", "sni_matches_cert", "ja3", "ja3s"),
            List.of("time", "string", "addr", "port", "addr", "port", "string", "string", "string", "string", "bool",
                    "string", "string", "bool", "string", "vector[string]", "vector[string]", "bool", "string",
                    "string")),
    FILES("files", List.of("ts", "fuid", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "source",
            "depth", "analyzers", "mime_type", "filename", "duration", "local_orig", "is_orig", "seen_bytes",
            "total_bytes", "missing_bytes", "overflow_bytes", "timedout", "parent_fuid", "md5", "sha1", "sha256",
            "extracted", "extracted_cutoff", "extracted_size"),
            List.of("time", "string", "string", "addr", "port", "addr", "port", "string", "count", "set[string]",
                    "string", "string", "interval", "bool", "bool", "count", "count", "count", "count", "bool",
                    "string", "string", "string", "string", "string", "bool", "count"));

    private final String path;
    private final List<String> fields;
    private final List<String> types;

    SimulatedLog(String path, List<String> fields, List<String> types) {
        this.path = path;
        this.fields = fields;
        this.types = types;
    }

    String path() {
        return path;
    }

    List<String> fields() {
        return fields;
    }

    List<String> types() {
        return types;
    }
}
