package io.stagehunt.event;

import io.stagehunt.net.IpAddress;
import io.stagehunt.net.NetworkScope;

/** Which way a flow crosses the boundary of the defended networks, seen from its originator. */
public enum Direction {
    /** An internal host opened it to an external one: the shape of every callback. */
    OUTBOUND,
    INBOUND,
    INTERNAL,
    /** Neither side is internal: transit traffic, or a scope that does not fit the sensor. */
    EXTERNAL;

    public static Direction of(IpAddress originator, IpAddress responder, NetworkScope scope) {
        boolean fromInside = scope.isInternal(originator);
        boolean toInside = scope.isInternal(responder);
        if (fromInside) {
            return toInside ? INTERNAL : OUTBOUND;
        }
        return toInside ? INBOUND : EXTERNAL;
    }

    /** The address of the internal side: the originator unless only the responder is internal. */
    public IpAddress internalSide(IpAddress originator, IpAddress responder) {
        return this == INBOUND ? responder : originator;
    }

    /** The address of the other side of the internal host. */
    public IpAddress remoteSide(IpAddress originator, IpAddress responder) {
        return this == INBOUND ? originator : responder;
    }
}
