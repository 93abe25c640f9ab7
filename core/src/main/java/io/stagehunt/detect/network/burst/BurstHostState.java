package io.stagehunt.detect.network.burst;

import io.stagehunt.detect.network.measure.EvidenceSample;
import io.stagehunt.detect.network.measure.FingerprintSet;
import io.stagehunt.detect.network.measure.RecencyFilter;
import io.stagehunt.detect.network.measure.RecentNames;
import io.stagehunt.event.Provenance;
import io.stagehunt.net.IpAddress;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code burst-then-sustained} state machine of one host. Always: a two-generation filter of the
 * destinations it contacted before any pending burst. While attempts come: the open burst. After a valid
 * burst: up to {@code maxPendingBursts} bursts waiting for sustained communication, and up to
 * {@code maxCandidates} destinations the host has connected to since, each with its timing. Bounded by those
 * caps and the fixed filters. Not thread-safe.
 */
final class BurstHostState implements Serializable {

    static final int EVIDENCE = 5;
    static final int EXAMPLES = 3;
    static final int NAMES = 64;

    /** Destinations contacted before the earliest pending burst. */
    final RecencyFilter contactedBefore;
    /** Destinations contacted while bursts are pending; folded into {@link #contactedBefore} when none is. */
    final RecencyFilter contactedSince;
    long rotateAt;
    final long watchedSince;
    long lastActivity;
    long noveltyTime = Long.MIN_VALUE;
    double recentConnections;
    double recentNew;
    Burst open;
    final List<Burst> pending = new ArrayList<>();
    final Map<Long, Candidate> candidates = new HashMap<>();
    /** Names the host gave addresses while bursts waited (TLS server names, Host headers): the sequel's name. */
    final RecentNames names = new RecentNames(NAMES);

    BurstHostState(long time, int filterBits) {
        this.contactedBefore = new RecencyFilter(filterBits);
        this.contactedSince = new RecencyFilter(filterBits);
        this.watchedSince = time;
        this.lastActivity = time;
    }

    boolean waiting() {
        return open != null || !pending.isEmpty();
    }

    /** The earliest start among the open and pending bursts, or MAX when none. */
    long earliestBurstStart() {
        long earliest = open != null ? open.first : Long.MAX_VALUE;
        for (Burst burst : pending) {
            earliest = Math.min(earliest, burst.first);
        }
        return earliest;
    }

    /** One run of attempts with gaps shorter than the burst window. */
    static final class Burst implements Serializable {
        final long first;
        long last;
        int attempts;
        int failed;
        int cutShort;
        final FingerprintSet targets;
        final FingerprintSet ports = new FingerprintSet(64);
        final List<String> examples = new ArrayList<>(EXAMPLES);
        final EvidenceSample evidence = new EvidenceSample(EVIDENCE);
        /** Start times of the latest attempts, to tell whether enough of them fell within one window. */
        private final long[] latest;
        private int latestCount;
        boolean dense;

        Burst(long first, int maxTargets, int densityAttempts) {
            this.first = first;
            this.last = first;
            this.targets = new FingerprintSet(maxTargets + 1);
            this.latest = new long[densityAttempts];
        }

        void add(long time, long target, int port, boolean refusedOrUnanswered, String example,
                Provenance provenance, long windowMicros) {
            last = Math.max(last, time);
            attempts++;
            if (refusedOrUnanswered) {
                failed++;
            } else {
                cutShort++;
            }
            if (targets.add(target) && examples.size() < EXAMPLES) {
                examples.add(example);
            }
            ports.add(port + 1L);
            evidence.offer(provenance);
            latest[latestCount % latest.length] = time;
            latestCount++;
            if (latestCount >= latest.length) {
                long[] sorted = Arrays.copyOf(latest, latest.length);
                Arrays.sort(sorted);
                dense |= sorted[sorted.length - 1] - sorted[0] <= windowMicros;
            }
        }
    }

    /** A destination the host connected to since a burst began, with the timing of those connections. */
    static final class Candidate implements Serializable {
        private static final int STARTS = 32;

        final IpAddress address;
        final int port;
        final long fingerprint;
        final boolean knownBefore;
        int connections;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        /** When the latest-ending connection ended (its start, when its duration is unknown). */
        long lastEnd = Long.MIN_VALUE;
        long longest;
        boolean longestOpen;
        private final long[] starts = new long[STARTS];
        private int startCount;
        final EvidenceSample evidence = new EvidenceSample(EVIDENCE);

        Candidate(IpAddress address, int port, long fingerprint, boolean knownBefore) {
            this.address = address;
            this.port = port;
            this.fingerprint = fingerprint;
            this.knownBefore = knownBefore;
        }

        void add(long start, long duration, boolean open, Provenance provenance) {
            connections++;
            first = Math.min(first, start);
            last = Math.max(last, start);
            lastEnd = Math.max(lastEnd, start + Math.max(0, duration));
            if (duration > longest) {
                longest = duration;
                longestOpen = open;
            }
            starts[startCount % STARTS] = start;
            startCount++;
            evidence.offer(provenance);
        }

        /** The intervals between consecutive starts among the latest ones, in time order. */
        long[] intervals() {
            int kept = Math.min(startCount, STARTS);
            long[] sorted = Arrays.copyOf(starts, kept);
            Arrays.sort(sorted);
            long[] gaps = new long[Math.max(0, kept - 1)];
            for (int i = 1; i < kept; i++) {
                gaps[i - 1] = sorted[i] - sorted[i - 1];
            }
            return gaps;
        }
    }
}
