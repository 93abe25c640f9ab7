package io.stagehunt.ingest.json;

/**
 * Checks a line's bytes before the JSON parser sees them: strict UTF-8 (no overlong forms, no surrogates, no
 * code points past U+10FFFF) and no NUL byte, which JSON never allows unescaped. Pure ASCII lines pass with one
 * quick scan. Stateless.
 */
final class Utf8 {

    private Utf8() {
    }

    /** Null when the bytes are acceptable, else the reason they are not. */
    static String check(byte[] bytes, int start, int end) {
        int i = start;
        while (i < end) {
            byte b = bytes[i];
            if (b > 0) {
                i++;
                continue;
            }
            if (b == 0) {
                return "NUL byte in line";
            }
            int length = sequenceLength(bytes, i, end);
            if (length < 0) {
                return "invalid UTF-8";
            }
            i += length;
        }
        return null;
    }

    /** Length of the valid multi-byte sequence at {@code i}, or -1. */
    private static int sequenceLength(byte[] bytes, int i, int end) {
        int lead = bytes[i] & 0xFF;
        int length;
        int min;
        int codePoint;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            min = 0x80;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            min = 0x800;
            codePoint = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            min = 0x10000;
            codePoint = lead & 0x07;
        } else {
            return -1;
        }
        if (i + length > end) {
            return -1;
        }
        for (int k = 1; k < length; k++) {
            int next = bytes[i + k] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                return -1;
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            return -1;
        }
        return length;
    }
}
