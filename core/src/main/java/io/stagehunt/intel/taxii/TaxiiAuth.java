package io.stagehunt.intel.taxii;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How to authenticate to a TAXII server. Secrets never appear in {@link #toString()}, so an auth object can be
 * logged or shown in an error safely. Immutable.
 */
public sealed interface TaxiiAuth {

    /** The {@code Authorization} header value, or null for none. */
    String header();

    TaxiiAuth NONE = new None();

    static TaxiiAuth basic(String user, String password) {
        return new Basic(user, password);
    }

    static TaxiiAuth bearer(String token) {
        return new Bearer(token);
    }

    /** No authentication. */
    record None() implements TaxiiAuth {
        @Override
        public String header() {
            return null;
        }
    }

    /** HTTP basic authentication (RFC 7617). */
    record Basic(String user, String password) implements TaxiiAuth {
        @Override
        public String header() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "basic auth as " + user;
        }
    }

    /** A bearer token (RFC 6750). */
    record Bearer(String token) implements TaxiiAuth {
        @Override
        public String header() {
            return "Bearer " + token;
        }

        @Override
        public String toString() {
            return "bearer token";
        }
    }
}
