package io.stagehunt.ingest.firewall;

import java.time.ZoneOffset;

/**
 * One log line split into its syslog header (when it has one) and its message. Understands RFC 5424
 * ({@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG}), BSD/RFC 3164 ({@code [<PRI>]Mmm dd HH:mm:ss [HOST] TAG:
 * MSG}, the host being absent in what BSD relays forward), rsyslog's and journald's ISO variants of it, and
 * header-less lines (bare CEF or PAN-OS CSV). A BSD header may also be followed directly by the message, as
 * PAN-OS and CEF senders do. Immutable.
 */
final class SyslogLine {

    private final String text;
    private final boolean header;
    private final LocalStamp stamp;
    private final ZoneOffset offset;
    private final String host;
    private final String program;
    private final int tagStart;
    private final int messageStart;

    private SyslogLine(String text, boolean header, StampText time, String host, String program, int tagStart,
            int messageStart) {
        this.text = text;
        this.header = header;
        this.stamp = time == null ? null : time.stamp();
        this.offset = time == null ? null : time.offset();
        this.host = host;
        this.program = program;
        this.tagStart = Math.min(tagStart, text.length());
        this.messageStart = Math.min(messageStart, text.length());
    }

    static SyslogLine parse(String text) {
        int position = 0;
        boolean priority = false;
        if (text.startsWith("<")) {
            int close = text.indexOf('>');
            if (close >= 2 && close <= 4 && LocalStamp.digits(text, 1, close - 1) >= 0) {
                position = close + 1;
                priority = true;
            }
        }
        if (position + 1 < text.length() && text.charAt(position) >= '1' && text.charAt(position) <= '9'
                && text.charAt(position + 1) == ' ') {
            SyslogLine structured = rfc5424(text, position + 2);
            if (structured != null) {
                return structured;
            }
        }
        StampText time = StampText.bsd(text, position);
        if (time == null) {
            time = StampText.iso(text, position);
        }
        if (time == null) {
            return new SyslogLine(text, false, null, null, null, priority ? position : 0, priority ? position : 0);
        }
        return traditional(text, time);
    }

    /** The header after a BSD or ISO timestamp: an optional host, an optional tag, then the message. */
    private static SyslogLine traditional(String text, StampText time) {
        int position = time.end();
        if (position < text.length() && text.charAt(position) != ' ') {
            return new SyslogLine(text, false, null, null, null, 0, 0);
        }
        position = skipSpaces(text, position);
        String host = null;
        int end = tokenEnd(text, position);
        if (!text.startsWith("CEF:", position) && tag(text, position, end) == null
                && hostname(text, position, end)) {
            host = text.substring(position, end);
            position = skipSpaces(text, end);
            end = tokenEnd(text, position);
        }
        int tagStart = position;
        String program = text.startsWith("CEF:", position) ? null : tag(text, position, end);
        if (program != null) {
            position = skipSpaces(text, end);
        }
        return new SyslogLine(text, true, time, host, program, tagStart, position);
    }

    private static SyslogLine rfc5424(String text, int from) {
        StampText time = null;
        int position;
        if (text.startsWith("- ", from)) {
            position = from + 1;
        } else {
            time = StampText.iso(text, from);
            if (time == null) {
                return null;
            }
            position = time.end();
        }
        String[] parts = new String[4];
        for (int part = 0; part < parts.length; part++) {
            if (position >= text.length() || text.charAt(position) != ' ') {
                return null;
            }
            int end = tokenEnd(text, position + 1);
            parts[part] = text.substring(position + 1, end);
            position = end;
        }
        if (position >= text.length() || text.charAt(position) != ' ') {
            return null;
        }
        position = structuredDataEnd(text, position + 1);
        if (position < 0) {
            return null;
        }
        if (position < text.length() && text.charAt(position) == ' ') {
            position++;
        }
        if (text.startsWith("\uFEFF", position)) {
            position++;
        }
        String host = parts[0].equals("-") ? null : parts[0];
        String program = parts[1].equals("-") ? null : parts[1];
        return new SyslogLine(text, true, time, host, program, position, position);
    }

    /** The end of RFC 5424 structured data at {@code from}: {@code -} or {@code [id param="value" ...]...}. */
    private static int structuredDataEnd(String text, int from) {
        if (from >= text.length()) {
            return -1;
        }
        if (text.charAt(from) == '-') {
            return from + 1;
        }
        int position = from;
        while (position < text.length() && text.charAt(position) == '[') {
            boolean quoted = false;
            position++;
            while (true) {
                if (position >= text.length()) {
                    return -1;
                }
                char c = text.charAt(position);
                if (c == '\\' && quoted) {
                    position += 2;
                    continue;
                }
                position++;
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ']' && !quoted) {
                    break;
                }
            }
        }
        return position == from ? -1 : position;
    }

    /** The program of a tag token ({@code name:} or {@code name[pid]:}), or null when the token is not one. */
    private static String tag(String text, int from, int end) {
        if (end - from < 2 || text.charAt(end - 1) != ':') {
            return null;
        }
        int nameEnd = end - 1;
        if (text.charAt(nameEnd - 1) == ']') {
            int open = text.lastIndexOf('[', nameEnd - 1);
            if (open <= from) {
                return null;
            }
            for (int i = open + 1; i < nameEnd - 1; i++) {
                if (!word(text.charAt(i))) {
                    return null;
                }
            }
            nameEnd = open;
        }
        for (int i = from; i < nameEnd; i++) {
            char c = text.charAt(i);
            if (!word(c) && c != '/') {
                return null;
            }
        }
        return nameEnd > from ? text.substring(from, nameEnd) : null;
    }

    private static boolean hostname(String text, int from, int end) {
        if (end == from || end - from > 255) {
            return false;
        }
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (!word(c) && c != ':') {
                return false;
            }
        }
        return true;
    }

    private static boolean word(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                || c == '.';
    }

    private static int tokenEnd(String text, int from) {
        int end = text.indexOf(' ', from);
        return end < 0 ? text.length() : end;
    }

    private static int skipSpaces(String text, int from) {
        int position = from;
        while (position < text.length() && text.charAt(position) == ' ') {
            position++;
        }
        return position;
    }

    String text() {
        return text;
    }

    /** True when the line starts with a syslog header. */
    boolean hasHeader() {
        return header;
    }

    /** The header's time, or null when the line has no header or a nil timestamp. */
    LocalStamp stamp() {
        return stamp;
    }

    /** The header time's offset, or null when it gives none (BSD syslog). */
    ZoneOffset offset() {
        return offset;
    }

    /** The sending host, or null when the header names none. */
    String host() {
        return host;
    }

    /** The program ({@code kernel}, {@code filterlog}), or null when the header names none. */
    String program() {
        return program;
    }

    String message() {
        return text.substring(messageStart);
    }

    /**
     * The message with the tag token before it, for senders whose "tag" is really message text: ulogd writes
     * its log prefix ({@code DROP-IN:}) where BSD syslog has the tag.
     */
    String messageWithTag() {
        return text.substring(tagStart);
    }
}
