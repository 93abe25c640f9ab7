package io.stagehunt.intel;

import io.stagehunt.net.Cidr;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.PublicSuffixList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values known to be benign or shared infrastructure (MISP warninglists, top-site lists): the context that
 * turns an intel hit on {@code www.google.com} into a likely false positive, and that any detector may consult
 * to lower a score ({@link #contains(String)}, {@link #contains(IpAddress)}).
 *
 * <p>Names follow the warninglist match types: {@link Match#EXACT} names match only themselves,
 * {@link Match#DOMAIN} names also match the names below them, but
 * only down from the registered domain of the looked-up name: a name under a public suffix belongs to whoever
 * registered it, not to the list's vendor, so listing a dynamic-DNS or hosting suffix ({@code duckdns.org},
 * {@code akamai.net}) never vouches for its customers. {@link Match#SUBSTRING} entries match names that
 * contain them. Addresses match by CIDR range. Immutable and thread-safe once built.
 */
public final class BenignList {

    private static final BenignList EMPTY = builder(PublicSuffixList.bundled()).build();

    private final KeyTable exact;
    private final DomainTable domains;
    private final List<String> substrings;
    private final List<Integer> substringLists;
    private final RangeTable ranges;
    private final List<String> listNames;
    private final Map<String, Integer> countsByList;

    private BenignList(Builder builder) {
        this.exact = builder.exact;
        this.domains = builder.domains;
        this.substrings = List.copyOf(builder.substrings);
        this.substringLists = List.copyOf(builder.substringLists);
        this.ranges = builder.ranges.build();
        this.listNames = List.copyOf(builder.listNames);
        this.countsByList = Collections.unmodifiableMap(new LinkedHashMap<>(builder.countsByList));
    }

    /** How a listed name matches. */
    public enum Match {
        /** Only the same name (warninglist type {@code string}). */
        EXACT,
        /** The name and the names below it (warninglist type {@code hostname}, top-site lists). */
        DOMAIN,
        /** Any name containing the entry (warninglist type {@code substring}). */
        SUBSTRING
    }

    public static Builder builder(PublicSuffixList suffixes) {
        return new Builder(suffixes);
    }

    public static BenignList empty() {
        return EMPTY;
    }

    public boolean contains(String domain) {
        return listOf(domain) != null;
    }

    public boolean contains(IpAddress address) {
        return listOf(address) != null;
    }

    /** The name of the first list holding the domain (or a domain it belongs to), or null. */
    public String listOf(String domain) {
        if (domain == null || domain.isEmpty()) {
            return null;
        }
        String name = domain;
        for (int i = 0; i < domain.length(); i++) {
            if (domain.charAt(i) >= 0x80) {
                try {
                    name = Observables.domain(domain);
                } catch (IllegalArgumentException e) {
                    return null;
                }
                break;
            }
        }
        if (exact.size() > 0) {
            int key = exact.find(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
            if (key >= 0) {
                return listNames.get(exact.value(key));
            }
        }
        if (domains.size() > 0) {
            int[] hits = domains.walk(name);
            if (hits != null && hits != DomainTable.NOT_ASCII) {
                return listNames.get(domains.value(hits[1]));
            }
        }
        for (int i = 0; i < substrings.size(); i++) {
            if (name.contains(substrings.get(i))) {
                return listNames.get(substringLists.get(i));
            }
        }
        return null;
    }

    /** The name of the list holding the address (the innermost range's list), or null. */
    public String listOf(IpAddress address) {
        if (address == null || ranges.size() == 0) {
            return null;
        }
        int range = ranges.innermost(address);
        return range < 0 ? null : listNames.get(ranges.value(range));
    }

    public boolean isEmpty() {
        return countsByList.isEmpty();
    }

    /** Entries per list, lists in loading order. */
    public Map<String, Integer> countsByList() {
        return countsByList;
    }

    /** Collects benign entries; the first list to name a value is the one reported. Not thread-safe. */
    public static final class Builder {
        private final KeyTable exact = new KeyTable(1024, true);
        private final DomainTable domains;
        private final List<String> substrings = new ArrayList<>();
        private final List<Integer> substringLists = new ArrayList<>();
        private final RangeTable.Builder ranges = new RangeTable.Builder();
        private final List<String> listNames = new ArrayList<>();
        private final Map<String, Integer> listIds = new HashMap<>();
        private final Map<String, Integer> countsByList = new LinkedHashMap<>();

        private Builder(PublicSuffixList suffixes) {
            this.domains = new DomainTable(1024, suffixes);
        }

        /**
         * Adds a name; throws {@link IllegalArgumentException} when it is not one. A leading dot ({@code
         * .example.com}, as warninglists write "and below") is dropped; the match type says what it covers.
         */
        public void addName(String value, Match match, String list) {
            int id = listId(list);
            String text = value.strip();
            if (match == Match.SUBSTRING) {
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("empty substring");
                }
                substrings.add(text.toLowerCase(java.util.Locale.ROOT));
                substringLists.add(id);
            } else {
                String name = Observables.domain(text.startsWith(".") ? text.substring(1) : text);
                if (match == Match.EXACT) {
                    exact.add(name, id);
                } else {
                    domains.add(name, id);
                }
            }
            countsByList.merge(list, 1, Integer::sum);
        }

        /** Adds an address or CIDR range; throws {@link IllegalArgumentException} when it is neither. */
        public void addRange(String value, String list) {
            Cidr range;
            try {
                range = Cidr.parse(value.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + FeedText.excerpt(value) + "' is not an address or range");
            }
            ranges.add(range, listId(list));
            countsByList.merge(list, 1, Integer::sum);
        }

        public BenignList build() {
            exact.trim();
            domains.trim();
            return new BenignList(this);
        }

        private int listId(String list) {
            return listIds.computeIfAbsent(list, name -> {
                listNames.add(name);
                return listNames.size() - 1;
            });
        }
    }
}
