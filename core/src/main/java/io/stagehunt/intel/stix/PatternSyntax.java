package io.stagehunt.intel.stix;

import java.util.List;

/**
 * The syntax tree of a STIX pattern (STIX 2.1 section 9). It holds the whole language, so that the parser
 * accepts every valid pattern and the {@link PatternCompiler} can refuse what it does not support by name.
 */
final class PatternSyntax {

    private PatternSyntax() {
    }

    /** An observation expression and its combinations. */
    sealed interface Observation permits Bracket, ObservationOr, ObservationAnd, FollowedBy, Qualified {
    }

    /** {@code [comparison]}: one observation. */
    record Bracket(Comparison comparison) implements Observation {
    }

    record ObservationOr(List<Observation> operands) implements Observation {
    }

    record ObservationAnd(List<Observation> operands) implements Observation {
    }

    record FollowedBy(List<Observation> operands) implements Observation {
    }

    /** An observation with {@code WITHIN}, {@code REPEATS} or {@code START ... STOP}. */
    record Qualified(Observation observation, String qualifier) implements Observation {
    }

    /** A comparison expression inside one observation. */
    sealed interface Comparison permits Test, ComparisonAnd, ComparisonOr, Exists {
    }

    record ComparisonAnd(List<Comparison> operands) implements Comparison {
    }

    record ComparisonOr(List<Comparison> operands) implements Comparison {
    }

    /** {@code path [NOT] operator literal}. */
    record Test(ObjectPath path, boolean negated, String operator, Literal literal) implements Comparison {
    }

    record Exists(ObjectPath path) implements Comparison {
    }

    /**
     * {@code object-type:step.step[index]}; quoted steps ({@code 'SHA-256'}) keep their text, list indexes are
     * steps such as {@code [*]}.
     */
    record ObjectPath(String objectType, List<String> steps) {
        String property() {
            StringBuilder text = new StringBuilder();
            for (String step : steps) {
                if (text.length() > 0 && !step.startsWith("[")) {
                    text.append('.');
                }
                text.append(step);
            }
            return text.toString();
        }

        @Override
        public String toString() {
            return objectType + ":" + property();
        }
    }

    /** A literal value. */
    sealed interface Literal permits Text, Number, Bool, Typed, Set {
    }

    record Text(String value) implements Literal {
    }

    /** An integer or float, kept as written. */
    record Number(String text) implements Literal {
    }

    record Bool(boolean value) implements Literal {
    }

    /** {@code t'...'}, {@code h'...'} or {@code b'...'}. */
    record Typed(char kind, String value) implements Literal {
    }

    record Set(List<Literal> members) implements Literal {
    }
}
