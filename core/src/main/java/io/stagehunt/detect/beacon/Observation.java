package io.stagehunt.detect.beacon;

import io.stagehunt.event.Provenance;
import java.io.Serializable;

/**
 * One fact about a channel after the flow record and its naming record were joined.
 *
 * @param kind what happened
 * @param bytesOut bytes the internal host sent, -1 when unknown
 * @param durationMicros how long the flow lasted, -1 when unknown; a lower bound when {@code open}
 * @param open the flow was still open when logged
 * @param originatorPort the internal host's source port, -1 when unknown
 * @param remotePort the port contacted on the pair's address (the proxy's port for proxied channels)
 * @param targetPort the port named in a proxy request ({@code CONNECT host:443}), -1 otherwise
 * @param answered the far end answered (a failed attempt is still a check-in, but one nobody heard)
 * @param encrypted the flow carried TLS
 * @param lookup the sensor recognised the flow as DNS: a lookup through a resolver, not a session with it
 * @param timePoll the flow was a plain NTP poll of a time server ({@link PairEvents#timePoll})
 */
record Observation(Kind kind, long timeMicros, long bytesOut, long durationMicros, boolean open, int originatorPort,
        int remotePort, int targetPort, String uid, boolean answered, boolean encrypted, boolean lookup,
        boolean timePoll, Provenance provenance) implements Serializable {

    enum Kind {
        /** A new flow: a check-in. */
        FLOW,
        /** A further HTTP request on a flow already seen: a check-in over a kept-alive connection. */
        REQUEST,
        /** A later record of a flow already delivered (it closed, or its name arrived late). */
        UPDATE
    }
}
