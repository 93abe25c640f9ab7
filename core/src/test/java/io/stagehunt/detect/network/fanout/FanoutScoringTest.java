package io.stagehunt.detect.network.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stagehunt.detect.Severity;
import io.stagehunt.detect.Signal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FanoutScoringTest {

    private static final FanoutDetector.Settings SETTINGS = FanoutDetector.Settings.DEFAULTS;

    /** An episode with the given shape and a warm baseline of median 4 (MAD 2) new destinations per window. */
    private static FanoutMeasurements episode(int peak, int domains, int addresses, int failedDomains,
            int failedAddresses, int generated, int sameShape, int prefixes, int ports) {
        return new FanoutMeasurements(0, 30_000_000L, 60_000_000L, peak, domains, addresses, failedDomains,
                failedAddresses, generated, sameShape, true, prefixes, ports, 60, 4, 2, List.of("a.example"));
    }

    static Stream<Arguments> episodes() {
        return Stream.of(
                Arguments.of("DGA hunt: 60 pronounceable .com names, 45 NXDOMAIN",
                        episode(60, 60, 0, 45, 0, 0, 58, 0, 0), Severity.HIGH),
                Arguments.of("hash-named DGA: 40 names, 30 NXDOMAIN, generated-looking",
                        episode(40, 40, 0, 30, 0, 38, 40, 0, 0), Severity.CRITICAL),
                Arguments.of("hard-coded address list: 30 addresses in 28 networks, most unanswered",
                        episode(30, 0, 30, 0, 24, 0, 0, 28, 2), Severity.MEDIUM),
                Arguments.of("a news page: 35 varied domains that all resolve",
                        episode(35, 35, 0, 1, 0, 1, 6, 0, 0), Severity.INFORMATIONAL),
                Arguments.of("a sweep of one /24 on port 22, mostly unanswered",
                        episode(80, 0, 80, 0, 75, 0, 0, 1, 1), Severity.INFORMATIONAL));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("episodes")
    void scoresStagingHuntsAboveBrowsingAndScans(String description, FanoutMeasurements episode, Severity band) {
        List<Signal> signals = FanoutScoring.signals(episode, SETTINGS);

        assertThat(Severity.ofScore(FanoutScoring.score(signals))).isEqualTo(band);
    }

    @Test
    void theCountWeighsNothingWhenTheHostRoutinelyReachesIt() {
        FanoutMeasurements routine = new FanoutMeasurements(0, 30_000_000L, 60_000_000L, 25, 25, 0, 0, 0, 0, 3,
                true, 0, 0, 60, 20, 3, List.of());

        assertThat(FanoutScoring.usualHigh(routine)).isCloseTo(20 + 3 * 1.4826 * 3, within(1e-9));
        assertThat(FanoutScoring.signals(routine, SETTINGS).get(0).contribution()).isZero();
    }

    @Test
    void withoutABaselineTheCountWeighsHalf() {
        FanoutMeasurements cold = new FanoutMeasurements(0, 1, 60_000_000L, 80, 80, 0, 0, 0, 0, 0, true, 0, 0, 0, 0,
                0, List.of());
        FanoutMeasurements warm = new FanoutMeasurements(0, 1, 60_000_000L, 80, 80, 0, 0, 0, 0, 0, true, 0, 0, 60, 0,
                0, List.of());

        double coldCount = FanoutScoring.signals(cold, SETTINGS).get(0).contribution();
        double warmCount = FanoutScoring.signals(warm, SETTINGS).get(0).contribution();

        assertThat(coldCount).isCloseTo(warmCount / 2, within(1e-9));
        assertThat(warmCount).isCloseTo(FanoutScoring.COUNT_WEIGHT, within(1e-9));
    }

    @Test
    void theReasonNamesExamplesAndWhatMadeThemSuspicious() {
        FanoutMeasurements hunt = new FanoutMeasurements(0, 1, 60_000_000L, 60, 60, 0, 45, 0, 0, 58, true, 0, 0, 60, 4,
                2, List.of("vocyzit.com", "qegyqaq.com"));

        String reason = FanoutScoring.reason("10.1.2.4", hunt, FanoutScoring.signals(hunt, SETTINGS));

        assertThat(reason).isEqualTo("10.1.2.4 contacted 60 destinations new to it within 1 min (vocyzit.com,"
                + " qegyqaq.com ...), and 45 of 60 failed, 58 names cut to one pattern.");
    }

    /** The peak is one window's count; the episode's totals are told apart from it. */
    @Test
    void theCountSignalTellsThePeakFromTheEpisodesTotals() {
        FanoutMeasurements episode = new FanoutMeasurements(0, 600_000_000L, 60_000_000L, 25, 240, 50, 0, 0, 0, 0,
                true, 0, 0, 60, 4, 2, List.of());

        assertThat(FanoutScoring.signals(episode, SETTINGS).get(0).observed()).isEqualTo(
                "25 new destinations within 1 min at the peak; 290 in the episode (240 domains, 50 addresses)");
    }
}
