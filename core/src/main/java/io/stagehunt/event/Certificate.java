package io.stagehunt.event;

import java.util.List;

/**
 * An X.509 certificate a sensor saw (Zeek x509.log). It concerns no single host: {@code host} is null, and it
 * joins TLS sessions by {@code fileId} or {@code fingerprint}.
 *
 * @param notBeforeMicros validity start, epoch microseconds, or {@link Long#MIN_VALUE} when unknown
 * @param notAfterMicros validity end, epoch microseconds, or {@link Long#MIN_VALUE} when unknown
 */
public record Certificate(
        long timeMicros, Host host, Provenance provenance,
        String fileId, String fingerprint, String serial, String subject, String issuer,
        long notBeforeMicros, long notAfterMicros, String keyAlgorithm, int keyLength,
        List<String> subjectAltNames) implements Event {

    public Certificate {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    public boolean selfIssued() {
        return subject != null && subject.equals(issuer);
    }
}
