package io.stagehunt.event;

import io.stagehunt.net.IcmpTypes;
import io.stagehunt.net.IpAddress;

/**
 * A network flow (Zeek conn, Suricata flow, Argus NetFlow). {@code host} is the internal side given by
 * {@code direction}. Byte and packet counts are application bytes per side, {@code -1} when unknown.
 *
 * @param uid the sensor's flow id (Zeek uid, Suricata flow_id) for joining with DNS, HTTP and TLS records
 * @param state the sensor's own state text (Zeek conn_state, Argus State), kept for evidence
 * @param open true for a flow still open when logged (RITA's open_conn.log), whose duration is a lower bound
 */
public record Connection(
        long timeMicros, Host host, Provenance provenance,
        String uid, IpAddress originator, int originatorPort, IpAddress responder, int responderPort,
        Transport transport, String service, long durationMicros,
        long originatorBytes, long responderBytes, long originatorPackets, long responderPackets,
        ConnectionOutcome outcome, String state, Direction direction, boolean open) implements Event {

    /** The address on the far side of the internal host. */
    public IpAddress remote() {
        return direction.remoteSide(originator, responder);
    }

    /** The port on the far side of the internal host. */
    public int remotePort() {
        return direction == Direction.INBOUND ? originatorPort : responderPort;
    }

    /**
     * Whether this flow is ICMP signalling about other traffic (an unreachable, time exceeded, redirect,
     * neighbour discovery): a network stack sends it by itself, so nobody is calling anybody with it. Sensors
     * log the ICMP type as the originator port.
     */
    public boolean icmpSignalling() {
        return transport == Transport.ICMP && originator != null
                && IcmpTypes.signalling(originatorPort, !originator.isV4());
    }

    /** Bytes the internal host sent, or -1 when unknown. */
    public long bytesOut() {
        return direction == Direction.INBOUND ? responderBytes : originatorBytes;
    }

    /** Bytes the internal host received, or -1 when unknown. */
    public long bytesIn() {
        return direction == Direction.INBOUND ? originatorBytes : responderBytes;
    }
}
