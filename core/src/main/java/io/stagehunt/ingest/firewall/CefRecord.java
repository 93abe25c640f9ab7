package io.stagehunt.ingest.firewall;

import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.FirewallDecision.Verdict;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An ArcSight Common Event Format record: {@code CEF:Version|Device Vendor|Device Product|Device Version|
 * Signature ID|Name|Severity|Extension}. In the header, {@code \|} and {@code \\} are escapes; the extension is
 * {@code key=value} pairs separated by spaces, values may hold spaces, and {@code \=}, {@code \\}, {@code \n},
 * {@code \r} are escapes. A record is a firewall decision when it names a source and a destination
 * ({@code src}/{@code dst}, or the IPv6 fields {@code c6a2}/{@code c6a3}) and an action ({@code act}) that
 * allows or denies; other CEF events (alerts, logins) are skipped by design.
 *
 * <p>Byte counts follow the CEF definition: {@code in} counts bytes from source to destination, {@code out}
 * bytes from destination to source.
 */
final class CefRecord {

    private static final int HEADER_FIELDS = 7;
    private static final int NAME = 5;
    private static final int MAX_PAIRS = 512;

    private CefRecord() {
    }

    /** True when the message starts with {@code CEF:} and a version number. */
    static boolean looksLike(String message) {
        return message.startsWith("CEF:") && message.length() > 5 && Character.isDigit(message.charAt(4));
    }

    static FirewallDecision map(SyslogLine syslog, String message, DecisionContext context) throws RecordRejected {
        String[] header = new String[HEADER_FIELDS];
        int extensionStart = header(message, header);
        Map<String, String> extension = extension(message, extensionStart);
        String sourceText = first(extension, "src", "c6a2");
        String destinationText = first(extension, "dst", "c6a3");
        if (sourceText == null || destinationText == null) {
            throw RecordRejected.notModeled("CEF event without a source and a destination");
        }
        String action = extension.containsKey("act") ? extension.get("act") : header[NAME];
        Verdict verdict = verdict(action);
        if (verdict == null) {
            throw RecordRejected.notModeled("CEF event whose action is not an allow or deny verdict");
        }
        IpAddress source = DecisionContext.address("src", sourceText);
        IpAddress destination = DecisionContext.address("dst", destinationText);
        long time = time(syslog, extension, context);
        String device = first(extension, "dvchost", "dvc");
        return context.decision(time, SafeText.checked("device", device != null ? device : syslog.host()), verdict,
                SafeText.checked("rule", labelled(extension, "rule", "policy")),
                Transport.parse(extension.get("proto")), source, DecisionContext.port("spt", extension.get("spt")),
                destination, DecisionContext.port("dpt", extension.get("dpt")),
                SafeText.checked("app", extension.get("app")),
                DecisionContext.count("in", extension.get("in")), DecisionContext.count("out", extension.get("out")));
    }

    /** Fills the seven header fields, unescaped; returns where the extension starts. */
    static int header(String message, String[] header) throws RecordRejected {
        StringBuilder value = new StringBuilder();
        int field = 0;
        int position = 0;
        while (field < HEADER_FIELDS) {
            if (position >= message.length()) {
                throw RecordRejected.malformed("CEF header has " + field + " of " + HEADER_FIELDS
                        + " fields (truncated line?)");
            }
            char c = message.charAt(position++);
            if (c == '\\' && position < message.length()
                    && (message.charAt(position) == '|' || message.charAt(position) == '\\')) {
                value.append(message.charAt(position++));
            } else if (c == '|') {
                header[field++] = value.toString();
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        return position;
    }

    /**
     * The extension's pairs, unescaped. A key is the word before an unescaped {@code =} that starts the text or
     * follows a space; every other {@code =} belongs to the value, as producers that forget to escape it write.
     */
    static Map<String, String> extension(String message, int from) throws RecordRejected {
        Map<String, String> pairs = new HashMap<>();
        String key = null;
        int valueStart = -1;
        for (int i = from; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c != '=') {
                continue;
            }
            int keyStart = i;
            while (keyStart > from && keyCharacter(message.charAt(keyStart - 1))) {
                keyStart--;
            }
            if (keyStart == i || keyStart > from && message.charAt(keyStart - 1) != ' ') {
                continue;
            }
            if (key != null) {
                put(pairs, key, unescape(message, valueStart, keyStart));
            }
            key = message.substring(keyStart, i);
            valueStart = i + 1;
        }
        if (key != null) {
            put(pairs, key, unescape(message, valueStart, message.length()));
        }
        return pairs;
    }

    private static void put(Map<String, String> pairs, String key, String value) throws RecordRejected {
        if (pairs.size() == MAX_PAIRS) {
            throw RecordRejected.malformed("more than " + MAX_PAIRS + " extension fields");
        }
        pairs.putIfAbsent(key, value);
    }

    private static boolean keyCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '-' || c == '[' || c == ']';
    }

    /** Resolves the extension escapes in {@code message[from, to)}, dropping the spaces before the next key. */
    private static String unescape(String message, int from, int to) {
        int end = to;
        while (end > from && message.charAt(end - 1) == ' ') {
            end--;
        }
        StringBuilder value = new StringBuilder(end - from);
        for (int i = from; i < end; i++) {
            char c = message.charAt(i);
            if (c == '\\' && i + 1 < end) {
                char escaped = message.charAt(++i);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case '=', '\\' -> value.append(escaped);
                    default -> value.append('\\').append(escaped);
                }
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    static Verdict verdict(String action) {
        if (action == null) {
            return null;
        }
        return switch (action.strip().toLowerCase(Locale.ROOT)) {
            case "allow", "allowed", "accept", "accepted", "permit", "permitted", "pass", "passed", "close" ->
                    Verdict.ALLOW;
            case "deny", "denied", "drop", "dropped", "block", "blocked", "reject", "rejected", "reset",
                    "reset-both", "reset-client", "reset-server", "drop icmp" -> Verdict.DENY;
            default -> null;
        };
    }

    /** The event's start, else its receipt time ({@code rt}), else the syslog header's time. */
    private static long time(SyslogLine syslog, Map<String, String> extension, DecisionContext context)
            throws RecordRejected {
        String text = first(extension, "start", "rt");
        if (text == null) {
            return context.headerTime(syslog);
        }
        String digits = text.strip();
        if (!digits.isEmpty() && digits.length() <= 15 && digits.chars().allMatch(Character::isDigit)) {
            return context.epochMillis(Long.parseLong(digits));
        }
        StampText iso = StampText.iso(digits, 0);
        if (iso != null && iso.end() == digits.length()) {
            return context.micros(iso.stamp(), iso.offset(), zone(extension.get("dtz")));
        }
        return calendarTime(digits, extension, context);
    }

    /** CEF's {@code MMM dd [yyyy] HH:mm:ss[.SSS] [zone]}. */
    private static long calendarTime(String text, Map<String, String> extension, DecisionContext context)
            throws RecordRejected {
        StampText stamp = StampText.calendar(text, 0);
        if (stamp == null) {
            stamp = StampText.bsd(text, 0);
        }
        if (stamp == null) {
            throw RecordRejected.malformed("time '" + DecisionContext.abbreviate(text) + "' is not a CEF time");
        }
        String rest = text.substring(stamp.end()).strip();
        ZoneId zone = rest.isEmpty() ? zone(extension.get("dtz")) : zone(rest);
        if (!rest.isEmpty() && zone == null) {
            throw RecordRejected.malformed("time zone '" + DecisionContext.abbreviate(rest) + "' is not a zone");
        }
        return context.micros(stamp.stamp(), null, zone);
    }

    private static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(name.strip(), ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String first(Map<String, String> extension, String key, String fallback) {
        String value = extension.get(key);
        return value != null && !value.isEmpty() ? value : extension.get(fallback);
    }

    /** The custom string {@code csN} whose label {@code csNLabel} mentions one of {@code words}. */
    private static String labelled(Map<String, String> extension, String... words) {
        for (int n = 1; n <= 6; n++) {
            String label = extension.get("cs" + n + "Label");
            if (label == null) {
                continue;
            }
            String lower = label.toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (lower.contains(word)) {
                    return extension.get("cs" + n);
                }
            }
        }
        return null;
    }
}
