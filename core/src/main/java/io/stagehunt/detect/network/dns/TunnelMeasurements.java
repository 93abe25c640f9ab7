package io.stagehunt.detect.network.dns;

/**
 * What one host's lookups under one registered domain looked like over one accounting window: the input of
 * {@link TunnelScoring}. Immutable.
 *
 * @param domain the registered domain ({@code ostrykebs.pl})
 * @param queries queries the host sent for names under the domain
 * @param tunnelTypeQueries queries of the TXT, NULL and CNAME types, which can carry free-form data back
 * @param dominantTunnelType the most used of those types ({@code TXT}), or null when there were none
 * @param dominantTypeQueries queries of that type
 * @param uniqueNames distinct subdomain strings (the part left of the registered domain)
 * @param uniqueNamesSaturated whether the distinct-name memory filled up, making the count a lower bound
 * @param uniqueNameBytes bytes of those distinct subdomain strings: the upstream information content
 * @param rawByteNames how many of them hold bytes no host name holds (raw binary encodings)
 * @param meanNameLength mean length of the distinct subdomain strings, dots excluded
 * @param meanNormalizedEntropy mean character entropy of the distinct subdomains as a share (0..1) of the
 *     most their length allows
 * @param longestLabel the longest single label seen
 * @param payloadBytes bytes of distinct free-form answer data (TXT text): the downstream channel
 * @param nxdomain queries answered NXDOMAIN
 * @param addressAnswers queries the domain answered with at least one address: without any, there was nothing
 *     to connect to
 * @param connectionsVisible whether the host's own (non-DNS) connections are in the logs at all, without which
 *     "never connected" cannot be judged
 * @param connectionsToAnswers connections the host made to addresses the domain's answers gave it
 */
public record TunnelMeasurements(
        String domain, long queries, long tunnelTypeQueries, String dominantTunnelType, long dominantTypeQueries,
        long uniqueNames, boolean uniqueNamesSaturated, long uniqueNameBytes, long rawByteNames,
        double meanNameLength,
        double meanNormalizedEntropy, int longestLabel, long payloadBytes, long nxdomain, long addressAnswers,
        boolean connectionsVisible, long connectionsToAnswers) {
}
