package io.stagehunt.net;

import java.io.Serializable;

/**
 * An IPv4 or IPv6 address held as 128 bits; IPv4 addresses are stored IPv4-mapped ({@code ::ffff:a.b.c.d}) so
 * that both families share one ordering and one CIDR arithmetic.
 *
 * <p>Parsing is allocation-free apart from the result, because readers parse several addresses per record at
 * millions of records per second. Zone indices ({@code fe80::1%eth0}) are accepted and dropped.
 */
public record IpAddress(long high, long low) implements Comparable<IpAddress>, Serializable {

    private static final long V4_MAPPED_PREFIX = 0x0000_FFFFL;

    /** The IPv4 address {@code a.b.c.d} given as an unsigned 32-bit value. */
    public static IpAddress ofV4(int address) {
        return new IpAddress(0, (V4_MAPPED_PREFIX << 32) | (address & 0xFFFF_FFFFL));
    }

    /** Parses a textual address; throws {@link IllegalArgumentException} naming the text when it is not one. */
    public static IpAddress parse(CharSequence text) {
        IpAddress parsed = tryParse(text, 0, text.length());
        if (parsed == null) {
            throw new IllegalArgumentException("not an IP address: '" + abbreviate(text) + "'");
        }
        return parsed;
    }

    /** Parses a textual address, or returns null when the text is not one. */
    public static IpAddress tryParse(CharSequence text) {
        return text == null ? null : tryParse(text, 0, text.length());
    }

    /** Parses {@code text[from, to)}, or returns null when that range is not an address. */
    public static IpAddress tryParse(CharSequence text, int from, int to) {
        int zone = indexOf(text, '%', from, to);
        if (zone >= 0) {
            to = zone;
        }
        if (to - from < 2 || to - from > 45) {
            return null;
        }
        if (indexOf(text, ':', from, to) < 0) {
            long v4 = parseV4(text, from, to);
            return v4 < 0 ? null : new IpAddress(0, (V4_MAPPED_PREFIX << 32) | v4);
        }
        return parseV6(text, from, to);
    }

    /** Parses ASCII bytes {@code bytes[from, to)}, or returns null when they are not an address. */
    public static IpAddress tryParse(byte[] bytes, int from, int to) {
        long v4 = plainDottedQuad(bytes, from, to);
        if (v4 >= 0) {
            return new IpAddress(0, (V4_MAPPED_PREFIX << 32) | v4);
        }
        return tryParse(new AsciiSequence(bytes), from, to);
    }

    /**
     * The common case of a log field, four octets and three dots, read straight from the bytes; -1 for anything
     * else, which the full parser then judges.
     */
    static long plainDottedQuad(byte[] bytes, int from, int to) {
        long value = 0;
        int position = from;
        for (int octets = 0; octets < 4; octets++) {
            if (octets > 0) {
                if (position >= to || bytes[position] != '.') {
                    return -1;
                }
                position++;
            }
            int octet = 0;
            int start = position;
            while (position < to && position - start < 3 && bytes[position] >= '0' && bytes[position] <= '9') {
                octet = octet * 10 + (bytes[position++] - '0');
            }
            if (position == start || octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
        }
        return position == to ? value : -1;
    }

    public boolean isV4() {
        return high == 0 && (low >>> 32) == V4_MAPPED_PREFIX;
    }

    /** The IPv4 address as an unsigned 32-bit value; only meaningful when {@link #isV4()}. */
    public int v4() {
        return (int) low;
    }

    /** The bit at position {@code index}, 0 being the most significant of the 128. */
    public int bit(int index) {
        return index < 64 ? (int) (high >>> (63 - index)) & 1 : (int) (low >>> (127 - index)) & 1;
    }

    /**
     * Mixes all 128 bits. The record's default hash keeps neighbouring addresses neighbouring, and keys that
     * combine two addresses (host and peer) then collide in whole families and degrade hash tables.
     */
    @Override
    public int hashCode() {
        long mixed = high * 0x9E37_79B9_7F4A_7C15L + low;
        mixed = (mixed ^ (mixed >>> 33)) * 0xFF51_AFD7_ED55_8CCDL;
        mixed = (mixed ^ (mixed >>> 33)) * 0xC4CE_B9FE_1A85_EC53L;
        return (int) (mixed ^ (mixed >>> 33));
    }

    @Override
    public int compareTo(IpAddress other) {
        int byHigh = Long.compareUnsigned(high, other.high);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
    }

    /** The address followed by a port, as URLs write it: {@code 192.0.2.1:80}, {@code [2001:db8::1]:80}. */
    public String withPort(int port) {
        return isV4() ? this + ":" + port : "[" + this + "]:" + port;
    }

    /** Canonical text: dotted quad for IPv4, RFC 5952 compressed lower case for IPv6. */
    @Override
    public String toString() {
        if (isV4()) {
            int value = (int) low;
            return ((value >>> 24) & 0xFF) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "."
                    + (value & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (high >>> (48 - 16 * i)) & 0xFFFF;
            groups[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xFFFF;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            text.append(Integer.toHexString(groups[i]));
            if (i < 7) {
                text.append(':');
            }
        }
        return text.toString();
    }

    private static long parseV4(CharSequence text, int from, int to) {
        long value = 0;
        int octets = 0;
        int position = from;
        while (position < to) {
            int octet = 0;
            int digits = 0;
            while (position < to) {
                char c = text.charAt(position);
                if (c < '0' || c > '9') {
                    break;
                }
                octet = octet * 10 + (c - '0');
                digits++;
                position++;
            }
            if (digits == 0 || digits > 3 || octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
            octets++;
            if (position == to) {
                break;
            }
            if (text.charAt(position) != '.' || octets == 4) {
                return -1;
            }
            position++;
            if (position == to) {
                return -1;
            }
        }
        return octets == 4 ? value : -1;
    }

    private static IpAddress parseV6(CharSequence text, int from, int to) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int position = from;
        if (text.charAt(position) == ':') {
            if (to - position < 2 || text.charAt(position + 1) != ':') {
                return null;
            }
            gap = 0;
            position += 2;
        }
        while (position < to) {
            if (count == 8) {
                return null;
            }
            int groupStart = position;
            int value = 0;
            while (position < to && position - groupStart < 5) {
                int digit = Character.digit(text.charAt(position), 16);
                if (digit < 0) {
                    break;
                }
                value = (value << 4) | digit;
                position++;
            }
            if (position < to && text.charAt(position) == '.') {
                if (count > 6) {
                    return null;
                }
                long v4 = parseV4(text, groupStart, to);
                if (v4 < 0) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                position = to;
                break;
            }
            int digits = position - groupStart;
            if (digits == 0 || digits > 4) {
                return null;
            }
            groups[count++] = value;
            if (position == to) {
                break;
            }
            if (text.charAt(position) != ':') {
                return null;
            }
            position++;
            if (position < to && text.charAt(position) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                position++;
            } else if (position == to) {
                return null;
            }
        }
        if (gap < 0 && count != 8 || gap >= 0 && count > 7) {
            return null;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | full[i];
            low = (low << 16) | full[i + 4];
        }
        return new IpAddress(high, low);
    }

    private static int indexOf(CharSequence text, char wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(CharSequence text) {
        return text.length() <= 64 ? text.toString() : text.subSequence(0, 64) + "...";
    }

    /** A view of ASCII bytes as characters, so one parser serves both strings and raw log buffers. */
    private record AsciiSequence(byte[] bytes) implements CharSequence {
        @Override
        public int length() {
            return bytes.length;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(bytes, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
