package io.stagehunt.ingest.firewall;

import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.FirewallDecision.Verdict;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A Palo Alto Networks PAN-OS log in the syslog CSV format. Only TRAFFIC logs are decisions on flows; the other
 * types (THREAT, SYSTEM, CONFIG ...) are skipped by design. Field positions are those of the documented order,
 * which later PAN-OS releases only extend at the end: FUTURE_USE, receive time, serial, type, subtype,
 * FUTURE_USE, generated time, source, destination, NAT source, NAT destination, rule, source user, destination
 * user, application, ... source port (24), destination port (25), ..., protocol (29), action (30), bytes,
 * bytes sent (32), bytes received (33), packets, start time (35), ...; PAN-OS 10.1 and later add a high
 * resolution timestamp with the device's offset (102), which places the zone-less times.
 */
final class PanOsTrafficRecord {

    private static final int RECEIVE_TIME = 1;
    private static final int SERIAL = 2;
    private static final int TYPE = 3;
    private static final int GENERATED_TIME = 6;
    private static final int SOURCE = 7;
    private static final int DESTINATION = 8;
    private static final int RULE = 11;
    private static final int APPLICATION = 14;
    private static final int SOURCE_PORT = 24;
    private static final int DESTINATION_PORT = 25;
    private static final int PROTOCOL = 29;
    private static final int ACTION = 30;
    private static final int BYTES_SENT = 32;
    private static final int BYTES_RECEIVED = 33;
    private static final int START_TIME = 35;
    private static final int HIGH_RESOLUTION_TIMESTAMP = 102;
    private static final int MIN_FIELDS = BYTES_RECEIVED + 1;
    private static final int MAX_FIELDS = 512;

    private PanOsTrafficRecord() {
    }

    /** True when the message starts like any PAN-OS CSV log: a number, a receive time, a serial, a TYPE. */
    static boolean looksLike(String message) {
        int first = message.indexOf(',');
        if (first < 0 || first > 4 || LocalStamp.digits(message, 0, first) < 0) {
            return false;
        }
        if (LocalStamp.slashed(message.substring(0, Math.min(message.length(), first + 20)), first + 1) == null
                || message.length() <= first + 21 || message.charAt(first + 20) != ',') {
            return false;
        }
        int serialEnd = message.indexOf(',', first + 21);
        int typeEnd = serialEnd < 0 ? -1 : message.indexOf(',', serialEnd + 1);
        if (typeEnd < 0 || typeEnd == serialEnd + 1) {
            return false;
        }
        for (int i = serialEnd + 1; i < typeEnd; i++) {
            char c = message.charAt(i);
            if ((c < 'A' || c > 'Z') && c != '_') {
                return false;
            }
        }
        return true;
    }

    static FirewallDecision map(String message, DecisionContext context) throws RecordRejected {
        List<String> fields = split(message);
        if (fields.size() <= TYPE) {
            // looksLike counts raw commas; quoting can join what it took for the serial and the type
            throw RecordRejected.malformed("PAN-OS record has " + fields.size() + " fields, no log type");
        }
        String type = fields.get(TYPE);
        if (!type.equals("TRAFFIC")) {
            throw RecordRejected.notModeled("PAN-OS " + SafeText.checked("log type", type) + " log not modeled");
        }
        if (fields.size() < MIN_FIELDS) {
            throw RecordRejected.malformed("PAN-OS traffic record has " + fields.size() + " fields, at least "
                    + MIN_FIELDS + " expected (truncated line?)");
        }
        Verdict verdict = verdict(fields.get(ACTION));
        IpAddress source = DecisionContext.address("source address", fields.get(SOURCE));
        IpAddress destination = DecisionContext.address("destination address", fields.get(DESTINATION));
        Transport transport = Transport.parse(fields.get(PROTOCOL));
        int sourcePort = DecisionContext.port("source port", fields.get(SOURCE_PORT));
        int destinationPort = DecisionContext.port("destination port", fields.get(DESTINATION_PORT));
        long time = time(fields, context);
        return context.decision(time, SafeText.checked("serial", fields.get(SERIAL)), verdict,
                SafeText.checked("rule", fields.get(RULE)), transport, source, sourcePort, destination,
                destinationPort, application(fields.get(APPLICATION)),
                DecisionContext.count("bytes sent", fields.get(BYTES_SENT)),
                DecisionContext.count("bytes received", fields.get(BYTES_RECEIVED)));
    }

    private static Verdict verdict(String action) throws RecordRejected {
        return switch (action) {
            case "allow" -> Verdict.ALLOW;
            case "deny", "drop", "drop ICMP", "drop-icmp", "reset-client", "reset-server", "reset-both",
                    "drop-all-packets" -> Verdict.DENY;
            default -> throw RecordRejected.malformed("unknown PAN-OS action '" + DecisionContext.abbreviate(action)
                    + "'");
        };
    }

    /** App-ID leaves {@code incomplete} or {@code not-applicable} when it identified nothing. */
    private static String application(String application) throws RecordRejected {
        String checked = SafeText.checked("application", application);
        return checked == null || checked.equals("incomplete") || checked.equals("not-applicable") ? null : checked;
    }

    /** The session's start time, else the generated time, else the receive time, in the device's zone. */
    private static long time(List<String> fields, DecisionContext context) throws RecordRejected {
        ZoneOffset offset = null;
        if (fields.size() > HIGH_RESOLUTION_TIMESTAMP) {
            StampText precise = StampText.iso(fields.get(HIGH_RESOLUTION_TIMESTAMP), 0);
            offset = precise == null ? null : precise.offset();
        }
        for (int index : new int[] {START_TIME, GENERATED_TIME, RECEIVE_TIME}) {
            if (index < fields.size()) {
                LocalStamp stamp = LocalStamp.slashed(fields.get(index), 0);
                if (stamp != null && stamp.year() > 1970) {
                    return context.micros(stamp, offset, null);
                }
            }
        }
        throw RecordRejected.malformed("no start, generated or receive time");
    }

    /** Splits PAN-OS CSV: values holding a comma are enclosed in double quotes, a quote inside doubled. */
    static List<String> split(String message) throws RecordRejected {
        List<String> fields = new ArrayList<>(120);
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < message.length() && message.charAt(i + 1) == '"') {
                        value.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    value.append(c);
                }
            } else if (c == '"' && value.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                if (fields.size() == MAX_FIELDS) {
                    throw RecordRejected.malformed("more than " + MAX_FIELDS + " fields");
                }
                fields.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        if (quoted) {
            throw RecordRejected.malformed("unterminated quoted field (truncated line?)");
        }
        fields.add(value.toString());
        return fields;
    }
}
