package io.stagehunt.ingest.suricata;

import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Transport;

/**
 * How a Suricata flow ended, in the terms of Zeek's {@code conn_state} so that both sensors agree on what a
 * failed attempt is. For TCP it reads the flags each side sent over the whole flow ({@code tcp_flags_ts},
 * {@code tcp_flags_tc}):
 * <ul>
 *   <li>both sides sent SYN: the responder answered the handshake, {@code ESTABLISHED} (Zeek S1, SF, RSTO...);
 *   <li>originator SYN, responder RST without SYN: {@code REJECTED} (Zeek REJ);
 *   <li>originator SYN and nothing back: {@code NO_REPLY} (Zeek S0), or {@code REJECTED} when the originator
 *       itself reset (RSTOS0), or {@code PARTIAL} when it closed with FIN (SH);
 *   <li>responder SYN without an originator SYN: {@code REJECTED} with a responder RST (RSTRH), else
 *       {@code PARTIAL} (SHR);
 *   <li>no SYN at all: midstream, {@code PARTIAL} (OTH); no flags at all: {@code UNKNOWN}.
 * </ul>
 * Without flags (TCP logging off) and for UDP, ICMP and others, packets back decide: none is
 * {@code NO_REPLY}, some is {@code ESTABLISHED} (for TCP only when Suricata called the flow established).
 * Stateless.
 */
final class FlowOutcome {

    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;

    private FlowOutcome() {
    }

    /**
     * @param toServer flags the originator sent, -1 when unknown
     * @param toClient flags the responder sent, -1 when unknown
     * @param packetsToClient packets the responder sent, -1 when unknown
     * @param flowState Suricata's {@code flow.state}, null when absent
     */
    static ConnectionOutcome of(Transport transport, int toServer, int toClient, long packetsToClient,
            String flowState) {
        if (transport == Transport.TCP && toServer >= 0 && toClient >= 0) {
            return ofTcpFlags(toServer, toClient);
        }
        if (packetsToClient == 0) {
            return ConnectionOutcome.NO_REPLY;
        }
        if (packetsToClient < 0) {
            return ConnectionOutcome.UNKNOWN;
        }
        if (transport == Transport.TCP) {
            return "established".equals(flowState) ? ConnectionOutcome.ESTABLISHED : ConnectionOutcome.UNKNOWN;
        }
        return ConnectionOutcome.ESTABLISHED;
    }

    private static ConnectionOutcome ofTcpFlags(int toServer, int toClient) {
        boolean originatorSyn = (toServer & SYN) != 0;
        boolean responderSyn = (toClient & SYN) != 0;
        if (originatorSyn && responderSyn) {
            return ConnectionOutcome.ESTABLISHED;
        }
        if (originatorSyn) {
            if ((toClient & RST) != 0) {
                return ConnectionOutcome.REJECTED;
            }
            if (toClient == 0) {
                if ((toServer & RST) != 0) {
                    return ConnectionOutcome.REJECTED;
                }
                return (toServer & FIN) != 0 ? ConnectionOutcome.PARTIAL : ConnectionOutcome.NO_REPLY;
            }
            return ConnectionOutcome.PARTIAL;
        }
        if (responderSyn) {
            return (toClient & RST) != 0 ? ConnectionOutcome.REJECTED : ConnectionOutcome.PARTIAL;
        }
        return toServer == 0 && toClient == 0 ? ConnectionOutcome.UNKNOWN : ConnectionOutcome.PARTIAL;
    }
}
