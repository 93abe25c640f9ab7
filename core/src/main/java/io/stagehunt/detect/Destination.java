package io.stagehunt.detect;

import io.stagehunt.net.IpAddress;
import java.io.Serializable;

/** The far end a finding is about; any part may be unknown (null ip or domain, port -1). */
public record Destination(IpAddress ip, String domain, int port) implements Serializable {

    public static final Destination NONE = new Destination(null, null, -1);

    public String label() {
        String name = domain != null ? domain : ip != null ? ip.toString() : "?";
        return port >= 0 ? name + ":" + port : name;
    }
}
