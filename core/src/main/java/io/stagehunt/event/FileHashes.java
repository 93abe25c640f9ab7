package io.stagehunt.event;

import java.io.Serializable;

/** Hashes an endpoint sensor reported for a file, lower-case hex; each may be null. */
public record FileHashes(String md5, String sha1, String sha256, String imphash) implements Serializable {

    public static final FileHashes NONE = new FileHashes(null, null, null, null);

    /** Parses Sysmon's {@code MD5=...,SHA256=...,IMPHASH=...} form; unknown names are ignored. */
    public static FileHashes parseSysmon(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String md5 = null;
        String sha1 = null;
        String sha256 = null;
        String imphash = null;
        for (String part : text.split(",")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String value = part.substring(equals + 1).strip().toLowerCase(java.util.Locale.ROOT);
            switch (part.substring(0, equals).strip().toUpperCase(java.util.Locale.ROOT)) {
                case "MD5" -> md5 = value;
                case "SHA1" -> sha1 = value;
                case "SHA256" -> sha256 = value;
                case "IMPHASH" -> imphash = value;
                default -> { }
            }
        }
        return new FileHashes(md5, sha1, sha256, imphash);
    }
}
