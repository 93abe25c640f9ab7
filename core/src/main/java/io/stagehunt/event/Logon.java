package io.stagehunt.event;

import io.stagehunt.net.IpAddress;

/**
 * An authentication on {@code host} (Security 4624/4625, sshd). {@code sourceIp} is where it came from.
 *
 * @param logonType Windows logon type (2 interactive, 3 network, 10 remote interactive ...), -1 when none
 */
public record Logon(
        long timeMicros, Host host, Provenance provenance,
        String user, String domain, int logonType, IpAddress sourceIp, String sourceHostname, boolean success,
        String method) implements Event {
}
