package io.stagehunt.detect;

import io.stagehunt.net.IpAddress;
import java.io.Serializable;

/** The far end a finding is about; any part may be unknown (null ip or domain, port -1). */
public record Destination(IpAddress ip, String domain, int port) implements Serializable {

    public static final Destination NONE = new Destination(null, null, -1);

    /** The domain or else the address, with the port when known; an IPv6 address before a port in brackets. */
    public String label() {
        if (port < 0) {
            return domain != null ? domain : ip != null ? ip.toString() : "?";
        }
        if (domain == null && ip != null) {
            return ip.withPort(port);
        }
        return (domain != null ? domain : "?") + ":" + port;
    }
}
