package io.stagehunt.intel.stix;

import io.stagehunt.intel.FeedText;
import io.stagehunt.intel.stix.PatternSyntax.Bool;
import io.stagehunt.intel.stix.PatternSyntax.Bracket;
import io.stagehunt.intel.stix.PatternSyntax.Comparison;
import io.stagehunt.intel.stix.PatternSyntax.ComparisonAnd;
import io.stagehunt.intel.stix.PatternSyntax.ComparisonOr;
import io.stagehunt.intel.stix.PatternSyntax.Exists;
import io.stagehunt.intel.stix.PatternSyntax.FollowedBy;
import io.stagehunt.intel.stix.PatternSyntax.Literal;
import io.stagehunt.intel.stix.PatternSyntax.Number;
import io.stagehunt.intel.stix.PatternSyntax.ObjectPath;
import io.stagehunt.intel.stix.PatternSyntax.Observation;
import io.stagehunt.intel.stix.PatternSyntax.ObservationAnd;
import io.stagehunt.intel.stix.PatternSyntax.ObservationOr;
import io.stagehunt.intel.stix.PatternSyntax.Qualified;
import io.stagehunt.intel.stix.PatternSyntax.Set;
import io.stagehunt.intel.stix.PatternSyntax.Test;
import io.stagehunt.intel.stix.PatternSyntax.Text;
import io.stagehunt.intel.stix.PatternSyntax.Typed;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser of the STIX 2.1 patterning grammar (section 9): observation expressions joined by
 * {@code FOLLOWEDBY}, {@code OR}, {@code AND}, with qualifiers; comparison expressions inside brackets with all
 * operators, object paths with quoted steps and list indexes, and every literal form. Keywords are upper case,
 * as the grammar writes them. Nesting is bounded so that hostile input cannot exhaust the stack. Not
 * thread-safe; one parser per pattern.
 */
final class PatternParser {

    static final int MAX_LENGTH = 4 * 1024 * 1024;
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int position;
    private int depth;

    private PatternParser(String text) {
        this.text = text;
    }

    static Observation parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new PatternException("empty pattern");
        }
        if (pattern.length() > MAX_LENGTH) {
            throw new PatternException("pattern longer than " + MAX_LENGTH + " characters");
        }
        PatternParser parser = new PatternParser(pattern);
        Observation observation = parser.observations();
        parser.skipSpace();
        if (parser.position < pattern.length()) {
            throw parser.error("unexpected text");
        }
        return observation;
    }

    private Observation observations() {
        enter();
        List<Observation> operands = new ArrayList<>();
        operands.add(observationOr());
        while (keyword("FOLLOWEDBY")) {
            operands.add(observationOr());
        }
        leave();
        return operands.size() == 1 ? operands.get(0) : new FollowedBy(operands);
    }

    private Observation observationOr() {
        List<Observation> operands = new ArrayList<>();
        operands.add(observationAnd());
        while (keyword("OR")) {
            operands.add(observationAnd());
        }
        return operands.size() == 1 ? operands.get(0) : new ObservationOr(operands);
    }

    private Observation observationAnd() {
        List<Observation> operands = new ArrayList<>();
        operands.add(observationUnit());
        while (keyword("AND")) {
            operands.add(observationUnit());
        }
        return operands.size() == 1 ? operands.get(0) : new ObservationAnd(operands);
    }

    private Observation observationUnit() {
        skipSpace();
        Observation unit;
        if (accept('[')) {
            Comparison comparison = comparisonOr();
            expect(']');
            unit = new Bracket(comparison);
        } else if (accept('(')) {
            unit = observations();
            expect(')');
        } else {
            throw error("expected '[' or '('");
        }
        while (true) {
            if (keyword("WITHIN")) {
                String seconds = number().text();
                expectKeyword("SECONDS");
                unit = new Qualified(unit, "WITHIN " + seconds + " SECONDS");
            } else if (keyword("REPEATS")) {
                String times = number().text();
                expectKeyword("TIMES");
                unit = new Qualified(unit, "REPEATS " + times + " TIMES");
            } else if (keyword("START")) {
                Literal start = literal();
                expectKeyword("STOP");
                Literal stop = literal();
                if (!(start instanceof Typed first && first.kind() == 't' && stop instanceof Typed last
                        && last.kind() == 't')) {
                    throw error("START and STOP need timestamps t'...'");
                }
                unit = new Qualified(unit, "START ... STOP");
            } else {
                return unit;
            }
        }
    }

    private Comparison comparisonOr() {
        enter();
        List<Comparison> operands = new ArrayList<>();
        operands.add(comparisonAnd());
        while (keyword("OR")) {
            operands.add(comparisonAnd());
        }
        leave();
        return operands.size() == 1 ? operands.get(0) : new ComparisonOr(operands);
    }

    private Comparison comparisonAnd() {
        List<Comparison> operands = new ArrayList<>();
        operands.add(test());
        while (keyword("AND")) {
            operands.add(test());
        }
        return operands.size() == 1 ? operands.get(0) : new ComparisonAnd(operands);
    }

    private Comparison test() {
        skipSpace();
        if (accept('(')) {
            Comparison inner = comparisonOr();
            expect(')');
            return inner;
        }
        if (keyword("EXISTS")) {
            return new Exists(objectPath());
        }
        ObjectPath path = objectPath();
        boolean negated = keyword("NOT");
        String operator = operator();
        Literal literal = operator.equals("IN") ? set() : literal();
        return new Test(path, negated, operator, literal);
    }

    private ObjectPath objectPath() {
        skipSpace();
        int start = position;
        while (position < text.length() && isTypeChar(text.charAt(position))) {
            position++;
        }
        if (position == start) {
            throw error("expected an object path such as ipv4-addr:value");
        }
        String objectType = text.substring(start, position);
        if (!accept(':')) {
            throw error("expected ':' after object type '" + FeedText.excerpt(objectType) + "'");
        }
        List<String> steps = new ArrayList<>();
        steps.add(step());
        while (true) {
            if (peek() == '.') {
                position++;
                steps.add(step());
            } else if (peek() == '[') {
                position++;
                int indexStart = position;
                while (position < text.length() && (Character.isDigit(text.charAt(position))
                        || text.charAt(position) == '*')) {
                    position++;
                }
                if (position == indexStart) {
                    throw error("expected a list index or '*'");
                }
                String index = text.substring(indexStart, position);
                expect(']');
                steps.add("[" + index + "]");
            } else {
                return new ObjectPath(objectType, steps);
            }
        }
    }

    private String step() {
        if (peek() == '\'') {
            return quoted();
        }
        int start = position;
        while (position < text.length() && isPropertyChar(text.charAt(position))) {
            position++;
        }
        if (position == start) {
            throw error("expected a property name");
        }
        return text.substring(start, position);
    }

    private String operator() {
        skipSpace();
        for (String symbol : new String[] {"!=", "<=", ">=", "=", "<", ">"}) {
            if (text.startsWith(symbol, position)) {
                position += symbol.length();
                return symbol;
            }
        }
        for (String word : new String[] {"IN", "LIKE", "MATCHES", "ISSUBSET", "ISSUPERSET"}) {
            if (keyword(word)) {
                return word;
            }
        }
        throw error("expected a comparison operator");
    }

    private Literal set() {
        skipSpace();
        if (!accept('(')) {
            throw error("IN needs a set ('a', 'b')");
        }
        List<Literal> members = new ArrayList<>();
        members.add(literal());
        while (true) {
            skipSpace();
            if (accept(',')) {
                members.add(literal());
            } else {
                expect(')');
                return new Set(members);
            }
        }
    }

    private Literal literal() {
        skipSpace();
        char c = peek();
        if (c == '\'') {
            return new Text(quoted());
        }
        if ((c == 't' || c == 'h' || c == 'b') && position + 1 < text.length() && text.charAt(position + 1) == '\'') {
            position++;
            return new Typed(c, quoted());
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (keyword("true")) {
            return new Bool(true);
        }
        if (keyword("false")) {
            return new Bool(false);
        }
        throw error("expected a literal");
    }

    private Number number() {
        skipSpace();
        int start = position;
        if (peek() == '-' || peek() == '+') {
            position++;
        }
        int digits = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (peek() == '.') {
            position++;
            while (position < text.length() && Character.isDigit(text.charAt(position))) {
                position++;
            }
        }
        if (position == digits) {
            throw error("expected a number");
        }
        return new Number(text.substring(start, position));
    }

    /** A single-quoted string; only {@code \\} and {@code \'} are escapes, as the grammar defines. */
    private String quoted() {
        if (!accept('\'')) {
            throw error("expected a quoted string");
        }
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '\'') {
                return value.toString();
            }
            if (c == '\\') {
                if (position >= text.length()) {
                    throw error("unterminated string");
                }
                char escaped = text.charAt(position++);
                if (escaped != '\\' && escaped != '\'') {
                    throw error("invalid escape \\" + FeedText.excerpt(String.valueOf(escaped)) + " in a string");
                }
                value.append(escaped);
            } else {
                value.append(c);
            }
        }
    }

    /** Consumes {@code word} when it is the next whole word. */
    private boolean keyword(String word) {
        skipSpace();
        if (!text.startsWith(word, position)) {
            return false;
        }
        int end = position + word.length();
        if (end < text.length() && isPropertyChar(text.charAt(end))) {
            return false;
        }
        position = end;
        return true;
    }

    private void expectKeyword(String word) {
        if (!keyword(word)) {
            throw error("expected " + word);
        }
    }

    private boolean accept(char c) {
        skipSpace();
        if (position < text.length() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new PatternException("pattern nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void leave() {
        depth--;
    }

    private static boolean isTypeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }

    private static boolean isPropertyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private PatternException error(String what) {
        String near = position < text.length() ? " near '" + FeedText.excerpt(text.substring(position,
                Math.min(text.length(), position + 20))) + "'" : " at the end";
        return new PatternException(what + " at character " + (position + 1) + near);
    }
}
