package io.stagehunt.net;

import java.util.Locale;

/**
 * Normalization of domain names as they appear in logs, so that every stage compares the same spelling:
 * lower case, no trailing dot, no surrounding whitespace.
 */
public final class DomainName {

    private static final int MAX_NAME_LENGTH = 253;

    private DomainName() {
    }

    /**
     * A {@code host:port} authority as Host headers and CONNECT targets write it, without the port, and an IPv6
     * literal without its brackets ({@code [2001:db8::1]:8080} gives {@code 2001:db8::1}); text with no port, or
     * with several colons and no brackets (a bare IPv6 literal), is returned as it is.
     */
    public static String withoutPort(String authority) {
        if (authority == null) {
            return null;
        }
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close > 0 ? authority.substring(1, close) : authority;
        }
        int colon = authority.lastIndexOf(':');
        return colon > 0 && authority.indexOf(':') == colon ? authority.substring(0, colon) : authority;
    }

    /**
     * The normalized name, or null when the text cannot be a DNS name we can reason about (empty, too long,
     * holds whitespace or control characters, or is an IP address literal, bare or in brackets).
     */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String name = text.strip();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return null;
        }
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                return null;
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        if (IpAddress.tryParse(name) != null || name.startsWith("[") && name.endsWith("]")
                && IpAddress.tryParse(name, 1, name.length() - 1) != null) {
            return null;
        }
        return upper ? name.toLowerCase(Locale.ROOT) : name;
    }

    /** The number of labels in a normalized name. */
    public static int labelCount(String name) {
        int count = 1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '.') {
                count++;
            }
        }
        return count;
    }
}
