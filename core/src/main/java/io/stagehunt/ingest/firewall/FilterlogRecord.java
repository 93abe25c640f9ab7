package io.stagehunt.ingest.firewall;

import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.FirewallDecision.Verdict;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;

/**
 * A pfSense or OPNsense {@code filterlog} record, the CSV documented as the raw filter log format: rule number,
 * sub rule, anchor, tracker, interface, reason, action, direction, IP version; then for IPv4 TOS, ECN, TTL, ID,
 * offset, flags, protocol id, protocol text, or for IPv6 class, flow label, hop limit, protocol text,
 * protocol id; then length, source, destination; then ports for TCP and UDP, or the ICMP type and its data.
 * The interface direction ({@code in}/{@code out}) is not a trust boundary and is not used.
 */
final class FilterlogRecord {

    private static final int RULE = 0;
    private static final int TRACKER = 3;
    private static final int ACTION = 6;
    private static final int DIRECTION = 7;
    private static final int IP_VERSION = 8;

    private FilterlogRecord() {
    }

    /** True when a message without a {@code filterlog} tag still has the record's fixed head. */
    static boolean looksLike(String message) {
        String[] fields = message.split(",", 10);
        return fields.length == 10 && fields[RULE].chars().allMatch(Character::isDigit)
                && (fields[ACTION].equals("pass") || fields[ACTION].equals("block"))
                && (fields[DIRECTION].equals("in") || fields[DIRECTION].equals("out"))
                && (fields[IP_VERSION].equals("4") || fields[IP_VERSION].equals("6"));
    }

    static FirewallDecision map(SyslogLine syslog, String message, DecisionContext context) throws RecordRejected {
        String[] fields = message.split(",", -1);
        if (fields.length < 9) {
            throw RecordRejected.malformed("filterlog record has " + fields.length + " fields, at least 9 expected");
        }
        Verdict verdict = switch (fields[ACTION]) {
            case "pass" -> Verdict.ALLOW;
            case "block" -> Verdict.DENY;
            default -> null;
        };
        if (verdict == null) {
            String action = SafeText.checked("action", fields[ACTION]);
            throw RecordRejected.notModeled("filterlog action '" + action + "' is not a pass/block verdict");
        }
        int protocolId;
        int addresses;
        switch (fields[IP_VERSION]) {
            case "4" -> {
                require(fields, 20);
                protocolId = protocolId(fields[15]);
                addresses = 18;
            }
            case "6" -> {
                require(fields, 17);
                protocolId = protocolId(fields[13]);
                addresses = 15;
            }
            default -> throw RecordRejected.malformed("IP version '"
                    + DecisionContext.abbreviate(fields[IP_VERSION]) + "' is neither 4 nor 6");
        }
        IpAddress source = DecisionContext.address("source", fields[addresses]);
        IpAddress destination = DecisionContext.address("destination", fields[addresses + 1]);
        int rest = addresses + 2;
        Transport transport = Transport.parse(Integer.toString(protocolId));
        int sourcePort = -1;
        int destinationPort = -1;
        if (protocolId == 6 || protocolId == 17) {
            require(fields, rest + 2);
            sourcePort = DecisionContext.port("source port", fields[rest]);
            destinationPort = DecisionContext.port("destination port", fields[rest + 1]);
        } else if (protocolId == 1 && fields.length > rest) {
            sourcePort = icmpType(fields[rest]);
            destinationPort = icmpCode(fields[rest]);
        }
        String rule = fields[TRACKER].isEmpty() || fields[TRACKER].equals("(null)") ? fields[RULE] : fields[TRACKER];
        return context.decision(context.headerTime(syslog), SafeText.checked("host", syslog.host()), verdict,
                SafeText.checked("rule", rule), transport, source, sourcePort, destination, destinationPort, null,
                -1, -1);
    }

    private static void require(String[] fields, int count) throws RecordRejected {
        if (fields.length < count) {
            throw RecordRejected.malformed("filterlog record has " + fields.length + " fields, at least " + count
                    + " expected (truncated line?)");
        }
    }

    private static int protocolId(String text) throws RecordRejected {
        int id = text.length() <= 3 ? LocalStamp.digits(text, 0, text.length()) : -1;
        if (text.isEmpty() || id < 0 || id > 255) {
            throw RecordRejected.malformed("protocol id '" + DecisionContext.abbreviate(text) + "' is not a number");
        }
        return id;
    }

    /** The ICMP type number of filterlog's ICMP type word, or -1 for a word it does not document. */
    private static int icmpType(String word) {
        return switch (word) {
            case "reply" -> 0;
            case "unreach", "unreachproto", "unreachport", "needfrag" -> 3;
            case "redirect" -> 5;
            case "request" -> 8;
            case "timexceed" -> 11;
            case "paramprob" -> 12;
            case "tstamp" -> 13;
            case "tstampreply" -> 14;
            case "maskreq" -> 17;
            case "maskreply" -> 18;
            default -> -1;
        };
    }

    /** The ICMP code where the type word implies it, else -1. */
    private static int icmpCode(String word) {
        return switch (word) {
            case "reply", "request", "tstamp", "tstampreply", "maskreq", "maskreply" -> 0;
            case "unreachproto" -> 2;
            case "unreachport" -> 3;
            case "needfrag" -> 4;
            default -> -1;
        };
    }
}
