package io.stagehunt.intel;

import java.util.Objects;

/**
 * An observed value that an indicator lists, and how: exactly, as a name under a listed domain, or as an
 * address inside a listed range. The indicator's fields that matching needs (type, port, dates) are read from
 * the index directly; the full {@link Indicator}, with its value and attribution, is built only when asked
 * for, so that a lookup that hits costs little more than one that misses.
 *
 * <p>Immutable in effect and thread-safe: the lazily built indicator is itself immutable, and building it twice
 * gives equal results.
 */
public final class IntelMatch {

    private final IndicatorIndex index;
    private final int id;
    private final Object observed;
    private final Relation relation;
    private Indicator indicator;
    private String observedText;

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

    /** @param observed the looked-up value: its text, or an address whose text is made when asked for */
    IntelMatch(IndicatorIndex index, int id, Object observed, Relation relation) {
        this.index = index;
        this.id = id;
        this.observed = observed;
        this.relation = relation;
    }

    public Indicator indicator() {
        Indicator built = indicator;
        if (built == null) {
            built = index.indicator(id);
            indicator = built;
        }
        return built;
    }

    /** The value as it was looked up. */
    public String observed() {
        String text = observedText;
        if (text == null) {
            text = observed.toString();
            observedText = text;
        }
        return text;
    }

    public Relation relation() {
        return relation;
    }

    public IndicatorType type() {
        return index.typeOf(id);
    }

    /** True when the indicator names no port or the same port as the one observed. */
    public boolean portAllows(int observedPort) {
        int port = index.portOf(id);
        return port == Indicator.ANY_PORT || port == observedPort;
    }

    /** Where {@code eventMicros} falls in the indicator's life under {@code policy}. */
    public Freshness freshness(DecayPolicy policy, long eventMicros) {
        return index.freshnessOf(id, policy, eventMicros);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntelMatch match && match.indicator().equals(indicator())
                && match.observed().equals(observed()) && match.relation == relation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(indicator(), observed(), relation);
    }

    @Override
    public String toString() {
        return "IntelMatch[" + observed() + " " + relation.phrase() + " " + indicator() + "]";
    }
}
