package io.stagehunt.detect;

import io.stagehunt.event.Host;
import io.stagehunt.event.Provenance;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a detector reports: an explained, scored observation about one internal host. Score and confidence
 * are kept apart (how bad vs how sure). The score is the sum of the signals' contributions, capped at 1.
 *
 * @param techniques ATT&CK technique ids, most specific first ({@code T1071.001}, {@code T1104})
 * @param reason one sentence a Tier-1 analyst can read aloud
 * @param evidence raw records behind the finding, a bounded sample
 */
public record Finding(
        String uid, String detectorId, String title, List<String> techniques, Host host, Destination destination,
        long firstSeenMicros, long lastSeenMicros, double score, double confidence, String reason,
        List<Signal> signals, List<Provenance> evidence) implements Serializable {

    public Finding {
        techniques = List.copyOf(techniques);
        signals = List.copyOf(signals);
        evidence = List.copyOf(evidence);
        if (score < 0 || score > 1 || confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("score and confidence are 0..1: " + score + ", " + confidence);
        }
    }

    public Severity severity() {
        return Severity.ofScore(score);
    }

    /**
     * A deterministic id from what identifies the observation, so both runners give the same uid for the same
     * finding and re-runs over the same logs do not create duplicates downstream.
     */
    public static String uidOf(String detectorId, Host host, Destination destination, long firstSeenMicros) {
        String identity = detectorId + '|' + host.label() + '|' + destination.label() + '|' + firstSeenMicros;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return detectorId + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The sum of the signals' contributions, capped to 0..1: how a detector computes {@link #score()}. */
    public static double scoreOf(List<Signal> signals) {
        double sum = 0;
        for (Signal signal : signals) {
            sum += signal.contribution();
        }
        return Math.max(0, Math.min(1, sum));
    }
}
