package io.stagehunt.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines without decoding it, for readers that parse bytes directly. Every line,
 * blank or not, is counted as a record read in the input's {@link FileAccount}. A line longer than the limit
 * is not buffered: its head is kept for the quarantine sample and the rest is skipped, so memory stays bounded
 * by the limit whatever the input. Not thread-safe.
 */
public final class LineReader implements Closeable {

    /** Default longest line: far above any real log record, far below what would hurt the heap. */
    public static final int DEFAULT_MAX_LINE = 1 << 20;
    private static final int INITIAL_BUFFER = 1 << 16;
    private static final int OVERSIZED_HEAD = 256;

    private final InputStream in;
    private final FileAccount account;
    private final int maxLine;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int position;
    private int limit;
    private boolean endOfInput;

    private int lineStart;
    private int lineEnd;
    private long lineNumber;
    private long oversizedLength = -1;
    private String oversizedHead;

    public LineReader(InputStream in, FileAccount account) {
        this(in, account, DEFAULT_MAX_LINE);
    }

    public LineReader(InputStream in, FileAccount account, int maxLine) {
        this.in = in;
        this.account = account;
        this.maxLine = maxLine;
    }

    /** Advances to the next line; false at the end of the input. */
    public boolean next() throws IOException {
        oversizedLength = -1;
        while (true) {
            int newline = indexOfNewline(position, limit);
            if (newline >= 0) {
                setLine(position, newline);
                position = newline + 1;
                return true;
            }
            if (endOfInput) {
                if (position < limit) {
                    setLine(position, limit);
                    position = limit;
                    return true;
                }
                return false;
            }
            if (limit - position >= maxLine) {
                skipOversized();
                return true;
            }
            fill();
        }
    }

    /** The buffer holding the current line; valid until the next call to {@link #next()}. */
    public byte[] buffer() {
        return buffer;
    }

    public int start() {
        return lineStart;
    }

    /** End of the current line, exclusive, with any trailing CR removed. */
    public int end() {
        return lineEnd;
    }

    public int length() {
        return lineEnd - lineStart;
    }

    /** The 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** True when the current line exceeded the limit; its content is then only {@link #oversizedHead()}. */
    public boolean oversized() {
        return oversizedLength >= 0;
    }

    public long oversizedLength() {
        return oversizedLength;
    }

    public String oversizedHead() {
        return oversizedHead;
    }

    public int maxLine() {
        return maxLine;
    }

    /** The current line decoded as UTF-8 (malformed bytes replaced), for samples and slow paths. */
    public String text() {
        return oversized() ? oversizedHead : new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    /** True when the current line holds only spaces, tabs or nothing. */
    public boolean blank() {
        for (int i = lineStart; i < lineEnd; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t') {
                return false;
            }
        }
        return !oversized();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void setLine(int from, int to) {
        lineNumber++;
        account.recordRead();
        account.addBytes(to - from + 1L);
        // a UTF-8 byte-order mark, which Windows tools write before the first line, is no part of it
        lineStart = lineNumber == 1 && byteOrderMarkAt(buffer, from, to) ? from + 3 : from;
        lineEnd = to > from && buffer[to - 1] == '\r' ? to - 1 : to;
    }

    /** Whether {@code bytes[from, to)} starts with a UTF-8 byte-order mark. */
    static boolean byteOrderMarkAt(byte[] bytes, int from, int to) {
        return to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
                && bytes[from + 2] == (byte) 0xBF;
    }

    private int indexOfNewline(int from, int to) {
        byte[] bytes = buffer;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            int grown = (int) Math.min((long) buffer.length * 2, (long) maxLine + 1);
            byte[] bigger = new byte[Math.max(grown, buffer.length + 1)];
            System.arraycopy(buffer, 0, bigger, 0, limit);
            buffer = bigger;
        }
        int count = in.read(buffer, limit, buffer.length - limit);
        if (count < 0) {
            endOfInput = true;
        } else {
            limit += count;
        }
    }

    private void skipOversized() throws IOException {
        oversizedHead = new String(buffer, position, Math.min(OVERSIZED_HEAD, limit - position),
                StandardCharsets.UTF_8);
        long length = 0;
        while (true) {
            int newline = indexOfNewline(position, limit);
            if (newline >= 0) {
                length += newline - position;
                position = newline + 1;
                break;
            }
            length += limit - position;
            position = limit = 0;
            int count = in.read(buffer, 0, buffer.length);
            if (count < 0) {
                endOfInput = true;
                break;
            }
            limit = count;
        }
        lineNumber++;
        account.recordRead();
        account.addBytes(length + 1);
        lineStart = lineEnd = 0;
        oversizedLength = length;
    }
}
