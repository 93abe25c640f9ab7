package io.stagehunt.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The first bytes of a decompressed input, for format recognition. Offers the complete lines within it (the
 * last, possibly cut, line is dropped unless the input ended).
 */
public final class Head {

    private final byte[] bytes;
    private final int length;
    private final boolean complete;
    private List<String> lines;

    public Head(byte[] bytes, int length, boolean complete) {
        this.bytes = bytes;
        this.length = length;
        this.complete = complete;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** True when the whole input fit in the head. */
    public boolean complete() {
        return complete;
    }

    /** Up to {@code max} non-blank lines, decoded leniently as UTF-8, trailing CR removed. */
    public List<String> lines(int max) {
        if (lines == null) {
            lines = splitLines();
        }
        return lines.size() <= max ? lines : lines.subList(0, max);
    }

    /** True when the bytes start with {@code prefix}, after an optional UTF-8 byte order mark. */
    public boolean startsWith(String prefix) {
        byte[] wanted = prefix.getBytes(StandardCharsets.UTF_8);
        int offset = hasByteOrderMark() ? 3 : 0;
        if (length - offset < wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (bytes[offset + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    /** Share of bytes that are neither printable ASCII, whitespace nor part of UTF-8 sequences; 0..1. */
    public double binaryShare() {
        if (length == 0) {
            return 0;
        }
        int binary = 0;
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x20) || b == 0x7F) {
                binary++;
            }
        }
        return binary / (double) length;
    }

    private boolean hasByteOrderMark() {
        return LineReader.byteOrderMarkAt(bytes, 0, length);
    }

    private List<String> splitLines() {
        List<String> result = new ArrayList<>();
        int start = hasByteOrderMark() ? 3 : 0;
        for (int i = start; i < length; i++) {
            if (bytes[i] == '\n') {
                addLine(result, start, i);
                start = i + 1;
            }
        }
        if (complete && start < length) {
            addLine(result, start, length);
        }
        return result;
    }

    private void addLine(List<String> result, int from, int to) {
        int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
        String line = new String(bytes, from, end - from, StandardCharsets.UTF_8);
        if (!line.isBlank()) {
            result.add(line);
        }
    }
}
