package io.stagehunt.detect.network.dns;

import io.stagehunt.event.DnsQuery;
import io.stagehunt.net.IpAddress;
import java.util.Locale;
import java.util.Set;

/**
 * How the network detectors read a {@link DnsQuery}: whose lookup it is, which names are destinations, and
 * what an answer carries. Stateless and thread-safe.
 */
public final class DnsNames {

    static final int TYPE_CNAME = 5;
    static final int TYPE_NULL = 10;
    static final int TYPE_TXT = 16;
    /**
     * The longest query name measured: 253 bytes, each of which a sensor may have written as a 4-character
     * escape.
     */
    static final int MAX_LOGGED_NAME = 4 * 253;

    private DnsNames() {
    }

    /**
     * Whether the record is a query the host itself sent. A record whose host is the server (an internal
     * resolver answering an outside client) describes someone else's lookup.
     */
    public static boolean sentByHost(DnsQuery query) {
        if (query.host() == null) {
            return false;
        }
        IpAddress host = query.host().ip();
        return host == null || query.client() == null || host.equals(query.client());
    }

    /**
     * The query name when it is a host name a detector can reason about, else null. Readers already normalize
     * names (lower case, no trailing dot) and leave invalid ones raw; so a name passes when it consists of
     * lower-case letters, digits, hyphens, underscores and inner dots, has a dot, and is not an address
     * literal. One pass, no allocation: this runs for every lookup in several detectors.
     */
    public static String destinationName(DnsQuery query) {
        String name = query.query();
        if (name == null || name.isEmpty() || name.length() > 253) {
            return null;
        }
        boolean dot = false;
        boolean letter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'a' && c <= 'z' || c == '-' || c == '_') {
                letter = true;
            } else if (c == '.') {
                if (i == 0 || i == name.length() - 1) {
                    return null;
                }
                dot = true;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        return dot && letter ? name : null;
    }

    /**
     * The query name as the tunnel detector measures it, or null: a name {@link #destinationName} takes, or one
     * whose labels left of its trailing host-name labels hold bytes no host name holds. iodine's raw encodings
     * put any byte there, which Zeek logs as {@code \xNN} escapes; the registered domain the data hides under
     * is still a host name. Such names are rare, so only they pay for folding case (readers leave names too long
     * to be valid as they were logged).
     */
    static String tunnelName(DnsQuery query) {
        String name = destinationName(query);
        if (name != null) {
            return name;
        }
        String raw = query.query();
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LOGGED_NAME) {
            return null;
        }
        String folded = raw.toLowerCase(Locale.ROOT);
        if (folded.endsWith(".")) {
            folded = folded.substring(0, folded.length() - 1);
        }
        int start = hostNameSuffixStart(folded);
        return start > 0 && start < folded.length() && folded.indexOf('.', start) > start ? folded : null;
    }

    /**
     * Where the trailing labels made only of host-name characters begin: 0 for a host name, the index after the
     * dot that follows the last other character, or -1 when the last label holds one.
     */
    static int hostNameSuffixStart(String name) {
        for (int i = name.length() - 1; i >= 0; i--) {
            if (!hostNameChar(name.charAt(i))) {
                int dot = name.indexOf('.', i);
                return dot < 0 ? -1 : dot + 1;
            }
        }
        return 0;
    }

    /** The part of a {@link #tunnelName} made of host-name labels, to find its registered domain in. */
    static String hostNamePart(String name) {
        int start = hostNameSuffixStart(name);
        return start == 0 ? name : name.substring(start);
    }

    /**
     * Bytes of {@code name[from, to)} as they went over the wire: a sensor's {@code \xNN} escape of a raw byte
     * is one byte, not four characters.
     */
    static int wireBytes(String name, int from, int to) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            if (name.charAt(i) == '\\' && i + 3 < to && name.charAt(i + 1) == 'x' && isHex(name.charAt(i + 2))
                    && isHex(name.charAt(i + 3))) {
                i += 3;
            }
            bytes++;
        }
        return bytes;
    }

    /** Whether {@code name[from, to)} holds a character no host name holds. */
    static boolean holdsRawBytes(String name, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!hostNameChar(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Lower-case letters, digits, hyphen, underscore and the dot: what a normalized host name is made of. */
    private static boolean hostNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    /**
     * Names that are not destinations: reverse lookups ({@code in-addr.arpa}, {@code ip6.arpa}) carry
     * addresses in their labels by design, and link-local names ({@code .local}) never leave the segment.
     */
    public static boolean isInfrastructureName(String name) {
        return name.endsWith(".arpa") || name.equals("arpa") || name.endsWith(".local") || name.equals("local");
    }

    /**
     * Whether the name is one of the domains or under one of them. Lists of trusted or popular domains are
     * matched this way rather than by registered domain, because the Public Suffix List makes many hosting
     * and CDN domains suffixes ({@code akamaiedge.net}, {@code cloudfront.net}): each customer below them is a
     * registered domain of its own, yet the list entry means them all.
     */
    public static boolean isUnderAny(String name, Set<String> domains) {
        if (domains.isEmpty()) {
            return false;
        }
        for (int start = 0; start >= 0; ) {
            if (domains.contains(start == 0 ? name : name.substring(start))) {
                return true;
            }
            int dot = name.indexOf('.', start);
            start = dot < 0 ? -1 : dot + 1;
        }
        return false;
    }

    /** The query's numeric type, falling back to its type name when the sensor gave no number. */
    static int typeOf(DnsQuery query) {
        if (query.queryType() >= 0) {
            return query.queryType();
        }
        String name = query.queryTypeName();
        if (name == null) {
            return -1;
        }
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "TXT" -> TYPE_TXT;
            case "NULL" -> TYPE_NULL;
            case "CNAME" -> TYPE_CNAME;
            default -> -1;
        };
    }

    static String typeName(int type) {
        return switch (type) {
            case TYPE_TXT -> "TXT";
            case TYPE_NULL -> "NULL";
            case TYPE_CNAME -> "CNAME";
            default -> "type " + type;
        };
    }

    /** Query types able to carry free-form data back to the client. */
    static boolean isTunnelCapable(int type) {
        return type == TYPE_TXT || type == TYPE_NULL || type == TYPE_CNAME;
    }

    /**
     * The free-form data of an answer (TXT text, NULL data), or null when the answer is an address or a host
     * name. Zeek writes TXT answers as {@code TXT <length> <text>}; other sensors give the text itself.
     */
    static String payloadOf(String answer) {
        if (answer == null || answer.isEmpty() || IpAddress.tryParse(answer) != null) {
            return null;
        }
        if (answer.startsWith("TXT ")) {
            int space = answer.indexOf(' ', 4);
            return space < 0 ? null : answer.substring(space + 1);
        }
        return looksLikeHostName(answer) ? null : answer;
    }

    private static boolean looksLikeHostName(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                    || c == '.' || c == '_';
            if (!allowed) {
                return false;
            }
        }
        return text.indexOf('.') > 0;
    }
}
