package io.stagehunt.intel;

/**
 * What kind of value an indicator lists, and so where it can be seen. File and certificate hashes of one
 * algorithm share a lookup table, because feeds do not agree on which is which (feeds2stix writes SSLBL's
 * certificate SHA-1s as {@code file:hashes}); the type still says what the feed called it.
 */
public enum IndicatorType {
    IP("ip"),
    CIDR("cidr"),
    DOMAIN("domain"),
    URL("url"),
    MD5("md5"),
    SHA1("sha1"),
    SHA256("sha256"),
    /** A TLS client fingerprint (JA3, MD5 of the ClientHello fields). */
    JA3("ja3"),
    /** A TLS server fingerprint (JA3S). */
    JA3S("ja3s"),
    CERT_SHA1("x509-sha1"),
    CERT_SHA256("x509-sha256");

    private final String label;

    IndicatorType(String label) {
        this.label = label;
    }

    /** The short name used in reports and the CLI ({@code ip}, {@code domain}, {@code x509-sha1}). */
    public String label() {
        return label;
    }

    /** True for the types matched against network addresses. */
    public boolean isAddress() {
        return this == IP || this == CIDR;
    }

    /** The number of hex digits of a hash type, or 0 for the others. */
    public int hexLength() {
        return switch (this) {
            case MD5, JA3, JA3S -> 32;
            case SHA1, CERT_SHA1 -> 40;
            case SHA256, CERT_SHA256 -> 64;
            default -> 0;
        };
    }
}
