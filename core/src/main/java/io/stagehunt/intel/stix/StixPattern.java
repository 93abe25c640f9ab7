package io.stagehunt.intel.stix;

import io.stagehunt.intel.FeedText;
import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorType;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles a STIX pattern into the alternatives stagehunt matches: each names one observable value (an
 * address or range, a domain, a URL, a file or certificate hash) and optionally the destination port it must
 * be seen with. What it cannot match exactly is refused, never approximated, with a one-line reason:
 * observation operators ({@code FOLLOWEDBY}, {@code [a] AND [b]}), qualifiers ({@code WITHIN}, {@code REPEATS},
 * {@code START/STOP}), negation, operators other than {@code =}, {@code IN} and {@code ISSUBSET}, unsupported
 * object paths, and {@code AND} of two different values in one observation.
 *
 * <p>One rule widens the letter of the pattern: an {@code AND} of several hashes of one file (or certificate)
 * matches on any of them, since each hash alone identifies the same content. Thread-safe (stateless).
 */
public final class StixPattern {

    /** The most alternatives one pattern may expand to; more is refused rather than loaded in part. */
    public static final int MAX_ALTERNATIVES = 100_000;

    private StixPattern() {
    }

    /**
     * One thing to match.
     *
     * @param port the destination port, or {@link Indicator#ANY_PORT}
     */
    public record Alternative(IndicatorType type, String value, int port) {
    }

    /** The alternatives of {@code pattern}; throws {@link PatternException} when it cannot be matched. */
    public static List<Alternative> compile(String pattern) {
        List<Alternative> alternatives = new ArrayList<>();
        observation(PatternParser.parse(pattern), alternatives);
        return alternatives;
    }

    private static void observation(Observation observation, List<Alternative> out) {
        if (observation instanceof Bracket bracket) {
            for (List<Test> conjunction : disjunctiveForm(bracket.comparison())) {
                conjunction(conjunction, out);
                if (out.size() > MAX_ALTERNATIVES) {
                    throw tooMany();
                }
            }
        } else if (observation instanceof ObservationOr or) {
            for (Observation operand : or.operands()) {
                observation(operand, out);
            }
        } else if (observation instanceof ObservationAnd) {
            throw new PatternException("'[...] AND [...]' (two observations together) is not supported");
        } else if (observation instanceof FollowedBy) {
            throw new PatternException("FOLLOWEDBY (a sequence of observations) is not supported");
        } else if (observation instanceof Qualified qualified) {
            throw new PatternException("qualifier " + qualified.qualifier() + " is not supported");
        }
    }

    /** The comparison as an OR of ANDs of tests. */
    private static List<List<Test>> disjunctiveForm(Comparison comparison) {
        if (comparison instanceof Test test) {
            List<List<Test>> single = new ArrayList<>();
            single.add(List.of(test));
            return single;
        }
        if (comparison instanceof Exists) {
            throw new PatternException("EXISTS is not supported");
        }
        if (comparison instanceof ComparisonOr or) {
            List<List<Test>> result = new ArrayList<>();
            for (Comparison operand : or.operands()) {
                result.addAll(disjunctiveForm(operand));
                if (result.size() > MAX_ALTERNATIVES) {
                    throw tooMany();
                }
            }
            return result;
        }
        List<List<Test>> result = new ArrayList<>();
        result.add(List.of());
        for (Comparison operand : ((ComparisonAnd) comparison).operands()) {
            List<List<Test>> rights = disjunctiveForm(operand);
            List<List<Test>> expanded = new ArrayList<>();
            for (List<Test> left : result) {
                for (List<Test> right : rights) {
                    List<Test> joined = new ArrayList<>(left);
                    joined.addAll(right);
                    expanded.add(joined);
                    if (expanded.size() > MAX_ALTERNATIVES) {
                        throw tooMany();
                    }
                }
            }
            result = expanded;
        }
        return result;
    }

    /** One AND of tests: exactly one kind of value (or hashes of one object) and at most one port test. */
    private static void conjunction(List<Test> tests, List<Alternative> out) {
        List<Test> values = new ArrayList<>();
        List<Test> ports = new ArrayList<>();
        for (Test test : tests) {
            if (test.negated()) {
                throw new PatternException("NOT is not supported (" + test.path() + ")");
            }
            if (isPort(test.path())) {
                ports.add(test);
            } else {
                valueType(test.path());
                values.add(test);
            }
        }
        if (values.isEmpty()) {
            throw new PatternException("no observable value to match, only " + tests.get(0).path());
        }
        boolean hashes = values.stream().allMatch(test -> valueType(test.path()).hexLength() > 0);
        if (values.size() > 1) {
            String objectType = values.get(0).path().objectType();
            boolean sameObject = values.stream().allMatch(test -> test.path().objectType().equals(objectType));
            if (!hashes || !sameObject) {
                throw new PatternException("AND of two observable values (" + values.get(0).path() + " and "
                        + values.get(1).path() + ") is not supported: each alternative must name one value");
            }
        }
        if (ports.size() > 1) {
            throw new PatternException("more than one network-traffic:dst_port test in one observation");
        }
        if (!ports.isEmpty() && hashes) {
            throw new PatternException("a destination port applies to addresses and names, not to hashes");
        }
        List<Integer> portValues = ports.isEmpty() ? List.of(Indicator.ANY_PORT) : portValues(ports.get(0));
        for (Test value : values) {
            for (String text : strings(value)) {
                IndicatorType type = resolvedType(value, text);
                for (int port : portValues) {
                    out.add(new Alternative(type, text, port));
                }
            }
        }
    }

    private static boolean isPort(ObjectPath path) {
        return path.objectType().equals("network-traffic") && path.property().equals("dst_port");
    }

    /** The type a path's values have; addresses may still turn out to be ranges. */
    private static IndicatorType valueType(ObjectPath path) {
        String object = path.objectType();
        String property = path.property();
        List<String> steps = path.steps();
        switch (object) {
            case "ipv4-addr", "ipv6-addr" -> {
                if (property.equals("value")) {
                    return IndicatorType.IP;
                }
            }
            case "domain-name" -> {
                if (property.equals("value")) {
                    return IndicatorType.DOMAIN;
                }
            }
            case "url" -> {
                if (property.equals("value")) {
                    return IndicatorType.URL;
                }
            }
            case "network-traffic" -> {
                if (property.equals("dst_ref.value")) {
                    return IndicatorType.IP;
                }
            }
            case "file", "x509-certificate" -> {
                if (steps.size() == 2 && steps.get(0).equals("hashes")) {
                    return hashType(object, steps.get(1));
                }
            }
            default -> {
            }
        }
        throw new PatternException("object path " + FeedText.excerpt(path.toString()) + " is not supported");
    }

    private static IndicatorType hashType(String object, String algorithm) {
        String name = algorithm.toUpperCase(Locale.ROOT).replace("-", "");
        boolean certificate = object.equals("x509-certificate");
        return switch (name) {
            case "MD5" -> {
                if (certificate) {
                    throw new PatternException("x509-certificate MD5 hashes are not indexed");
                }
                yield IndicatorType.MD5;
            }
            case "SHA1" -> certificate ? IndicatorType.CERT_SHA1 : IndicatorType.SHA1;
            case "SHA256" -> certificate ? IndicatorType.CERT_SHA256 : IndicatorType.SHA256;
            default -> throw new PatternException("hash algorithm '" + FeedText.excerpt(algorithm)
                    + "' is not indexed (MD5, SHA-1 and SHA-256 are)");
        };
    }

    /** Addresses written as ranges, or compared with ISSUBSET, are CIDR; a destination may be a name. */
    private static IndicatorType resolvedType(Test test, String value) {
        IndicatorType type = valueType(test.path());
        if (type != IndicatorType.IP) {
            if (test.operator().equals("ISSUBSET")) {
                throw new PatternException("ISSUBSET applies to addresses, not to " + test.path());
            }
            return type;
        }
        boolean destination = test.path().objectType().equals("network-traffic");
        if (destination && io.stagehunt.net.IpAddress.tryParse(value) == null && value.indexOf('/') < 0) {
            return IndicatorType.DOMAIN;
        }
        return value.indexOf('/') >= 0 || test.operator().equals("ISSUBSET") ? IndicatorType.CIDR : IndicatorType.IP;
    }

    private static List<String> strings(Test test) {
        String operator = test.operator();
        if (operator.equals("=") || operator.equals("ISSUBSET")) {
            return List.of(text(test.literal(), test));
        }
        if (operator.equals("IN")) {
            List<String> values = new ArrayList<>();
            for (Literal member : ((Set) test.literal()).members()) {
                values.add(text(member, test));
            }
            return values;
        }
        throw new PatternException("operator " + operator + " is not supported (only =, IN and ISSUBSET)");
    }

    private static String text(Literal literal, Test test) {
        if (literal instanceof Text text) {
            return text.value();
        }
        throw new PatternException(test.path() + " needs a quoted string");
    }

    private static List<Integer> portValues(Test test) {
        List<Literal> literals;
        if (test.operator().equals("=")) {
            literals = List.of(test.literal());
        } else if (test.operator().equals("IN")) {
            literals = ((Set) test.literal()).members();
        } else {
            throw new PatternException("operator " + test.operator() + " on dst_port is not supported (= and IN "
                    + "are)");
        }
        List<Integer> ports = new ArrayList<>();
        for (Literal literal : literals) {
            String text = literal instanceof Number number ? number.text()
                    : literal instanceof Text quoted ? quoted.value().strip() : null;
            int port;
            try {
                port = text == null ? -1 : Integer.parseInt(text);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65_535) {
                throw new PatternException("dst_port " + FeedText.excerpt(String.valueOf(text))
                        + " is not a port number");
            }
            ports.add(port);
        }
        return ports;
    }

    private static PatternException tooMany() {
        return new PatternException("pattern expands to more than " + MAX_ALTERNATIVES + " alternatives");
    }
}
