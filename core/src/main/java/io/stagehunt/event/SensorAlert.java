package io.stagehunt.event;

import io.stagehunt.net.IpAddress;

/**
 * What a sensor itself flagged: a Suricata alert, a Zeek notice or weird. Kept as context for cases, never
 * trusted as a verdict on its own.
 *
 * @param sensor {@code suricata}, {@code zeek-notice} or {@code zeek-weird}
 * @param severity the sensor's own scale (Suricata 1 highest .. 4), -1 when none
 */
public record SensorAlert(
        long timeMicros, Host host, Provenance provenance,
        String sensor, IpAddress source, int sourcePort, IpAddress destination, int destinationPort,
        String signatureId, String signature, String category, int severity, String action) implements Event {
}
