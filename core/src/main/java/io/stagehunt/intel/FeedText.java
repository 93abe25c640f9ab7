package io.stagehunt.intel;

/**
 * Makes feed-supplied text safe to show: feeds are written by third parties, and their names, tags and values
 * end up in reason sentences, terminals and HTML reports.
 */
public final class FeedText {

    private static final int MAX_EXCERPT = 80;
    private static final int MAX_LABEL = 120;

    private FeedText() {
    }

    /** The start of a value for an error message: control characters escaped, cut at 80 characters. */
    public static String excerpt(String raw) {
        return escape(raw, MAX_EXCERPT);
    }

    /**
     * A name or tag for display: control and format characters removed, whitespace runs collapsed, cut at 120
     * characters; null when nothing printable is left.
     */
    public static String label(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_LABEL));
        boolean space = false;
        for (int i = 0; i < raw.length() && out.length() < MAX_LABEL; i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.UNASSIGNED || Character.isSurrogate(c)) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static String escape(String raw, int limit) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), limit) + 8);
        for (int i = 0; i < raw.length() && out.length() < limit; i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7F || c >= 0x80 && c < 0xA0 || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (raw.length() > limit) {
            out.append("...");
        }
        return out.toString();
    }
}
