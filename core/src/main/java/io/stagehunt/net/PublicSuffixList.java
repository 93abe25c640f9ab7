package io.stagehunt.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Public Suffix List (publicsuffix.org), ICANN and private sections, used to find the registered domain of
 * a name: {@code a.b.example.co.uk} → {@code example.co.uk}. Private suffixes count, so each customer of a
 * dynamic-DNS or hosting suffix ({@code evil.duckdns.org}) is its own registered domain.
 *
 * <p>Thread-safe: its one mutable field only remembers the last answer. The bundled list is a snapshot; see
 * {@code NOTICE} for its source and licence.
 */
public final class PublicSuffixList {

    private static final String RESOURCE = "public_suffix_list.dat";
    private static final PublicSuffixList BUNDLED = loadBundled();

    private final Set<String> rules;
    private final Set<String> wildcardParents;
    private final Set<String> exceptions;
    private final Set<String> ancestorsOfRules;
    /** The last name asked about: several detectors ask in turn about the same lookup. */
    private Answer lastAnswer;

    private PublicSuffixList(Set<String> rules, Set<String> wildcardParents, Set<String> exceptions) {
        this.rules = rules;
        this.wildcardParents = wildcardParents;
        this.exceptions = exceptions;
        Set<String> ancestors = new HashSet<>();
        for (Set<String> names : List.of(rules, exceptions)) {
            for (String rule : names) {
                addParents(rule, ancestors);
            }
        }
        for (String parent : wildcardParents) {
            ancestors.add(parent);
            addParents(parent, ancestors);
        }
        this.ancestorsOfRules = Set.copyOf(ancestors);
    }

    private static void addParents(String name, Set<String> ancestors) {
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            ancestors.add(name.substring(dot + 1));
        }
    }

    /** The list shipped with stagehunt. */
    public static PublicSuffixList bundled() {
        return BUNDLED;
    }

    /** Parses a list in the publicsuffix.org file format. */
    public static PublicSuffixList parse(InputStream in) throws IOException {
        Set<String> rules = new HashSet<>();
        Set<String> wildcardParents = new HashSet<>();
        Set<String> exceptions = new HashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String rule = line.strip();
            int space = rule.indexOf(' ');
            if (space >= 0) {
                rule = rule.substring(0, space);
            }
            if (rule.isEmpty() || rule.startsWith("//")) {
                continue;
            }
            if (rule.startsWith("!")) {
                exceptions.add(toAscii(rule.substring(1)));
            } else if (rule.startsWith("*.")) {
                wildcardParents.add(toAscii(rule.substring(2)));
            } else {
                rules.add(toAscii(rule));
            }
        }
        return new PublicSuffixList(Set.copyOf(rules), Set.copyOf(wildcardParents), Set.copyOf(exceptions));
    }

    /**
     * The public suffix of a normalized name (lower case, no trailing dot). A name under no listed suffix has
     * its last label as suffix (the list's default rule {@code *}).
     */
    public String publicSuffix(String name) {
        // From the right, one label at a time: the longest matching rule wins, and a suffix no rule lies below
        // ends the walk, so a long name costs what its last two or three labels cost.
        int start = name.lastIndexOf('.') + 1;
        String candidate = start == 0 ? name : name.substring(start);
        String parent = null;
        String suffix = candidate;
        while (true) {
            if (exceptions.contains(candidate)) {
                suffix = parent == null ? candidate : parent;
            } else if (rules.contains(candidate) || parent != null && wildcardParents.contains(parent)) {
                suffix = candidate;
            }
            if (start == 0 || !ancestorsOfRules.contains(candidate)) {
                return suffix;
            }
            parent = candidate;
            start = name.lastIndexOf('.', start - 2) + 1;
            candidate = start == 0 ? name : name.substring(start);
        }
    }

    /**
     * True when some rule of the list lies below the normalized name ({@code amazonaws.com} has
     * {@code *.compute.amazonaws.com}): only then can a name under it have a longer public suffix than the name
     * itself, so callers may skip {@link #registeredDomain} for names without rules below.
     */
    public boolean hasRulesBelow(String name) {
        return ancestorsOfRules.contains(name);
    }

    /**
     * The registered domain (public suffix plus one label) of a normalized name, or null when the name is
     * itself a public suffix.
     */
    public String registeredDomain(String name) {
        Answer answer = lastAnswer;
        if (answer != null && answer.name.equals(name)) {
            return answer.registeredDomain;
        }
        String registered = computeRegisteredDomain(name);
        lastAnswer = new Answer(name, registered);
        return registered;
    }

    private String computeRegisteredDomain(String name) {
        if (name.isEmpty()) {
            return null;
        }
        String suffix = publicSuffix(name);
        if (suffix.length() >= name.length()) {
            return null;
        }
        int end = name.length() - suffix.length() - 1;
        int dot = name.lastIndexOf('.', end - 1);
        return name.substring(dot + 1);
    }

    /** A name and its registered domain; immutable, so threads sharing the list may race on it safely. */
    private record Answer(String name, String registeredDomain) {
    }

    private static String toAscii(String rule) {
        String lower = rule.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) > 0x7F) {
                try {
                    return IDN.toASCII(lower, IDN.ALLOW_UNASSIGNED);
                } catch (IllegalArgumentException e) {
                    return lower;
                }
            }
        }
        return lower;
    }

    private static PublicSuffixList loadBundled() {
        try (InputStream in = PublicSuffixList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
