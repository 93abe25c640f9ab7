package io.stagehunt.detect.network.dns;

/**
 * One host's DNS in one closed window, beside the same host's baseline from its earlier windows: the input
 * of {@link SurgeScoring}. Immutable.
 *
 * @param windowStartMicros start of the window, aligned to multiples of the window length
 * @param queries queries the host sent in the window
 * @param distinctDomains distinct registered domains queried in the window
 * @param distinctSaturated whether the distinct-domain memory filled up (the count is then a lower bound)
 * @param nxdomain queries answered NXDOMAIN
 * @param generated distinct registered domains whose name looks machine-generated
 * @param baselineWindows earlier active windows (with any query) in the baseline
 * @param medianQueries median queries per window over the baseline
 * @param madQueries median absolute deviation of queries per window
 * @param medianDomains median distinct domains per window over the baseline
 * @param madDomains median absolute deviation of distinct domains per window
 * @param baselineNxShare share of NXDOMAIN answers over the whole baseline
 * @param baselineGeneratedShare share of generated-looking names among the baseline's distinct domains
 * @param servedClients other internal hosts seen using this host as a DNS resolver or web proxy, in answered
 *     connections
 * @param servedWindows windows in which such a client used it
 * @param resolvesForClients whether some of them used it on port 53 (a resolver), not only as a proxy
 */
public record SurgeMeasurements(
        long windowStartMicros, long windowMicros, long queries, long distinctDomains, boolean distinctSaturated,
        long nxdomain, long generated, int baselineWindows, double medianQueries, double madQueries,
        double medianDomains, double madDomains, double baselineNxShare, double baselineGeneratedShare,
        int servedClients, long servedWindows, boolean resolvesForClients) {
}
