package io.stagehunt.detect.network.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stagehunt.detect.Severity;
import io.stagehunt.detect.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurgeScoringTest {

    private static final DnsSurgeDetector.Settings SETTINGS = DnsSurgeDetector.Settings.DEFAULTS;

    private static SurgeMeasurements window(long queries, long domains, long nxdomain, long generated, double median,
            double mad, double medianDomains, int servedClients) {
        return new SurgeMeasurements(0, 300_000_000L, queries, domains, false, nxdomain, generated, 24, median, mad,
                medianDomains, mad, 0.02, 0.01, servedClients, servedClients > 0 ? 1 : 0, servedClients > 0);
    }

    @ParameterizedTest(name = "{0} queries, {1} domains vs median {2}/{4} (MAD {3}): surge {5}")
    @CsvSource({
        "35,   12,  30, 3,  10, false",
        "45,   14,  30, 3,  10, false",
        "95,   12,  30, 3,  10, true",
        "400,  12,  30, 3,  10, true",
        "40,   45,  30, 3,  10, true",
        "49,   12,  3,  1,  2,  false",
        "60,   12,  3,  1,  2,  true",
        "120,  12,  50, 30, 10, false",
    })
    void aSurgeIsAMultipleOfTheMedianFarOutsideTheUsualSpreadAndLargeEnough(long queries, long domains, double median,
            double mad, double medianDomains, boolean surge) {
        assertThat(SurgeScoring.isSurge(window(queries, domains, 0, 0, median, mad, medianDomains, 0), SETTINGS))
                .isEqualTo(surge);
    }

    @ParameterizedTest(name = "growth at {0}x = {1}")
    @CsvSource({"1.5, 0", "3, 0.25", "6, 0.5", "24, 1", "1000, 1"})
    void growthIsLogarithmic(double ratio, double expected) {
        assertThat(SurgeScoring.growth(ratio)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void volumeAloneStaysInTheLowBand() {
        List<Signal> signals = SurgeScoring.signals(window(3000, 900, 10, 3, 30, 3, 10, 0), SETTINGS);

        assertThat(Severity.ofScore(SurgeScoring.score(signals))).isEqualTo(Severity.LOW);
    }

    @Test
    void failuresAndGeneratedNamesInTheSurgeRaiseIt() {
        List<Signal> signals = SurgeScoring.signals(window(400, 250, 200, 120, 30, 3, 10, 0), SETTINGS);

        assertThat(signals).extracting(Signal::name).containsExactly("query_rate", "domain_diversity",
                "nxdomain_share", "generated_names");
        assertThat(Severity.ofScore(SurgeScoring.score(signals))).isIn(Severity.HIGH, Severity.CRITICAL);
    }

    @Test
    void aHostThatResolvesForOthersIsMarkedDown() {
        SurgeMeasurements forwarder = window(3000, 900, 10, 3, 30, 3, 10, 4);
        List<Signal> signals = SurgeScoring.signals(forwarder, SETTINGS);

        assertThat(signals.get(signals.size() - 1).name()).isEqualTo("forwarder");
        assertThat(SurgeScoring.score(signals)).isLessThan(SETTINGS.reportScore());
        assertThat(SurgeScoring.reason("10.0.0.238", forwarder, signals)).contains("it resolves for other hosts");
    }

    /**
     * A forwarder serves two clients, or one again and again (a lab's only browser behind its proxy); one client
     * once (a colleague trying the host's test server, a scanner finding a port open) makes none.
     */
    @ParameterizedTest(name = "{0} clients in {1} windows, port 53: {2} -> {3}")
    @CsvSource(nullValues = "NONE", value = {
        "1, 1,  false, NONE",
        "1, 2,  true,  NONE",
        "1, 3,  false, '; it proxies for other hosts'",
        "2, 1,  true,  '; it resolves for other hosts'",
        "5, 24, false, '; it proxies for other hosts'",
    })
    void aForwarderServesSeveralClientsOrOneAgainAndAgain(int clients, long windows, boolean port53,
            String clause) {
        SurgeMeasurements host = new SurgeMeasurements(0, 300_000_000L, 3000, 900, false, 10, 3, 24, 30, 3, 10, 3,
                0.02, 0.01, clients, windows, port53);
        List<Signal> signals = SurgeScoring.signals(host, SETTINGS);

        assertThat(signals.stream().anyMatch(signal -> signal.name().equals("forwarder"))).isEqualTo(clause != null);
        String reason = SurgeScoring.reason("10.0.0.238", host, signals);
        if (clause != null) {
            assertThat(reason).contains(clause);
        } else {
            assertThat(reason).doesNotContain("for other hosts");
        }
    }
}
