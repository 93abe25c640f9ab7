package io.stagehunt.event;

import io.stagehunt.net.IpAddress;
import java.util.List;

/**
 * A TLS (or DTLS/QUIC) handshake. Fingerprints are lower-case hex; {@code certificateFingerprints} is the
 * server chain, leaf first, as SHA-1 or SHA-256 depending on the sensor.
 */
public record TlsSession(
        long timeMicros, Host host, Provenance provenance,
        String uid, IpAddress client, int clientPort, IpAddress server, int serverPort,
        String version, String cipher, String serverName, boolean established,
        String ja3, String ja3s, String ja4, String subject, String issuer,
        List<String> certificateFingerprints, List<String> certificateFileIds, String validationStatus)
        implements Event {

    public TlsSession {
        certificateFingerprints = List.copyOf(certificateFingerprints);
        certificateFileIds = List.copyOf(certificateFileIds);
    }
}
