package io.stagehunt.detect.network.dns;

import io.stagehunt.detect.network.measure.EvidenceSample;
import io.stagehunt.detect.network.measure.FingerprintSet;
import io.stagehunt.detect.network.measure.WindowHistory;
import java.io.Serializable;

/**
 * The {@code dns-surge} state of one host: counters of the current window, the histories of its earlier active
 * windows (fixed length), and which other internal hosts use it as resolver or proxy. Bounded by the history length
 * and the per-window distinct-domain cap. Not thread-safe.
 */
final class SurgeHostState implements Serializable {

    static final int EVIDENCE = 8;
    private static final int MAX_SERVED_CLIENTS = 64;

    /** Index of the current window: its start divided by the window length. */
    long window;
    /** Windows with queries closed so far: the warm-up counts these. */
    long activeWindowsClosed;
    /** The last window in which the host made a query or served a client: state expires counting from it. */
    long lastUseWindow;
    long queries;
    long nxdomain;
    long generated;
    final FingerprintSet domains;
    final EvidenceSample evidence = new EvidenceSample(EVIDENCE);
    final WindowHistory queryHistory;
    final WindowHistory domainHistory;
    final WindowHistory nxHistory;
    final WindowHistory generatedHistory;
    final FingerprintSet servedClients = new FingerprintSet(MAX_SERVED_CLIENTS);
    boolean resolvesForClients;
    long servedWindows;
    long lastServedWindow = Long.MIN_VALUE;

    SurgeHostState(long window, int historyWindows, int maxDomainsPerWindow) {
        this.window = window;
        this.lastUseWindow = window;
        this.domains = new FingerprintSet(maxDomainsPerWindow);
        this.queryHistory = new WindowHistory(historyWindows);
        this.domainHistory = new WindowHistory(historyWindows);
        this.nxHistory = new WindowHistory(historyWindows);
        this.generatedHistory = new WindowHistory(historyWindows);
    }

    boolean windowHasQueries() {
        return queries > 0;
    }

    /**
     * Ends the current window and moves to window {@code next}. Only windows that held queries enter the
     * histories: the baseline says how much DNS the host makes when it is active, so a host that is quiet
     * most of the time does not look like it surges every time it is used.
     */
    void moveTo(long next) {
        if (queries > 0) {
            queryHistory.push(queries);
            domainHistory.push(domains.size());
            nxHistory.push(nxdomain);
            generatedHistory.push(generated);
            activeWindowsClosed++;
        }
        queries = 0;
        nxdomain = 0;
        generated = 0;
        domains.clear();
        evidence.clear();
        window = next;
    }
}
