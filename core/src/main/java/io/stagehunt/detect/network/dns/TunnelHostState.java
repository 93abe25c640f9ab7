package io.stagehunt.detect.network.dns;

import io.stagehunt.net.IpAddress;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code dns-tunnel} state of one host: its domains in the current window (at most
 * {@code maxDomainsPerHost}), the most recent addresses its lookups returned with the domain each came from
 * (at most {@code maxAnswersPerHost}, oldest forgotten first), and whether its own connections are visible.
 * Not thread-safe.
 */
final class TunnelHostState implements Serializable {

    long windowStart;
    long lastActivity;
    /** Non-DNS connections the host opened in this window: without any, "never connected" is not judged. */
    long visibleConnections;
    /** The earliest {@link DomainTraffic#reportDue} of the domains, kept up to date as reports are scheduled. */
    long reportDue = Long.MAX_VALUE;
    final Map<String, DomainTraffic> domains = new HashMap<>();
    /** Domains reported in this window, so that one dropped from a full table is not reported again. */
    final Set<String> reportedInWindow = new HashSet<>();
    /** In access order, so the least recently used address is the first to go. */
    private final LinkedHashMap<IpAddress, String> answers = new LinkedHashMap<>(16, 0.75f, true);

    TunnelHostState(long windowStart) {
        this.windowStart = windowStart;
        this.lastActivity = windowStart;
    }

    /** Notes a reported domain; past {@code bound} of them a window's further reports are not remembered. */
    void noteReported(String domain, int bound) {
        if (reportedInWindow.size() < bound) {
            reportedInWindow.add(domain);
        }
    }

    void rememberAnswer(IpAddress address, String domain, int maxAnswers) {
        if (answers.put(address, domain) == null && answers.size() > maxAnswers) {
            Iterator<IpAddress> oldest = answers.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** The domain whose lookup returned this address most recently, or null. */
    String domainAnswering(IpAddress address) {
        return answers.get(address);
    }

    /**
     * The least interesting quarter of the domains (at least one), least first: what to drop when the table
     * is full. Dropping a quarter at once keeps the cost per new domain constant on average, where dropping
     * one at a time would scan the whole table for every new domain of a busy host.
     */
    List<DomainTraffic> leastInteresting() {
        List<DomainTraffic> ordered = new ArrayList<>(domains.values());
        ordered.sort((a, b) -> a.interest() != b.interest() ? Long.compare(a.interest(), b.interest())
                : a.lastSeen != b.lastSeen ? Long.compare(a.lastSeen, b.lastSeen) : a.domain.compareTo(b.domain));
        return ordered.subList(0, Math.max(1, ordered.size() / 4));
    }

    /** The earliest pending report among the domains, recomputed after reports are sent. */
    long recomputeReportDue() {
        long earliest = Long.MAX_VALUE;
        for (DomainTraffic traffic : domains.values()) {
            earliest = Math.min(earliest, traffic.reportDue);
        }
        reportDue = earliest;
        return earliest;
    }

    /** The domains in a stable order (first seen, then name), so findings come out deterministically. */
    List<DomainTraffic> domainsInOrder() {
        List<DomainTraffic> ordered = new ArrayList<>(domains.values());
        ordered.sort((a, b) -> a.firstSeen != b.firstSeen ? Long.compare(a.firstSeen, b.firstSeen)
                : a.domain.compareTo(b.domain));
        return ordered;
    }
}
