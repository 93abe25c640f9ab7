package io.stagehunt.ingest.firewall;

import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.FirewallDecision.Verdict;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Linux netfilter packet log ({@code LOG} or {@code NFLOG} target through the kernel log or ulogd): the
 * {@code --log-prefix} text, then {@code IN= OUT= [MAC=] SRC= DST= LEN= ... PROTO= SPT= DPT= ...}. The
 * verdict is read from the prefix words ({@code [UFW BLOCK]}, {@code filter_IN_public_REJECT:},
 * {@code Shorewall:net-fw:DROP:}); a prefix without one ({@code [UFW AUDIT]}) logs no decision. For ICMP errors
 * the kernel appends the offending packet in brackets, which is not the logged flow and is ignored.
 */
final class NetfilterRecord {

    private static final Set<String> DENY_WORDS =
            Set.of("BLOCK", "BLOCKED", "DROP", "DROPPED", "DENY", "DENIED", "REJECT", "REJECTED");
    private static final Set<String> ALLOW_WORDS =
            Set.of("ALLOW", "ALLOWED", "ACCEPT", "ACCEPTED", "PASS", "PASSED", "PERMIT", "PERMITTED");

    private NetfilterRecord() {
    }

    /**
     * True when the message has netfilter's first key, {@code IN=}: no other kernel message has it, so a line cut
     * short after it is a malformed netfilter record rather than another program's line.
     */
    static boolean looksLike(String message) {
        return keyIndex(message, "IN=", 0) >= 0;
    }

    static FirewallDecision map(SyslogLine syslog, String kernelMessage, DecisionContext context)
            throws RecordRejected {
        String program = syslog.program();
        String message = program == null || program.equals("kernel") ? kernelMessage : syslog.messageWithTag();
        int in = keyIndex(message, "IN=", 0);
        String prefix = prefix(message.substring(0, in));
        Verdict verdict = verdict(prefix);
        if (verdict == null) {
            throw RecordRejected.notModeled("netfilter log prefix without a verdict");
        }
        Map<String, String> fields = fields(message, in);
        IpAddress source = DecisionContext.address("SRC", fields.get("SRC"));
        IpAddress destination = DecisionContext.address("DST", fields.get("DST"));
        String protocol = fields.get("PROTO");
        if (protocol == null) {
            throw RecordRejected.malformed("PROTO is missing");
        }
        Transport transport = Transport.parse(protocol);
        int sourcePort;
        int destinationPort;
        if (transport == Transport.ICMP) {
            sourcePort = DecisionContext.port("TYPE", fields.get("TYPE"));
            destinationPort = DecisionContext.port("CODE", fields.get("CODE"));
        } else {
            sourcePort = DecisionContext.port("SPT", fields.get("SPT"));
            destinationPort = DecisionContext.port("DPT", fields.get("DPT"));
        }
        long time = context.headerTime(syslog);
        return context.decision(time, SafeText.checked("host", syslog.host()), verdict,
                SafeText.checked("log prefix", prefix), transport, source, sourcePort, destination, destinationPort,
                null, -1, -1);
    }

    /** The prefix, without the kernel's {@code [ 1234.567890]} uptime stamp when the kernel log carries one. */
    private static String prefix(String raw) {
        String prefix = raw.strip();
        if (prefix.startsWith("[")) {
            int close = prefix.indexOf(']');
            if (close > 1 && prefix.substring(1, close).strip().chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')) {
                prefix = prefix.substring(close + 1).strip();
            }
        }
        return prefix;
    }

    static Verdict verdict(String prefix) {
        for (String word : prefix.toUpperCase(Locale.ROOT).split("[^A-Z]+")) {
            if (DENY_WORDS.contains(word)) {
                return Verdict.DENY;
            }
            if (ALLOW_WORDS.contains(word)) {
                return Verdict.ALLOW;
            }
        }
        return null;
    }

    /** The outer packet's {@code KEY=value} fields from {@code from} up to any bracketed inner packet. */
    private static Map<String, String> fields(String message, int from) {
        Map<String, String> fields = new HashMap<>();
        int position = from;
        while (position < message.length()) {
            int end = message.indexOf(' ', position);
            if (end < 0) {
                end = message.length();
            }
            if (message.charAt(position) == '[') {
                break;
            }
            int equals = message.indexOf('=', position);
            if (equals > position && equals < end) {
                fields.putIfAbsent(message.substring(position, equals), message.substring(equals + 1, end));
            }
            position = end + 1;
        }
        return fields;
    }

    /**
     * Where {@code key} starts a key at or after {@code from}, or -1: at the start, or after a character that
     * cannot be part of a key name (Shorewall writes its prefix flush against {@code IN=}), which keeps
     * {@code PHYSIN=} from passing for {@code IN=}.
     */
    private static int keyIndex(String message, String key, int from) {
        int index = message.indexOf(key, from);
        while (index > 0 && Character.isLetterOrDigit(message.charAt(index - 1))) {
            index = message.indexOf(key, index + 1);
        }
        return index;
    }
}
