package io.stagehunt.detect.network.dns;

import io.stagehunt.net.IpAddress;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    final Map<String, DomainTraffic> domains = new HashMap<>();
    private final LinkedHashMap<IpAddress, String> answers = new LinkedHashMap<>();

    TunnelHostState(long windowStart) {
        this.windowStart = windowStart;
        this.lastActivity = windowStart;
    }

    void rememberAnswer(IpAddress address, String domain, int maxAnswers) {
        answers.remove(address);
        answers.put(address, domain);
        if (answers.size() > maxAnswers) {
            Iterator<IpAddress> oldest = answers.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** The domain whose lookup returned this address most recently, or null. */
    String domainAnswering(IpAddress address) {
        return answers.get(address);
    }

    /** The domain with the least interest, the one to drop when the table is full. */
    DomainTraffic leastInteresting() {
        DomainTraffic least = null;
        for (DomainTraffic traffic : domains.values()) {
            if (least == null || traffic.interest() < least.interest()
                    || traffic.interest() == least.interest() && traffic.lastSeen < least.lastSeen) {
                least = traffic;
            }
        }
        return least;
    }

    long earliestReportDue() {
        long earliest = Long.MAX_VALUE;
        for (DomainTraffic traffic : domains.values()) {
            earliest = Math.min(earliest, traffic.reportDue);
        }
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
