package io.stagehunt.detect.network.fanout;

import io.stagehunt.detect.network.measure.EvidenceSample;
import io.stagehunt.detect.network.measure.FingerprintSet;
import io.stagehunt.detect.network.measure.RecencyFilter;
import io.stagehunt.detect.network.measure.WindowHistory;
import io.stagehunt.event.Provenance;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code fanout} state of one host: which destinations it contacted lately (a two-generation filter),
 * which addresses its own lookups returned lately, a ring of its most recent contacts with new destinations,
 * the history of new destinations per active window, and the open episode, if any. Fixed size apart from the
 * episode's bounded sets. Not thread-safe.
 */
final class FanoutHostState implements Serializable {

    static final int DOMAIN = 1;
    static final int FAILED = 2;
    static final int GENERATED = 4;
    static final int EXAMPLES = 5;
    static final int EVIDENCE = 10;

    final RecencyFilter known;
    final RecencyFilter resolved;
    long knownRotateAt;
    long resolvedRotateAt;
    long lastActivity;
    long lastLookup = Long.MIN_VALUE;
    /** The last contact of the latest reported episode: a new episode starts after it, never repeats it. */
    long reportedThrough = Long.MIN_VALUE;

    private final long[] times;
    private final byte[] flags;
    /** The /24 or /48 of an address; the suffix-and-length shape of a domain. */
    private final long[] groups;
    private final int[] ports;
    /** A domain name or an address: written out only for the few that become a finding's examples. */
    private final Object[] destinations;
    private final Provenance[] provenance;
    private int newest = -1;
    private int size;

    long window = Long.MIN_VALUE;
    int windowCount;
    final WindowHistory history;
    Episode episode;

    FanoutHostState(int knownBits, int resolvedBits, int ringSize, int historyWindows) {
        this.known = new RecencyFilter(knownBits);
        this.resolved = new RecencyFilter(resolvedBits);
        this.times = new long[ringSize];
        this.flags = new byte[ringSize];
        this.groups = new long[ringSize];
        this.ports = new int[ringSize];
        this.destinations = new Object[ringSize];
        this.provenance = new Provenance[ringSize];
        this.history = new WindowHistory(historyWindows);
    }

    /**
     * Records a contact with a new destination. {@code group} is the address's network, or the domain's shape
     * (public suffix and label length); {@code port} is 0 for domains.
     */
    void remember(long time, int flag, long group, int port, Object destination, Provenance source) {
        newest = (newest + 1) % times.length;
        times[newest] = time;
        flags[newest] = (byte) flag;
        groups[newest] = group;
        ports[newest] = port;
        destinations[newest] = destination;
        provenance[newest] = source;
        size = Math.min(size + 1, times.length);
    }

    /**
     * New destinations contacted after {@code from}, as far as the ring reaches back. The ring is in arrival
     * order, which is time order up to the sensors' disorder, so the walk stops at the first contact older than
     * {@code from} by more than {@code slack}.
     */
    int countSince(long from, long slack) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            int index = Math.floorMod(newest - i, times.length);
            if (times[index] > from) {
                count++;
            } else if (times[index] <= from - slack) {
                break;
            }
        }
        return count;
    }

    /**
     * Opens an episode holding the ring's contacts after {@code from}, oldest first, and takes the baseline it
     * will be judged against now: the windows the episode fills while open must not raise its own bar.
     */
    void openEpisode(long from) {
        episode = new Episode();
        episode.baselineWindows = history.size();
        episode.baselineMedian = history.size() == 0 ? 0 : history.median();
        episode.baselineMad = history.size() == 0 ? 0 : history.mad();
        for (int i = size - 1; i >= 0; i--) {
            int index = Math.floorMod(newest - i, times.length);
            if (times[index] > from) {
                episode.add(times[index], flags[index], groups[index], ports[index], destinations[index],
                        provenance[index]);
            }
        }
    }

    /** Adds the newest contact to the open episode. */
    void addNewestToEpisode() {
        episode.add(times[newest], flags[newest], groups[newest], ports[newest], destinations[newest],
                provenance[newest]);
    }

    /** A run of contacts with new destinations, dense enough to be a fanout. Bounded sets only. */
    static final class Episode implements Serializable {
        private static final int MAX_NETWORKS = 256;
        private static final int MAX_PORTS = 64;
        private static final int MAX_SHAPES = 64;

        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int peak;
        int domains;
        int addresses;
        int failedDomains;
        int failedAddresses;
        int generated;
        int baselineWindows;
        double baselineMedian;
        double baselineMad;
        final FingerprintSet networks = new FingerprintSet(MAX_NETWORKS);
        final FingerprintSet ports = new FingerprintSet(MAX_PORTS);
        /** Domains per shape (public suffix and label length), for at most {@link #MAX_SHAPES} shapes. */
        final Map<Long, Integer> shapes = new HashMap<>();
        final List<String> examples = new ArrayList<>(EXAMPLES);
        final EvidenceSample evidence = new EvidenceSample(EVIDENCE);

        void add(long time, int flag, long group, int port, Object destination, Provenance source) {
            first = Math.min(first, time);
            last = Math.max(last, time);
            boolean failed = (flag & FAILED) != 0;
            if ((flag & DOMAIN) != 0) {
                domains++;
                failedDomains += failed ? 1 : 0;
                generated += (flag & GENERATED) != 0 ? 1 : 0;
                if (shapes.containsKey(group) || shapes.size() < MAX_SHAPES) {
                    shapes.merge(group, 1, Integer::sum);
                }
            } else {
                addresses++;
                failedAddresses += failed ? 1 : 0;
                networks.add(group);
                ports.add(port + 1L);
            }
            if (examples.size() < EXAMPLES && destination != null) {
                examples.add(destination.toString());
            }
            evidence.offer(source);
        }

        /** How many of the new domains share the most common shape. */
        int largestShapeGroup() {
            int largest = 0;
            for (int count : shapes.values()) {
                largest = Math.max(largest, count);
            }
            return largest;
        }
    }
}
