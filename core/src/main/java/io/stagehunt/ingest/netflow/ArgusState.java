package io.stagehunt.ingest.netflow;

import io.stagehunt.event.ConnectionOutcome;

/**
 * Maps Argus' {@code State} column to a {@link ConnectionOutcome}. Argus writes either a state word
 * ({@code CON}, {@code INT}, {@code REQ}, {@code RST}, ICMP words such as {@code ECO} or {@code URP}) or, for
 * TCP with flag reporting on, the TCP flags each side sent, as {@code source_destination} (e.g. {@code S_RA}:
 * the originator sent SYN, the responder answered RST-ACK). The flag mapping follows Zeek's conn_state
 * reasoning so that both sensors agree on what a failed attempt is. Stateless.
 */
final class ArgusState {

    private static final String TCP_FLAGS = "FSRPAUEC";

    private ArgusState() {
    }

    /**
     * The outcome of a flow in {@code state}; {@code responderPackets} (-1 when unknown) separates an answered
     * echo from an unanswered one.
     */
    static ConnectionOutcome outcome(String state, long responderPackets) {
        int split = state.indexOf('_');
        if (split >= 0) {
            return flags(state.substring(0, split), state.substring(split + 1));
        }
        return switch (state) {
            case "CON", "EST", "ACC", "FIN", "CLO" -> ConnectionOutcome.ESTABLISHED;
            case "REQ", "INT" -> ConnectionOutcome.NO_REPLY;
            case "RST" -> ConnectionOutcome.REJECTED;
            case "ECO", "ECR", "TST", "TSR", "IRQ", "IRR", "MAS", "MSR" -> responderPackets > 0
                    ? ConnectionOutcome.ESTABLISHED : ConnectionOutcome.NO_REPLY;
            default -> ConnectionOutcome.UNKNOWN;
        };
    }

    /** True when {@code state} is a state word or a flag pair: letters, at most one underscore, no more. */
    static boolean wellFormed(String state) {
        if (state.isEmpty() || state.length() > 24) {
            return false;
        }
        int underscores = 0;
        for (int i = 0; i < state.length(); i++) {
            char c = state.charAt(i);
            if (c == '_') {
                underscores++;
            } else if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return underscores <= 1;
    }

    private static ConnectionOutcome flags(String originator, String responder) {
        if (!onlyFlags(originator) || !onlyFlags(responder)) {
            return ConnectionOutcome.UNKNOWN;
        }
        boolean originatorSyn = originator.indexOf('S') >= 0;
        boolean originatorTalked = originator.indexOf('A') >= 0 || originator.indexOf('P') >= 0;
        if (!originatorSyn) {
            // The flow was first seen midstream: nothing is known about its handshake (Zeek's OTH).
            return ConnectionOutcome.PARTIAL;
        }
        if (responder.isEmpty()) {
            // A SYN alone went unanswered; a SYN followed by acknowledged data means the replies were not
            // seen by this sensor (asymmetric routing), as Zeek's SH/SHR.
            return originatorTalked ? ConnectionOutcome.PARTIAL : ConnectionOutcome.NO_REPLY;
        }
        boolean responderSyn = responder.indexOf('S') >= 0;
        boolean responderReset = responder.indexOf('R') >= 0;
        boolean responderData = responder.indexOf('P') >= 0;
        if (responderSyn) {
            return ConnectionOutcome.ESTABLISHED;
        }
        if (responderReset && !responderData) {
            return ConnectionOutcome.REJECTED;
        }
        return responder.indexOf('A') >= 0 || responderData ? ConnectionOutcome.ESTABLISHED
                : ConnectionOutcome.UNKNOWN;
    }

    private static boolean onlyFlags(String flags) {
        for (int i = 0; i < flags.length(); i++) {
            if (TCP_FLAGS.indexOf(flags.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
