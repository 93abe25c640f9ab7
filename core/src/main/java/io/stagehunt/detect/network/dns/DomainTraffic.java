package io.stagehunt.detect.network.dns;

import io.stagehunt.detect.network.measure.EvidenceSample;
import io.stagehunt.detect.network.measure.FingerprintSet;
import io.stagehunt.detect.network.measure.Fingerprints;
import io.stagehunt.detect.network.measure.NameShape;
import io.stagehunt.event.DnsQuery;
import java.io.Serializable;

/**
 * One host's lookups under one registered domain in the current window: counts, the distinct subdomains
 * (bounded fingerprint set) with their length and entropy, distinct answer payloads, and how often the host
 * connected to the domain's answers. Bounded by the fingerprint sets' capacities. Not thread-safe.
 */
final class DomainTraffic implements Serializable {

    static final int EVIDENCE = 8;
    /** Distinct answer payloads remembered; past it, payload bytes stop growing (a lower bound). */
    private static final int MAX_PAYLOADS = 256;

    final String domain;
    final long firstSeen;
    long lastSeen;
    long queries;
    long txt;
    long nullType;
    long cname;
    long nxdomain;
    long addressAnswers;
    long connectionsToAnswers;
    long uniqueNameBytes;
    /** Distinct subdomains holding bytes no host name holds: data, not names. */
    long rawByteNames;
    double entropySum;
    double lengthSum;
    int longestLabel;
    long payloadBytes;
    boolean reported;
    long reportDue = Long.MAX_VALUE;
    private final FingerprintSet names;
    /** Created with the first free-form answer: most domains never have one. */
    private FingerprintSet payloads;
    final EvidenceSample evidence = new EvidenceSample(EVIDENCE);

    DomainTraffic(String domain, long firstSeen, int maxNames) {
        this.domain = domain;
        this.firstSeen = firstSeen;
        this.lastSeen = firstSeen;
        this.names = new FingerprintSet(maxNames);
    }

    /**
     * Folds one query in.
     *
     * @param name the query name as measured ({@link DnsNames#tunnelName})
     * @param subdomainEnd where the subdomain ends in the name (the dot before the registered domain), or 0 when
     *     the name is the registered domain itself
     */
    void add(DnsQuery query, String name, int type, int subdomainEnd) {
        queries++;
        lastSeen = Math.max(lastSeen, query.timeMicros());
        switch (type) {
            case DnsNames.TYPE_TXT -> txt++;
            case DnsNames.TYPE_NULL -> nullType++;
            case DnsNames.TYPE_CNAME -> cname++;
            default -> {
            }
        }
        if (query.nxdomain()) {
            nxdomain++;
        }
        if (!query.answerAddresses().isEmpty()) {
            addressAnswers++;
        }
        boolean fresh = subdomainEnd > 0 && names.add(Fingerprints.of(name, 0, subdomainEnd));
        if (fresh) {
            int length = NameShape.lengthWithoutDots(name, 0, subdomainEnd);
            uniqueNameBytes += DnsNames.wireBytes(name, 0, subdomainEnd);
            rawByteNames += DnsNames.holdsRawBytes(name, 0, subdomainEnd) ? 1 : 0;
            lengthSum += length;
            entropySum += NameShape.normalizedEntropy(name, 0, subdomainEnd);
            longestLabel = Math.max(longestLabel, NameShape.longestLabel(name, 0, subdomainEnd));
        }
        boolean carried = false;
        for (String answer : query.answers()) {
            String payload = DnsNames.payloadOf(answer);
            if (payload == null) {
                continue;
            }
            if (payloads == null) {
                payloads = new FingerprintSet(MAX_PAYLOADS);
            }
            if (payloads.add(Fingerprints.of(payload))) {
                payloadBytes += DnsNames.wireBytes(payload, 0, payload.length());
                carried = true;
            }
        }
        if (fresh || carried || DnsNames.isTunnelCapable(type)) {
            evidence.offer(query.provenance());
        }
    }

    long tunnelTypeQueries() {
        return txt + nullType + cname;
    }

    /** How much this domain matters when the host's table is full: the least interesting entry is dropped. */
    long interest() {
        return queries + 8L * names.size() + 8L * tunnelTypeQueries() + payloadBytes / 16;
    }

    TunnelMeasurements measure(boolean connectionsVisible) {
        int distinct = names.size();
        String dominant = null;
        long most = 0;
        if (txt > most) {
            dominant = "TXT";
            most = txt;
        }
        if (nullType > most) {
            dominant = "NULL";
            most = nullType;
        }
        if (cname > most) {
            dominant = "CNAME";
            most = cname;
        }
        return new TunnelMeasurements(domain, queries, tunnelTypeQueries(), dominant, most, distinct,
                names.saturated(), uniqueNameBytes, rawByteNames, distinct == 0 ? 0 : lengthSum / distinct,
                distinct == 0 ? 0 : entropySum / distinct, longestLabel, payloadBytes, nxdomain, addressAnswers,
                connectionsVisible, connectionsToAnswers);
    }
}
