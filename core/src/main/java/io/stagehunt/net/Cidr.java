package io.stagehunt.net;

import java.io.Serializable;

/**
 * A CIDR range over the 128-bit address space; IPv4 ranges are stored with their prefix length plus 96 so that
 * they apply to IPv4-mapped addresses. Invariant: the host bits of {@code base} are zero.
 */
public record Cidr(IpAddress base, int prefixLength) implements Serializable {

    public Cidr {
        if (prefixLength < 0 || prefixLength > 128) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        base = mask(base, prefixLength);
    }

    /** Parses {@code a.b.c.d/n}, {@code x::y/n} or a bare address (a host range). */
    public static Cidr parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        IpAddress address = IpAddress.parse(slash < 0 ? trimmed : trimmed.substring(0, slash));
        int maxLength = address.isV4() ? 32 : 128;
        int length = maxLength;
        if (slash >= 0) {
            try {
                length = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in '" + text + "'");
            }
            if (length < 0 || length > maxLength) {
                throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
            }
        }
        return new Cidr(address, address.isV4() ? length + 96 : length);
    }

    public boolean contains(IpAddress address) {
        return (address.high() & highMask(prefixLength)) == base.high()
                && (address.low() & lowMask(prefixLength)) == base.low();
    }

    /** The lowest and highest address of the range. */
    public IpAddress first() {
        return base;
    }

    public IpAddress last() {
        return new IpAddress(base.high() | ~highMask(prefixLength), base.low() | ~lowMask(prefixLength));
    }

    @Override
    public String toString() {
        return base.isV4() && prefixLength >= 96 ? base + "/" + (prefixLength - 96) : base + "/" + prefixLength;
    }

    private static IpAddress mask(IpAddress address, int length) {
        return new IpAddress(address.high() & highMask(length), address.low() & lowMask(length));
    }

    private static long highMask(int length) {
        return length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
    }

    private static long lowMask(int length) {
        return length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
    }
}
