package io.stagehunt.intel;

import io.stagehunt.net.Cidr;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one spelling of every observable value, shared by feeds (when they list a value) and the index (when it
 * looks one up), so that both sides compare the same text. Normalizers throw {@link IllegalArgumentException}
 * with a one-line reason when the text is not a value of that type; they never guess.
 */
public final class Observables {

    private static final int MAX_URL_LENGTH = 8192;
    private static final String HEX_DIGITS = "0123456789ABCDEF";

    private Observables() {
    }

    /** The normalized value of {@code raw} as a {@code type}. */
    public static String normalize(IndicatorType type, String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("no " + type.label() + " value");
        }
        return switch (type) {
            case IP -> address(raw).toString();
            case CIDR -> Cidr.parse(raw).toString();
            case DOMAIN -> domain(raw);
            case URL -> url(raw);
            default -> hash(type, raw);
        };
    }

    /** Parses an address, naming the text when it is not one. */
    public static IpAddress address(String raw) {
        IpAddress address = IpAddress.tryParse(raw.strip());
        if (address == null) {
            throw new IllegalArgumentException("'" + FeedText.excerpt(raw) + "' is not an IP address");
        }
        return address;
    }

    /**
     * A domain name in lower-case ASCII (internationalized names in their {@code xn--} form), without trailing
     * dot or leading {@code *.} wildcard: every domain indicator already matches the names below it.
     */
    public static String domain(String raw) {
        String name = DomainName.normalize(raw);
        if (name == null) {
            throw new IllegalArgumentException("'" + FeedText.excerpt(raw) + "' is not a domain name");
        }
        if (name.startsWith("*.")) {
            name = name.substring(2);
        }
        if (!isAscii(name)) {
            try {
                name = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + FeedText.excerpt(raw) + "' is not a valid international "
                        + "domain name");
            }
        }
        if (!validHostname(name)) {
            throw new IllegalArgumentException("'" + FeedText.excerpt(raw) + "' is not a domain name");
        }
        return name;
    }

    /**
     * A URL in normal form (RFC 3986 section 6): lower-case scheme and host, default port dropped, empty path
     * as {@code /}, dot segments removed, percent-encoding of unreserved characters decoded and of all others
     * upper-cased, characters outside URLs percent-encoded as UTF-8, user info and fragment dropped (a server
     * never sees them).
     */
    public static String url(String raw) {
        String text = raw.strip();
        if (text.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("URL longer than " + MAX_URL_LENGTH + " characters");
        }
        int schemeEnd = text.indexOf("://");
        if (schemeEnd <= 0) {
            throw new IllegalArgumentException("'" + FeedText.excerpt(raw) + "' is not a URL (no scheme)");
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!validScheme(scheme)) {
            throw new IllegalArgumentException("'" + FeedText.excerpt(raw) + "' is not a URL (bad scheme)");
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < text.length() && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = text.substring(authorityStart, authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String host;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + FeedText.excerpt(raw) + "' has an unclosed IPv6 host");
            }
            IpAddress address = IpAddress.tryParse(authority.substring(1, close));
            if (address == null) {
                throw new IllegalArgumentException("'" + FeedText.excerpt(raw) + "' has a bad IPv6 host");
            }
            host = "[" + address + "]";
            if (close + 1 < authority.length()) {
                if (authority.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("'" + FeedText.excerpt(raw) + "' has a bad authority");
                }
                port = authority.substring(close + 2);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            port = colon >= 0 ? authority.substring(colon + 1) : null;
            host = urlHost(host, raw);
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        out.append(scheme).append("://").append(host);
        if (port != null && !port.isEmpty()) {
            int number = parsePort(port, raw);
            if (number != defaultPort(scheme)) {
                out.append(':').append(number);
            }
        }
        int fragment = text.indexOf('#', authorityEnd);
        String rest = text.substring(authorityEnd, fragment >= 0 ? fragment : text.length());
        int query = rest.indexOf('?');
        String path = query >= 0 ? rest.substring(0, query) : rest;
        String normalizedPath = removeDotSegments(percentNormalized(path));
        out.append(normalizedPath.isEmpty() ? "/" : normalizedPath);
        if (query >= 0) {
            out.append('?').append(percentNormalized(rest.substring(query + 1)));
        }
        return out.toString();
    }

    /** Lower-case hex of the right length for the hash {@code type}; colons between bytes are accepted. */
    public static String hash(IndicatorType type, String raw) {
        int length = type.hexLength();
        if (length == 0) {
            throw new IllegalArgumentException(type.label() + " is not a hash type");
        }
        String hex = raw.strip();
        if (hex.indexOf(':') >= 0) {
            hex = hex.replace(":", "");
        }
        hex = hex.toLowerCase(Locale.ROOT);
        if (hex.length() != length || !isHex(hex)) {
            throw new IllegalArgumentException("'" + FeedText.excerpt(raw) + "' is not a " + type.label() + " ("
                    + length + " hex digits)");
        }
        return hex;
    }

    /**
     * What a bare value in a list is: a URL (has {@code ://}), an address, a CIDR range, an MD5, SHA-1 or
     * SHA-256 by its number of hex digits, or a domain name with at least two labels; null when none.
     */
    public static IndicatorType classify(String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.contains("://")) {
            return IndicatorType.URL;
        }
        if (IpAddress.tryParse(text) != null) {
            return IndicatorType.IP;
        }
        int slash = text.indexOf('/');
        if (slash > 0) {
            try {
                Cidr.parse(text);
                return IndicatorType.CIDR;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (isHex(text)) {
            switch (text.length()) {
                case 32:
                    return IndicatorType.MD5;
                case 40:
                    return IndicatorType.SHA1;
                case 64:
                    return IndicatorType.SHA256;
                default:
                    break;
            }
        }
        if (text.indexOf('.') > 0) {
            try {
                domain(text);
                return IndicatorType.DOMAIN;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** The type a CIDR text really is: a single-address range is an {@link IndicatorType#IP}. */
    public static IndicatorType rangeType(Cidr range) {
        return range.prefixLength() == 128 ? IndicatorType.IP : IndicatorType.CIDR;
    }

    public static boolean isHex(CharSequence text) {
        if (text.length() == 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** The default port of a URL scheme, or -1 for schemes without one we know. */
    public static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            case "ftp" -> 21;
            default -> -1;
        };
    }

    private static String urlHost(String host, String raw) {
        String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (bare.isEmpty()) {
            throw new IllegalArgumentException("'" + FeedText.excerpt(raw) + "' has no host");
        }
        IpAddress address = IpAddress.tryParse(bare);
        if (address != null) {
            return address.toString();
        }
        return domain(bare);
    }

    private static int parsePort(String text, String raw) {
        if (text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + FeedText.excerpt(raw) + "' has a bad port");
        }
        int number = Integer.parseInt(text);
        if (number > 65_535) {
            throw new IllegalArgumentException("'" + FeedText.excerpt(raw) + "' has a port out of range");
        }
        return number;
    }

    private static boolean validScheme(String scheme) {
        char first = scheme.charAt(0);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (int i = 1; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean validHostname(String name) {
        int labelLength = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (labelLength == 0) {
                    return false;
                }
                labelLength = 0;
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                if (++labelLength > 63) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return labelLength > 0;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Decodes escapes of unreserved characters, upper-cases the others, encodes what may not stand bare. */
    private static String percentNormalized(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = c > 0x20 && c < 0x7F && c != '%' && c != '"' && c != '<' && c != '>' && c != '\\'
                    && c != '^' && c != '`' && c != '{' && c != '|' && c != '}';
            if (plain) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                int value = Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16);
                if (isUnreserved(value)) {
                    out.append((char) value);
                } else {
                    appendEscape(out, value);
                }
                i += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                for (byte b : text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(out, b & 0xFF);
                }
                i++;
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(out, b & 0xFF);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static void appendEscape(StringBuilder out, int value) {
        out.append('%').append(HEX_DIGITS.charAt(value >> 4)).append(HEX_DIGITS.charAt(value & 0xF));
    }

    /** RFC 3986 section 5.2.4, so that {@code /a/./b/../c} and {@code /a/c} are one URL. */
    private static String removeDotSegments(String path) {
        if (path.indexOf('.') < 0) {
            return path;
        }
        StringBuilder input = new StringBuilder(path);
        StringBuilder output = new StringBuilder(path.length());
        while (input.length() > 0) {
            if (startsWith(input, "../")) {
                input.delete(0, 3);
            } else if (startsWith(input, "./")) {
                input.delete(0, 2);
            } else if (startsWith(input, "/./")) {
                input.delete(0, 2);
            } else if (contentEquals(input, "/.")) {
                input.replace(0, 2, "/");
            } else if (startsWith(input, "/../")) {
                input.delete(0, 3);
                dropLastSegment(output);
            } else if (contentEquals(input, "/..")) {
                input.replace(0, 3, "/");
                dropLastSegment(output);
            } else if (contentEquals(input, ".") || contentEquals(input, "..")) {
                input.setLength(0);
            } else {
                int next = input.indexOf("/", input.charAt(0) == '/' ? 1 : 0);
                int end = next < 0 ? input.length() : next;
                output.append(input, 0, end);
                input.delete(0, end);
            }
        }
        return output.toString();
    }

    private static boolean startsWith(StringBuilder text, String prefix) {
        return text.length() >= prefix.length() && text.substring(0, prefix.length()).equals(prefix);
    }

    private static boolean contentEquals(StringBuilder text, String value) {
        return text.length() == value.length() && text.toString().equals(value);
    }

    private static void dropLastSegment(StringBuilder output) {
        int slash = output.lastIndexOf("/");
        output.setLength(Math.max(slash, 0));
    }
}
