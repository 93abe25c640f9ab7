package io.stagehunt.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the list's fast walk against the algorithm as publicsuffix.org states it, on names made from every
 * rule of the bundled list: among the matching rules an exception prevails, else the rule with the most labels,
 * else the default rule {@code *}; an exception loses its leftmost label.
 */
class PublicSuffixListAlgorithmTest {

    private final Set<String> rules = new HashSet<>();
    private final Set<String> wildcardParents = new HashSet<>();
    private final Set<String> exceptions = new HashSet<>();

    @Test
    void agreesWithTheStatedAlgorithmOnNamesBuiltFromEveryRule() throws IOException {
        readBundledRules();
        List<String> names = new ArrayList<>(List.of("", "com", ".com", "a..com", "foo.unknowntld",
                "www.example.com", "x.y.z.example.co.uk"));
        for (String rule : rules) {
            addNamesAround(rule, names);
        }
        for (String parent : wildcardParents) {
            addNamesAround(parent, names);
            addNamesAround("w." + parent, names);
        }
        for (String exception : exceptions) {
            addNamesAround(exception, names);
        }
        PublicSuffixList list = PublicSuffixList.bundled();
        int checked = 0;
        for (String name : names) {
            assertThat(list.publicSuffix(name)).as(name).isEqualTo(statedPublicSuffix(name));
            checked++;
        }
        assertThat(checked).isGreaterThan(30_000);
    }

    @Test
    void remembersNoAnswerAcrossDifferentNames() {
        PublicSuffixList list = PublicSuffixList.bundled();
        assertThat(list.registeredDomain("a.example.co.uk")).isEqualTo("example.co.uk");
        assertThat(list.registeredDomain("a.example.co.uk")).isEqualTo("example.co.uk");
        assertThat(list.registeredDomain(new String("b.example.com"))).isEqualTo("example.com");
        assertThat(list.registeredDomain("co.uk")).isNull();
        assertThat(list.registeredDomain("b.example.com")).isEqualTo("example.com");
    }

    private static void addNamesAround(String suffix, List<String> names) {
        names.add(suffix);
        names.add("x." + suffix);
        names.add("a-b.x." + suffix);
        int dot = suffix.indexOf('.');
        if (dot > 0) {
            names.add(suffix.substring(dot + 1));
        }
    }

    private String statedPublicSuffix(String name) {
        String[] labels = name.split("\\.", -1);
        String longest = null;
        int longestLabels = 0;
        for (int count = 1; count <= labels.length; count++) {
            String suffix = String.join(".", List.of(labels).subList(labels.length - count, labels.length));
            String parent = count == 1 ? null
                    : String.join(".", List.of(labels).subList(labels.length - count + 1, labels.length));
            if (exceptions.contains(suffix)) {
                return parent == null ? suffix : parent;
            }
            boolean matches = rules.contains(suffix) || parent != null && wildcardParents.contains(parent);
            if (matches && count > longestLabels) {
                longest = suffix;
                longestLabels = count;
            }
        }
        return longest != null ? longest : labels[labels.length - 1];
    }

    private void readBundledRules() throws IOException {
        try (InputStream in = PublicSuffixList.class.getResourceAsStream("public_suffix_list.dat")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String rule = line.strip();
                if (rule.isEmpty() || rule.startsWith("//") || !rule.chars().allMatch(c -> c < 0x80)) {
                    continue;
                }
                if (rule.startsWith("!")) {
                    exceptions.add(rule.substring(1));
                } else if (rule.startsWith("*.")) {
                    wildcardParents.add(rule.substring(2));
                } else {
                    rules.add(rule);
                }
            }
        }
    }
}
