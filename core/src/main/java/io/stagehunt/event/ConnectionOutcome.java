package io.stagehunt.event;

/**
 * How a connection attempt ended, normalized across Zeek {@code conn_state}, Suricata flow state and Argus
 * state, because burst detection must tell failed attempts from sustained sessions whatever the sensor.
 */
public enum ConnectionOutcome {
    /** Handshake completed and data could flow (Zeek SF, S1, S2, S3, RSTO, RSTR; Argus CON, FIN). */
    ESTABLISHED,
    /** The originator's attempt saw no reply (Zeek S0, Argus REQ/INT, Suricata flow with no packets back). */
    NO_REPLY,
    /** The responder refused (Zeek REJ, RSTOS0, RSTRH; Argus RST before establishment). */
    REJECTED,
    /** One side seen only, or midstream (Zeek SH, SHR, OTH). */
    PARTIAL,
    UNKNOWN;

    /** Maps a Zeek {@code conn_state}. */
    public static ConnectionOutcome ofZeek(String state) {
        if (state == null) {
            return UNKNOWN;
        }
        return switch (state) {
            case "SF", "S1", "S2", "S3", "RSTO", "RSTR" -> ESTABLISHED;
            case "S0" -> NO_REPLY;
            case "REJ", "RSTOS0", "RSTRH" -> REJECTED;
            case "SH", "SHR", "OTH" -> PARTIAL;
            default -> UNKNOWN;
        };
    }

    public boolean failed() {
        return this == NO_REPLY || this == REJECTED;
    }
}
