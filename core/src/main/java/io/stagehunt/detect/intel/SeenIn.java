package io.stagehunt.detect.intel;

/**
 * Where in an event a listed value was seen, after the Zeek Intel framework's {@code Intel::Where}. Each place
 * says how definite contact is: a flow or a file means traffic reached the listed thing, a DNS lookup only that
 * a name was resolved, a JA3 fingerprint only that a client's TLS stack resembles malware's.
 *
 * @param definiteness 0..1, how much a sighting here shows actual contact
 * @param certainty 0..1, how much a match here identifies the listed thing (JA3 values are shared by all
 *     software on one TLS library)
 */
public enum SeenIn {
    DNS_QUERY("dns query", "DNS::IN_REQUEST", "looked up", 0.6, 1, "T1071.004"),
    DNS_ANSWER("dns answer", "DNS::IN_RESPONSE", "was told by DNS about", 0.5, 1, "T1071.004"),
    CONN_DESTINATION("conn destination", "Conn::IN_RESP", "connected to", 1, 1, "T1071"),
    CONN_SOURCE("conn source", "Conn::IN_ORIG", "was contacted by", 0.8, 1, "T1071"),
    HTTP_HOST("http host header", "HTTP::IN_HOST_HEADER", "sent an HTTP request for", 1, 1, "T1071.001"),
    HTTP_URL("http url", "HTTP::IN_URL", "requested", 1, 1, "T1071.001"),
    HTTP_SERVER("http server", "HTTP::IN_SERVER", "sent an HTTP request to", 1, 1, "T1071.001"),
    TLS_SERVER_NAME("tls server name", "SSL::IN_SERVER_NAME", "opened TLS to", 1, 1, "T1573"),
    TLS_SERVER("tls server", "SSL::IN_SERVER", "opened TLS to", 1, 1, "T1573"),
    TLS_CERTIFICATE("tls server certificate", "X509::IN_CERT", "was served the certificate", 1, 1, "T1573"),
    TLS_JA3("tls client fingerprint (ja3)", "SSL::IN_JA3", "sent the TLS client fingerprint", 0.6, 0.5, "T1573"),
    TLS_JA3S("tls server fingerprint (ja3s)", "SSL::IN_JA3S", "got the TLS server fingerprint", 0.6, 0.5, "T1573"),
    FILE_HASH("file hash", "Files::IN_HASH", "transferred the file", 1, 1, "T1105"),
    PROCESS_IMAGE_HASH("process image hash (sysmon)", "Sysmon::PROCESS_START", "ran the image", 1, 1, "T1105"),
    CREATED_FILE_HASH("created file hash (sysmon)", "Sysmon::FILE_CREATE", "wrote the file", 1, 1, "T1105"),
    PROCESS_CONNECTION("process connection (sysmon)", "Sysmon::NETWORK_CONNECT", "connected to", 1, 1, "T1071"),
    PROCESS_CONNECTION_NAME("process connection name (sysmon)", "Sysmon::NETWORK_CONNECT", "connected to", 1, 1,
            "T1071"),
    FIREWALL_DESTINATION("firewall destination", "Firewall::IN_RESP", "had a firewall-logged flow to", 0.9, 1,
            "T1071");

    private final String label;
    private final String zeekWhere;
    private final String action;
    private final double definiteness;
    private final double certainty;
    private final String technique;

    SeenIn(String label, String zeekWhere, String action, double definiteness, double certainty, String technique) {
        this.label = label;
        this.zeekWhere = zeekWhere;
        this.action = action;
        this.definiteness = definiteness;
        this.certainty = certainty;
        this.technique = technique;
    }

    /** The field's name in reports ({@code conn destination}). */
    public String label() {
        return label;
    }

    /** The closest {@code Intel::Where} of Zeek, for analysts who know it. */
    public String zeekWhere() {
        return zeekWhere;
    }

    /** The verb of a reason sentence: {@code 10.0.0.5 connected to ...}. */
    public String action() {
        return action;
    }

    public double definiteness() {
        return definiteness;
    }

    public double certainty() {
        return certainty;
    }

    /** The ATT&CK technique a hit here points to. */
    public String technique() {
        return technique;
    }
}
