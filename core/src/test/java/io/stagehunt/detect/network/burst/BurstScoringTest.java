package io.stagehunt.detect.network.burst;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Severity;
import io.stagehunt.detect.Signal;
import io.stagehunt.net.IpAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BurstScoringTest {

    private static final BurstThenSustainedDetector.Settings SETTINGS = BurstThenSustainedDetector.Settings.DEFAULTS;
    private static final long SECOND = 1_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private static BurstSequence sequence(int attempts, BurstSequence.Kind kind, int connections, double cv,
            long longest, long handoff, int port, BurstSequence.Relation relation, BurstSequence.Novelty novelty,
            double noveltyRate) {
        long burstLast = 40 * SECOND;
        return new BurstSequence(0, burstLast, attempts, attempts, 0, 2, 1, List.of("203.0.113.5:" + port), kind,
                IpAddress.parse("198.51.100.7"), null, port, connections,
                kind == BurstSequence.Kind.REPEATED ? MINUTE : 0, cv, longest, false, burstLast + handoff,
                burstLast + handoff + connections * MINUTE, relation, novelty, noveltyRate);
    }

    static Stream<Arguments> sequences() {
        return Stream.of(
                Arguments.of("retries a new server until through, then beacons every minute",
                        sequence(12, BurstSequence.Kind.REPEATED, 10, 0.05, SECOND, 30 * SECOND, 443,
                                BurstSequence.Relation.SAME_DESTINATION, BurstSequence.Novelty.NEW, 0.1),
                        true, Severity.HIGH),
                Arguments.of("falls back to another server on an odd port and holds a shell open",
                        sequence(8, BurstSequence.Kind.LONG, 1, 0, 90 * MINUTE, 20 * SECOND, 4444,
                                BurstSequence.Relation.SAME_PORT, BurstSequence.Novelty.NEW, 0.1),
                        true, Severity.MEDIUM),
                Arguments.of("a short capture: same server, novelty not judged",
                        sequence(6, BurstSequence.Kind.REPEATED, 5, 0.1, SECOND, 10 * SECOND, 80,
                                BurstSequence.Relation.SAME_DESTINATION, BurstSequence.Novelty.UNKNOWN, Double.NaN),
                        true, Severity.MEDIUM),
                Arguments.of("a browser: failed trackers, then a long session with a new content server",
                        sequence(6, BurstSequence.Kind.LONG, 1, 0, 25 * MINUTE, 5 * MINUTE, 443,
                                BurstSequence.Relation.SAME_PORT, BurstSequence.Novelty.NEW, 0.45),
                        false, Severity.MEDIUM),
                Arguments.of("a connectivity check it already polled before the network dropped",
                        sequence(7, BurstSequence.Kind.REPEATED, 11, 0.1, SECOND, 0, 80,
                                BurstSequence.Relation.SAME_DESTINATION, BurstSequence.Novelty.KNOWN, 0.3),
                        false, Severity.LOW));
    }

    @ParameterizedTest(name = "{0}: reported {2}, {3}")
    @MethodSource("sequences")
    void linkedPhasesToNewDestinationsScoreHighest(String description, BurstSequence sequence, boolean reported,
            Severity band) {
        double score = BurstScoring.score(BurstScoring.signals(sequence, SETTINGS));

        assertThat(score >= SETTINGS.reportScore()).isEqualTo(reported);
        assertThat(Severity.ofScore(score)).isEqualTo(band);
    }

    @Test
    void bothPhasesAreInTheSignalsAndTheReason() {
        BurstSequence sequence = sequence(12, BurstSequence.Kind.REPEATED, 10, 0.05, SECOND, 30 * SECOND, 443,
                BurstSequence.Relation.SAME_DESTINATION, BurstSequence.Novelty.NEW, 0.1);

        List<Signal> signals = BurstScoring.signals(sequence, SETTINGS);

        assertThat(signals).extracting(Signal::name).containsExactly("burst", "sustained", "handoff",
                "destination_relation", "new_destination");
        assertThat(BurstScoring.reason("10.1.2.4", sequence)).isEqualTo("10.1.2.4 made 12 failed or cut-short"
                + " connection attempts to 2 destinations within 40 s, then 30 s later began connecting to"
                + " 198.51.100.7:443 (new to this host) every 60 s (10 connections), the destination it had been"
                + " retrying.");
    }

    @Test
    void theSamePortLinksNothingOnTheWebPorts() {
        Signal web = BurstScoring.signals(sequence(6, BurstSequence.Kind.LONG, 1, 0, 25 * MINUTE, 0, 443,
                BurstSequence.Relation.SAME_PORT, BurstSequence.Novelty.UNKNOWN, Double.NaN), SETTINGS).get(3);
        Signal odd = BurstScoring.signals(sequence(6, BurstSequence.Kind.LONG, 1, 0, 25 * MINUTE, 0, 8443,
                BurstSequence.Relation.SAME_PORT, BurstSequence.Novelty.UNKNOWN, Double.NaN), SETTINGS).get(3);

        assertThat(web.contribution()).isZero();
        assertThat(odd.contribution()).isEqualTo(BurstScoring.SAME_PORT_WEIGHT);
    }
}
