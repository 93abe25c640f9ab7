package io.stagehunt.intel;

/**
 * An observed value that an indicator lists, and how: exactly, as a name under a listed domain, or as an
 * address inside a listed range. Immutable.
 *
 * @param observed the value as it was looked up
 */
public record IntelMatch(Indicator indicator, String observed, Relation relation) {

    /** How the observed value relates to the indicator's value. */
    public enum Relation {
        EXACT("is"),
        /** The observed name is below the listed domain (and at or below its registered domain). */
        SUBDOMAIN("is under"),
        /** The observed address is inside the listed CIDR range. */
        IN_RANGE("is in");

        private final String phrase;

        Relation(String phrase) {
            this.phrase = phrase;
        }

        /** A verb for a sentence: {@code a.evil.com is under evil.com}. */
        public String phrase() {
            return phrase;
        }
    }

    /** True when the indicator names no port or the same port as the one observed. */
    public boolean portAllows(int observedPort) {
        return indicator.port() == Indicator.ANY_PORT || indicator.port() == observedPort;
    }
}
