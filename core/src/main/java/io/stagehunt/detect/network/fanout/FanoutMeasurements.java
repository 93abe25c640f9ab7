package io.stagehunt.detect.network.fanout;

import java.util.List;

/**
 * One fanout episode of one host: a run of contacts with destinations new to the host, from the first window
 * in which they reached the threshold until they stopped coming. The input of {@link FanoutScoring}.
 * Immutable.
 *
 * @param peak the most new destinations within any one window of the episode
 * @param newDomains new registered domains looked up
 * @param newAddresses new addresses connected to without a preceding lookup by this host
 * @param failedDomains new domains answered NXDOMAIN
 * @param failedAddresses new addresses whose connection attempt got no reply or was refused
 * @param generatedDomains new domains whose name looks machine-generated
 * @param sameShapeDomains new domains sharing the most common shape: the same public suffix and the same
 *     length of the label before it, as the output of one generator has
 * @param dnsVisible whether the host's own lookups are in the logs (else addresses cannot be "direct")
 * @param addressPrefixes distinct /24 (IPv4) or /48 (IPv6) networks among the new addresses
 * @param addressPorts distinct destination ports among the new addresses
 * @param baselineWindows earlier active windows in the host's baseline
 * @param baselineMedian median new destinations per active window
 * @param baselineMad median absolute deviation of new destinations per active window
 * @param examples a few of the new destinations, in the order contacted
 */
public record FanoutMeasurements(
        long firstMicros, long lastMicros, long windowMicros, int peak, int newDomains, int newAddresses,
        int failedDomains, int failedAddresses, int generatedDomains, int sameShapeDomains, boolean dnsVisible, int addressPrefixes,
        int addressPorts, int baselineWindows, double baselineMedian, double baselineMad, List<String> examples) {

    public FanoutMeasurements {
        examples = List.copyOf(examples);
    }

    public int total() {
        return newDomains + newAddresses;
    }
}
