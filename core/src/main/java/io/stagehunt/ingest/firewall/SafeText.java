package io.stagehunt.ingest.firewall;

/**
 * Guards the free-text fields an event keeps (device, rule, application). Vendors restrict them to names
 * (PAN-OS rule names allow letters, digits, space, underscore, hyphen and period); markup, quotes, shell
 * metacharacters or control characters there mean a forged or corrupted record, which is quarantined rather
 * than carried into reports. Stateless.
 */
final class SafeText {

    static final int MAX_LENGTH = 255;
    private static final String PUNCTUATION = " _-.:/@#()[]+,~";

    private SafeText() {
    }

    /** {@code value} unchanged, null for null or blank, or a rejection naming the field and the character. */
    static String checked(String field, String value) throws RecordRejected {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            throw RecordRejected.malformed(field + " longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!Character.isLetterOrDigit(c) && (c > 0x7F || PUNCTUATION.indexOf(c) < 0)) {
                throw RecordRejected.malformed(field + " holds a character names do not have: "
                        + (c < 0x20 || c == 0x7F ? String.format("0x%02x", c) : "'" + Character.toString(c) + "'"));
            }
            i += Character.charCount(c);
        }
        return value.strip();
    }
}
