package io.stagehunt.refine;

import io.stagehunt.net.Cidr;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Known-benign destinations: domain names (exact, or a domain with its subdomains), substrings, patterns and
 * address ranges. Every entry remembers the list it came from, so a hit can be shown to an analyst with the
 * list's name and the entry that matched, and lowers a finding's score by that list's reduction.
 *
 * <p>Built with {@link Builder}, usually through {@link AllowlistFiles}. Immutable and thread-safe once built.
 */
public final class Allowlist {

    /** Where entries came from: a list's name, where it was taken from, and how many score points a hit removes. */
    public record Source(String name, String origin, double reduction) {

        public Source {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an allowlist needs a name");
            }
            if (!(reduction >= 0 && reduction <= 1)) {
                throw new IllegalArgumentException("reduction of '" + name + "' must be 0..1: " + reduction);
            }
        }
    }

    /** One hit: the value looked up, the entry as written in its list, and the list. */
    public record Match(String value, String entry, Source source) {
    }

    private static final Allowlist EMPTY = new Builder().build();

    private final Map<String, Entry> exactNames;
    private final Map<String, Entry> namesWithSubdomains;
    private final Map<String, Entry> subdomainsOnly;
    private final List<Entry> substrings;
    private final List<PatternEntry> patterns;
    /** Address ranges grouped by prefix length, longest first, so the most specific range wins. */
    private final TreeMap<Integer, Map<IpAddress, Entry>> rangesByLength;
    private final List<Source> sources;

    private Allowlist(Builder builder) {
        this.exactNames = Map.copyOf(builder.exactNames);
        this.namesWithSubdomains = Map.copyOf(builder.namesWithSubdomains);
        this.subdomainsOnly = Map.copyOf(builder.subdomainsOnly);
        this.substrings = List.copyOf(builder.substrings);
        this.patterns = List.copyOf(builder.patterns);
        TreeMap<Integer, Map<IpAddress, Entry>> ranges = new TreeMap<>(java.util.Comparator.reverseOrder());
        builder.rangesByLength.forEach((length, map) -> ranges.put(length, Map.copyOf(map)));
        this.rangesByLength = ranges;
        this.sources = List.copyOf(builder.sources);
    }

    public static Allowlist empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The lists this allowlist was built from, in the order they were added. */
    public List<Source> sources() {
        return sources;
    }

    public int size() {
        int ranges = 0;
        for (Map<IpAddress, Entry> map : rangesByLength.values()) {
            ranges += map.size();
        }
        return exactNames.size() + namesWithSubdomains.size() + subdomainsOnly.size() + substrings.size()
                + patterns.size() + ranges;
    }

    /**
     * The entry that allows this domain name, or null. Exact entries win over suffix entries, and a longer
     * (more specific) suffix over a shorter one.
     */
    public Match matchDomain(String domain) {
        String name = DomainName.normalize(domain);
        if (name == null) {
            return null;
        }
        Entry exact = exactNames.get(name);
        if (exact != null) {
            return new Match(name, exact.text, exact.source);
        }
        Entry self = namesWithSubdomains.get(name);
        if (self != null) {
            return new Match(name, self.text, self.source);
        }
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            String parent = name.substring(dot + 1);
            Entry suffix = namesWithSubdomains.get(parent);
            if (suffix == null) {
                suffix = subdomainsOnly.get(parent);
            }
            if (suffix != null) {
                return new Match(name, suffix.text, suffix.source);
            }
        }
        for (Entry substring : substrings) {
            if (name.contains(substring.text)) {
                return new Match(name, substring.text, substring.source);
            }
        }
        for (PatternEntry pattern : patterns) {
            if (pattern.pattern.matcher(name).find()) {
                return new Match(name, pattern.entry.text, pattern.entry.source);
            }
        }
        return null;
    }

    /** The most specific range that allows this address, or null. */
    public Match matchAddress(IpAddress address) {
        if (address == null) {
            return null;
        }
        for (Map.Entry<Integer, Map<IpAddress, Entry>> group : rangesByLength.entrySet()) {
            IpAddress base = new Cidr(address, group.getKey()).base();
            Entry entry = group.getValue().get(base);
            if (entry != null) {
                return new Match(address.toString(), entry.text, entry.source);
            }
        }
        return null;
    }

    private record Entry(String text, Source source) {
    }

    private record PatternEntry(Pattern pattern, Entry entry) {
    }

    /**
     * Collects entries. The first list to name an entry keeps it, so lists added first take precedence in what a
     * hit reports. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, Entry> exactNames = new HashMap<>();
        private final Map<String, Entry> namesWithSubdomains = new HashMap<>();
        private final Map<String, Entry> subdomainsOnly = new HashMap<>();
        private final List<Entry> substrings = new ArrayList<>();
        private final List<PatternEntry> patterns = new ArrayList<>();
        private final Map<Integer, Map<IpAddress, Entry>> rangesByLength = new HashMap<>();
        private final List<Source> sources = new ArrayList<>();

        private Builder() {
        }

        /** Registers a list; entries added with it should name the same source. */
        public Builder source(Source source) {
            if (!sources.contains(source)) {
                sources.add(source);
            }
            return this;
        }

        /** Allows exactly this name; {@code written} is the entry as its list spells it. */
        public Builder exactName(String name, String written, Source source) {
            exactNames.putIfAbsent(requireName(name), new Entry(written, source(source, written)));
            return this;
        }

        /** Allows this name and every name under it. */
        public Builder nameWithSubdomains(String name, String written, Source source) {
            namesWithSubdomains.putIfAbsent(requireName(name), new Entry(written, source(source, written)));
            return this;
        }

        /** Allows every name strictly under this one, not the name itself ({@code *.example.com}). */
        public Builder subdomainsOf(String name, String written, Source source) {
            subdomainsOnly.putIfAbsent(requireName(name), new Entry(written, source(source, written)));
            return this;
        }

        /** Allows every name containing this text. */
        public Builder substring(String text, Source source) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("empty substring entry");
            }
            substrings.add(new Entry(text.toLowerCase(Locale.ROOT), source(source, text)));
            return this;
        }

        /** Allows every name in which this regular expression finds a match. */
        public Builder pattern(String regex, Source source) {
            patterns.add(new PatternEntry(Pattern.compile(regex, Pattern.CASE_INSENSITIVE),
                    new Entry(regex, source(source, regex))));
            return this;
        }

        /** Allows every address in the range. */
        public Builder range(Cidr range, String written, Source source) {
            rangesByLength.computeIfAbsent(range.prefixLength(), length -> new HashMap<>())
                    .putIfAbsent(range.base(), new Entry(written, source(source, written)));
            return this;
        }

        public Allowlist build() {
            return new Allowlist(this);
        }

        private Source source(Source source, String entry) {
            if (source == null) {
                throw new IllegalArgumentException("entry '" + entry + "' has no list");
            }
            source(source);
            return source;
        }

        private static String requireName(String name) {
            String normalized = DomainName.normalize(name);
            if (normalized == null || normalized.contains("*")) {
                throw new IllegalArgumentException("not a domain name: '" + name + "'");
            }
            return normalized;
        }
    }
}
