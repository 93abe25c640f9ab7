package io.stagehunt.ingest.firewall;

import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.FirewallDecision.Verdict;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Linux netfilter packet log ({@code LOG} or {@code NFLOG} target through the kernel log or ulogd): the
 * {@code --log-prefix} text, then {@code IN= OUT= [MAC=] SRC= DST= LEN= ... PROTO= SPT= DPT= ...}. The
 * verdict is read from the prefix words ({@code [UFW BLOCK]}, {@code filter_IN_public_REJECT:},
 * {@code Shorewall:net-fw:DROP:}); a prefix without one ({@code [UFW AUDIT]}) logs no decision. For ICMP errors
 * the kernel appends the offending packet in brackets, which is not the logged flow and is ignored.
 */
final class NetfilterRecord {

    private static final String[] KEYS = {"SRC", "DST", "PROTO", "SPT", "DPT", "TYPE", "CODE"};
    private static final int SRC = 0;
    private static final int DST = 1;
    private static final int PROTO = 2;
    private static final int SPT = 3;
    private static final int DPT = 4;
    private static final int TYPE = 5;
    private static final int CODE = 6;
    private static final Pattern NOT_LETTERS = Pattern.compile("[^A-Z]+");
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
        String[] fields = fields(message, in);
        IpAddress source = DecisionContext.address("SRC", fields[SRC]);
        IpAddress destination = DecisionContext.address("DST", fields[DST]);
        if (fields[PROTO] == null) {
            throw RecordRejected.malformed("PROTO is missing");
        }
        Transport transport = Transport.parse(fields[PROTO]);
        int sourcePort;
        int destinationPort;
        if (transport == Transport.ICMP) {
            sourcePort = DecisionContext.port("TYPE", fields[TYPE]);
            destinationPort = DecisionContext.port("CODE", fields[CODE]);
        } else {
            sourcePort = DecisionContext.port("SPT", fields[SPT]);
            destinationPort = DecisionContext.port("DPT", fields[DPT]);
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
        for (String word : NOT_LETTERS.split(prefix.toUpperCase(Locale.ROOT))) {
            if (DENY_WORDS.contains(word)) {
                return Verdict.DENY;
            }
            if (ALLOW_WORDS.contains(word)) {
                return Verdict.ALLOW;
            }
        }
        return null;
    }

    /**
     * The values of the keys stagehunt reads ({@link #KEYS}, by index), from {@code from} up to any bracketed
     * inner packet; the first occurrence of a key wins.
     */
    private static String[] fields(String message, int from) {
        String[] values = new String[KEYS.length];
        int position = from;
        while (position < message.length()) {
            int end = message.indexOf(' ', position);
            if (end < 0) {
                end = message.length();
            }
            if (message.charAt(position) == '[') {
                break;
            }
            for (int key = 0; key < KEYS.length; key++) {
                String name = KEYS[key];
                int equals = position + name.length();
                if (values[key] == null && equals < end && message.charAt(equals) == '='
                        && message.startsWith(name, position)) {
                    values[key] = message.substring(equals + 1, end);
                    break;
                }
            }
            position = end + 1;
        }
        return values;
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
