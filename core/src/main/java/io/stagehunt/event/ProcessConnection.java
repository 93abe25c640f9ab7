package io.stagehunt.event;

import io.stagehunt.net.IpAddress;

/** A network connection attributed to a process (Sysmon 3, Security 5156). */
public record ProcessConnection(
        long timeMicros, Host host, Provenance provenance,
        String processGuid, long processId, String image, String user, Transport transport, boolean initiated,
        IpAddress sourceIp, int sourcePort, IpAddress destinationIp, int destinationPort,
        String destinationHostname) implements Event {
}
