package io.stagehunt.event;

import io.stagehunt.net.IpAddress;

/**
 * A firewall's verdict on a flow (netfilter, pfSense filterlog, PAN-OS traffic, CEF). {@code host} is the
 * internal side given by {@code direction}.
 *
 * @param device the firewall that logged it (syslog host, PAN-OS serial), null when unknown
 * @param application the firewall's application identification (PAN-OS App-ID), null when none
 * @param bytesOut bytes from the originator, -1 when the log has no count
 * @param bytesIn bytes to the originator, -1 when the log has no count
 */
public record FirewallDecision(
        long timeMicros, Host host, Provenance provenance,
        String device, Verdict verdict, String rule, Transport transport,
        IpAddress source, int sourcePort, IpAddress destination, int destinationPort,
        Direction direction, String application, long bytesOut, long bytesIn) implements Event {

    /** What the firewall did with the flow. */
    public enum Verdict {
        ALLOW, DENY;

        public boolean allowed() {
            return this == ALLOW;
        }
    }

    public IpAddress remote() {
        return direction.remoteSide(source, destination);
    }

    public int remotePort() {
        return direction == Direction.INBOUND ? sourcePort : destinationPort;
    }
}
