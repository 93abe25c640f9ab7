package io.stagehunt.intel;

import io.stagehunt.net.Cidr;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.PublicSuffixList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every loaded indicator, indexed for the questions detectors ask of each event: is this name, or a domain it
 * belongs to, listed; is this address listed, or inside a listed range; is this URL, hash or TLS fingerprint
 * listed. Domains match their subdomains down from the registered domain (Public Suffix List), addresses match
 * exactly and by CIDR (sorted segments), URLs after {@link Observables#url normalization}, hashes by algorithm.
 *
 * <p>Indicators are held column-wise in primitive arrays and their values in byte pools, so a million take tens
 * of megabytes; a lookup that finds nothing allocates nothing. Immutable once built and thread-safe.
 */
public final class IndicatorIndex {

    private static final IndicatorIndex EMPTY = builder(PublicSuffixList.bundled()).build();
    /** Marks a domain key listed by one indicator only, so that a hit needs not read the chain. */
    private static final int SINGLE = 1 << 29;
    private static final int MAX_INDICATORS = SINGLE;

    private final DomainTable domains;
    private final KeyTable urls;
    private final KeyTable md5;
    private final KeyTable sha1;
    private final KeyTable sha256;
    private final KeyTable ja3;
    private final KeyTable ja3s;
    private final AddressTable addresses;
    private final RangeTable ranges;
    private final Columns columns;
    private final Attribution[] attributions;
    private final Map<IndicatorType, Integer> countsByType;
    private final Map<String, Map<IndicatorType, Integer>> countsByFeed;

    private IndicatorIndex(Builder builder) {
        this.domains = builder.domains;
        this.urls = builder.urls;
        this.md5 = builder.md5;
        this.sha1 = builder.sha1;
        this.sha256 = builder.sha256;
        this.ja3 = builder.ja3;
        this.ja3s = builder.ja3s;
        this.addresses = builder.addresses;
        this.ranges = builder.ranges.build();
        this.columns = builder.columns;
        this.attributions = builder.attributions.toArray(new Attribution[0]);
        this.countsByType = Collections.unmodifiableMap(new EnumMap<>(builder.countsByType));
        Map<String, Map<IndicatorType, Integer>> byFeed = new TreeMap<>();
        builder.countsByFeed.forEach((feed, counts) ->
                byFeed.put(feed, Collections.unmodifiableMap(new EnumMap<>(counts))));
        this.countsByFeed = Collections.unmodifiableMap(byFeed);
        for (int key = 0; key < domains.size(); key++) {
            int head = domains.value(key);
            if (columns.next[head] < 0) {
                domains.setValue(key, head | SINGLE);
            }
        }
    }

    public static Builder builder(PublicSuffixList suffixes) {
        return new Builder(suffixes);
    }

    /** An index with no indicators. */
    public static IndicatorIndex empty() {
        return EMPTY;
    }

    /** Indicators of {@code name} and of the domains it belongs to, down from its registered domain. */
    public List<IntelMatch> matchDomain(String name) {
        if (domains.size() == 0 || name == null || name.isEmpty()) {
            return List.of();
        }
        int[] hits = domains.walk(name);
        if (hits == DomainTable.NOT_ASCII) {
            try {
                hits = domains.walk(Observables.domain(name));
            } catch (IllegalArgumentException e) {
                return List.of();
            }
        }
        if (hits == null) {
            return List.of();
        }
        List<IntelMatch> matches = new ArrayList<>(hits[0] + 1);
        for (int i = 0; i < hits[0]; i++) {
            IntelMatch.Relation relation = hits[2 + 2 * i] == 0 ? IntelMatch.Relation.EXACT
                    : IntelMatch.Relation.SUBDOMAIN;
            addChain(domains.value(hits[1 + 2 * i]), name, relation, matches);
        }
        return matches;
    }

    /** Indicators of this exact address and of the listed ranges holding it. */
    public List<IntelMatch> matchAddress(IpAddress address) {
        if (address == null) {
            return List.of();
        }
        List<IntelMatch> matches = null;
        if (addresses.size() > 0) {
            int key = addresses.find(address);
            if (key >= 0) {
                matches = new ArrayList<>(2);
                addChain(addresses.value(key), address, IntelMatch.Relation.EXACT, matches);
            }
        }
        if (ranges.size() > 0) {
            for (int range = ranges.innermost(address); range >= 0; range = ranges.parent(range)) {
                if (matches == null) {
                    matches = new ArrayList<>(2);
                }
                addChain(ranges.value(range), address, IntelMatch.Relation.IN_RANGE, matches);
            }
        }
        return matches == null ? List.of() : matches;
    }

    /** Indicators of this URL, compared in normal form; nothing when the text is not a URL. */
    public List<IntelMatch> matchUrl(String url) {
        if (urls.size() == 0 || url == null) {
            return List.of();
        }
        String normalized;
        try {
            normalized = Observables.url(url);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return exact(urls, normalized, url);
    }

    /** Indicators of a file or certificate hash, the algorithm told by its length (MD5, SHA-1, SHA-256). */
    public List<IntelMatch> matchHash(String hex) {
        if (hex == null) {
            return List.of();
        }
        String bare = hex.indexOf(':') >= 0 ? hex.replace(":", "") : hex;
        return switch (bare.length()) {
            case 32 -> exact(md5, bare, hex);
            case 40 -> exact(sha1, bare, hex);
            case 64 -> exact(sha256, bare, hex);
            default -> List.of();
        };
    }

    /** Indicators of a TLS client fingerprint. */
    public List<IntelMatch> matchJa3(String hash) {
        return hash == null ? List.of() : exact(ja3, hash, hash);
    }

    /** Indicators of a TLS server fingerprint. */
    public List<IntelMatch> matchJa3s(String hash) {
        return hash == null ? List.of() : exact(ja3s, hash, hash);
    }

    /** True when at least one indicator of the type is loaded: lets callers skip work for absent types. */
    public boolean has(IndicatorType type) {
        return countsByType.getOrDefault(type, 0) > 0;
    }

    public int size() {
        return columns.size;
    }

    public boolean isEmpty() {
        return columns.size == 0;
    }

    public Map<IndicatorType, Integer> countsByType() {
        return countsByType;
    }

    /** Indicator counts per feed and type, feeds in name order. */
    public Map<String, Map<IndicatorType, Integer>> countsByFeed() {
        return countsByFeed;
    }

    /** An estimate of the memory the index holds, for reports. */
    public long bytesUsed() {
        long tables = domains.bytesUsed() + urls.bytesUsed() + md5.bytesUsed() + sha1.bytesUsed()
                + sha256.bytesUsed() + ja3.bytesUsed() + ja3s.bytesUsed() + addresses.bytesUsed()
                + ranges.bytesUsed();
        return tables + columns.bytesUsed();
    }

    private List<IntelMatch> exact(KeyTable table, String key, String observed) {
        if (table.size() == 0) {
            return List.of();
        }
        int found = table.find(key);
        if (found < 0) {
            return List.of();
        }
        List<IntelMatch> matches = new ArrayList<>(2);
        addChain(table.value(found), observed, IntelMatch.Relation.EXACT, matches);
        return matches;
    }

    /** Adds the indicators of one key in the order they were loaded (chains are built newest first). */
    private void addChain(int head, Object observed, IntelMatch.Relation relation, List<IntelMatch> matches) {
        if ((head & SINGLE) != 0) {
            matches.add(new IntelMatch(this, head & ~SINGLE, observed, relation));
            return;
        }
        int start = matches.size();
        for (int id = head; id >= 0; id = columns.next[id]) {
            matches.add(new IntelMatch(this, id, observed, relation));
        }
        if (matches.size() - start > 1) {
            Collections.reverse(matches.subList(start, matches.size()));
        }
    }

    IndicatorType typeOf(int id) {
        return IndicatorType.values()[columns.types[id]];
    }

    int portOf(int id) {
        return columns.ports[id];
    }

    Freshness freshnessOf(int id, DecayPolicy policy, long eventMicros) {
        return policy.assess(typeOf(id), columns.firstSeen[id], columns.lastSeen[id], columns.validUntil[id],
                eventMicros);
    }

    Indicator indicator(int id) {
        IndicatorType type = IndicatorType.values()[columns.types[id]];
        int key = columns.keys[id];
        String value = switch (type) {
            case IP -> addresses.key(key).toString();
            case CIDR -> ranges.key(key).toString();
            default -> keyOf(type, key);
        };
        return new Indicator(type, value, columns.ports[id], attributions[columns.attributions[id]],
                columns.confidences[id], columns.firstSeen[id], columns.lastSeen[id], columns.validUntil[id],
                columns.references == null ? null : columns.references[id]);
    }

    private String keyOf(IndicatorType type, int key) {
        return type == IndicatorType.DOMAIN ? domains.key(key)
                : tableOf(type, urls, md5, sha1, sha256, ja3, ja3s).key(key);
    }

    private static KeyTable tableOf(IndicatorType type, KeyTable urls, KeyTable md5, KeyTable sha1,
            KeyTable sha256, KeyTable ja3, KeyTable ja3s) {
        return switch (type) {
            case URL -> urls;
            case MD5 -> md5;
            case SHA1, CERT_SHA1 -> sha1;
            case SHA256, CERT_SHA256 -> sha256;
            case JA3 -> ja3;
            case JA3S -> ja3s;
            case IP, CIDR, DOMAIN -> throw new IllegalArgumentException(type.label() + " has its own table");
        };
    }

    /** Indicator fields column by column; {@code next} chains the indicators sharing a key. */
    private static final class Columns {
        byte[] types = new byte[1024];
        int[] keys = new int[1024];
        int[] attributions = new int[1024];
        byte[] confidences = new byte[1024];
        int[] ports = new int[1024];
        long[] firstSeen = new long[1024];
        long[] lastSeen = new long[1024];
        long[] validUntil = new long[1024];
        String[] references;
        int[] next = new int[1024];
        int size;

        int append(Indicator indicator, int type, int key, int attribution, int chainHead) {
            if (size == types.length) {
                int capacity = size * 2;
                types = Arrays.copyOf(types, capacity);
                keys = Arrays.copyOf(keys, capacity);
                attributions = Arrays.copyOf(attributions, capacity);
                confidences = Arrays.copyOf(confidences, capacity);
                ports = Arrays.copyOf(ports, capacity);
                firstSeen = Arrays.copyOf(firstSeen, capacity);
                lastSeen = Arrays.copyOf(lastSeen, capacity);
                validUntil = Arrays.copyOf(validUntil, capacity);
                next = Arrays.copyOf(next, capacity);
                if (references != null) {
                    references = Arrays.copyOf(references, capacity);
                }
            }
            int id = size++;
            types[id] = (byte) type;
            keys[id] = key;
            attributions[id] = attribution;
            confidences[id] = (byte) indicator.confidence();
            ports[id] = indicator.port();
            firstSeen[id] = indicator.firstSeenMicros();
            lastSeen[id] = indicator.lastSeenMicros();
            validUntil[id] = indicator.validUntilMicros();
            next[id] = chainHead;
            if (indicator.reference() != null) {
                if (references == null) {
                    references = new String[types.length];
                }
                references[id] = indicator.reference();
            }
            return id;
        }

        void trim() {
            types = Arrays.copyOf(types, size);
            keys = Arrays.copyOf(keys, size);
            attributions = Arrays.copyOf(attributions, size);
            confidences = Arrays.copyOf(confidences, size);
            ports = Arrays.copyOf(ports, size);
            firstSeen = Arrays.copyOf(firstSeen, size);
            lastSeen = Arrays.copyOf(lastSeen, size);
            validUntil = Arrays.copyOf(validUntil, size);
            next = Arrays.copyOf(next, size);
            if (references != null) {
                references = Arrays.copyOf(references, size);
            }
        }

        long bytesUsed() {
            long perIndicator = 1 + 4 + 4 + 1 + 4 + 8 + 8 + 8 + 4 + (references == null ? 0 : 4);
            return perIndicator * types.length;
        }
    }

    /**
     * Collects indicators, normalizing each value; throws {@link IllegalArgumentException} with a one-line
     * reason for a value that is not of its type. Not thread-safe; build once.
     */
    public static final class Builder {
        private final DomainTable domains;
        private final KeyTable urls = new KeyTable(1024, false);
        private final KeyTable md5 = new KeyTable(256, true);
        private final KeyTable sha1 = new KeyTable(256, true);
        private final KeyTable sha256 = new KeyTable(256, true);
        private final KeyTable ja3 = new KeyTable(16, true);
        private final KeyTable ja3s = new KeyTable(16, true);
        private final AddressTable addresses = new AddressTable(1024);
        private final RangeTable.Builder ranges = new RangeTable.Builder();
        private final Columns columns = new Columns();
        private final List<Attribution> attributions = new ArrayList<>();
        private final Map<Attribution, Integer> attributionIds = new HashMap<>();
        private final Map<IndicatorType, Integer> countsByType = new EnumMap<>(IndicatorType.class);
        private final Map<String, Map<IndicatorType, Integer>> countsByFeed = new HashMap<>();
        private boolean built;

        private Builder(PublicSuffixList suffixes) {
            this.domains = new DomainTable(1024, suffixes);
        }

        /** Adds an indicator; its value may be in any spelling of its type. Returns the stored type. */
        public IndicatorType add(Indicator indicator) {
            if (built) {
                throw new IllegalStateException("the index is already built");
            }
            if (columns.size >= MAX_INDICATORS) {
                throw new IllegalStateException("more than " + MAX_INDICATORS + " indicators in one index");
            }
            IndicatorType type = indicator.type();
            String value = indicator.value().strip();
            int key;
            int head;
            if (type == IndicatorType.IP || type == IndicatorType.CIDR) {
                Cidr range = value.indexOf('/') >= 0 ? parseRange(value) : new Cidr(Observables.address(value),
                        128);
                type = Observables.rangeType(range);
                if (type == IndicatorType.IP) {
                    key = addresses.add(range.first(), -1);
                    head = addresses.value(key);
                } else {
                    key = ranges.add(range, -1);
                    head = ranges.value(key);
                }
            } else if (type == IndicatorType.DOMAIN) {
                key = domains.add(Observables.domain(value), -1);
                head = domains.value(key);
            } else {
                KeyTable table = tableOf(type, urls, md5, sha1, sha256, ja3, ja3s);
                key = table.add(Observables.normalize(type, value), -1);
                head = table.value(key);
            }
            int id = columns.append(indicator, type.ordinal(), key, attributionId(indicator.attribution()), head);
            switch (type) {
                case IP -> addresses.setValue(key, id);
                case CIDR -> ranges.setValue(key, id);
                case DOMAIN -> domains.setValue(key, id);
                default -> tableOf(type, urls, md5, sha1, sha256, ja3, ja3s).setValue(key, id);
            }
            countsByType.merge(type, 1, Integer::sum);
            countsByFeed.computeIfAbsent(indicator.attribution().feed(), feed -> new EnumMap<>(IndicatorType.class))
                    .merge(type, 1, Integer::sum);
            return type;
        }

        public int size() {
            return columns.size;
        }

        public IndicatorIndex build() {
            built = true;
            domains.trim();
            for (KeyTable table : List.of(urls, md5, sha1, sha256, ja3, ja3s)) {
                table.trim();
            }
            addresses.trim();
            columns.trim();
            return new IndicatorIndex(this);
        }

        private static Cidr parseRange(String value) {
            try {
                return Cidr.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + FeedText.excerpt(value) + "' is not an address range");
            }
        }

        private int attributionId(Attribution attribution) {
            Integer id = attributionIds.get(attribution);
            if (id == null) {
                id = attributions.size();
                attributions.add(attribution);
                attributionIds.put(attribution, id);
            }
            return id;
        }
    }
}
