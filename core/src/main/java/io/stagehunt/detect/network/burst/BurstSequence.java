package io.stagehunt.detect.network.burst;

import io.stagehunt.net.IpAddress;
import java.util.List;

/**
 * A burst of attempts and the sustained communication that followed it, as measured: the input of
 * {@link BurstScoring}. Immutable.
 *
 * @param attempts connection attempts in the burst
 * @param failed attempts with no reply or refused
 * @param cutShort attempts that connected but closed within the short limit with no data one way
 * @param targets distinct destinations (address and port) the burst tried
 * @param ports distinct destination ports the burst tried
 * @param targetExamples a few of the burst's destinations
 * @param kind how the communication was sustained
 * @param destinationName the name the host gave the sustained destination (TLS server name, HTTP Host), or null
 * @param connections connections to the sustained destination
 * @param medianIntervalMicros median time between their starts (0 for a single long connection)
 * @param intervalCv coefficient of variation of those intervals (0 perfectly regular)
 * @param longestMicros the longest of those connections
 * @param stillOpen whether that longest connection was still open when logged
 * @param relation how the sustained destination relates to the burst's
 * @param novelty whether the host had contacted the sustained destination before the burst
 * @param hostNoveltyRate share of the host's recent established connections that went to destinations new
 *     to it (a browsing workstation reaches new content servers all the time), NaN while too few to tell
 */
public record BurstSequence(
        long burstFirstMicros, long burstLastMicros, int attempts, int failed, int cutShort, int targets,
        int ports, List<String> targetExamples, Kind kind, IpAddress destination, String destinationName,
        int destinationPort,
        int connections, long medianIntervalMicros, double intervalCv, long longestMicros, boolean stillOpen,
        long sustainedFirstMicros, long sustainedLastMicros, Relation relation, Novelty novelty,
        double hostNoveltyRate) {

    public BurstSequence {
        targetExamples = List.copyOf(targetExamples);
    }

    /** How the communication after the burst was sustained. */
    public enum Kind {
        /** Repeated connections to one destination at regular intervals. */
        REPEATED,
        /** One connection lasting long. */
        LONG
    }

    /** The sustained destination against the burst's destinations. */
    public enum Relation {
        /** One the burst tried: the host retried until it got through. */
        SAME_DESTINATION,
        /** Another address on a port the burst tried: a fallback server. */
        SAME_PORT,
        DIFFERENT
    }

    /** Whether the sustained destination was new to the host. */
    public enum Novelty {
        NEW,
        KNOWN,
        /** The host had not been watched long enough before the burst to tell. */
        UNKNOWN
    }

    /** Ports every host uses for the web all day, where "the same port" links nothing. */
    public boolean webPort() {
        return destinationPort == 80 || destinationPort == 443;
    }

    /** From the end of the burst to the start of the sustained communication, never negative. */
    public long handoffMicros() {
        return Math.max(0, sustainedFirstMicros - burstLastMicros);
    }
}
