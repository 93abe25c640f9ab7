package io.stagehunt.detect.network.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stagehunt.detect.Severity;
import io.stagehunt.detect.Signal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TunnelScoringTest {

    private static final DnsTunnelDetector.Settings SETTINGS = DnsTunnelDetector.Settings.DEFAULTS;

    @ParameterizedTest(name = "{0} distinct subdomains reach {1} of RITA''s bands")
    @CsvSource({"0, 0", "99, 0", "100, 1", "499, 1", "500, 2", "799, 2", "800, 3", "999, 3", "1000, 4", "50000, 4"})
    void countsRitaBands(long unique, int bands) {
        assertThat(TunnelScoring.bandsReached(unique, SETTINGS.subdomainBands())).isEqualTo(bands);
    }

    @ParameterizedTest(name = "ramp({0}) from 256 to 4096 = {1}")
    @CsvSource({"0, 0", "256, 0", "512, 0.25", "1024, 0.5", "2048, 0.75", "4096, 1", "100000, 1"})
    void rampsLogarithmicallyToTheBudget(double value, double expected) {
        assertThat(TunnelScoring.logRamp(value, 256, 4096)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "mean length {0}, entropy {1}, {2} of 100 names with raw bytes: {3}")
    @CsvSource({
        "4,  0.99, 0,   0",
        "30, 0.40, 0,   0",
        "30, 0.90, 0,   0.15",
        "18, 0.90, 0,   0.075",
        "60, 1.00, 0,   0.15",
        // raw bytes are data whatever their measured entropy (every such byte is one symbol to it)
        "30, 0.40, 100, 0.15",
        "30, 0.40, 50,  0.075",
        "4,  0.40, 100, 0",
    })
    void shapeNeedsLengthAndRandomnessTogether(double length, double entropy, long rawByteNames, double expected) {
        TunnelMeasurements names = new TunnelMeasurements("t.example", 100, 0, null, 0, 100, false, 3000,
                rawByteNames, length, entropy, 20, 0, 0, 0, true, 0);

        assertThat(TunnelScoring.shapeContribution(names)).isCloseTo(expected, within(1e-9));
    }

    static Stream<Arguments> traffic() {
        return Stream.of(
                Arguments.of("iodine-style NULL tunnel, 5000 long random names, no address returned",
                        new TunnelMeasurements("t.example", 5200, 5200, "NULL", 5200, 5000, false, 280_000, 0, 55,
                                0.95, 60, 150_000, 0, 0, true, 0), Severity.CRITICAL),
                Arguments.of("TXT command channel: few names, 4 kB of answers, no address returned",
                        new TunnelMeasurements("ostrykebs.pl", 49, 49, "TXT", 49, 19, false, 128, 0, 4.7, 0.99, 5,
                                4200, 0, 0, true, 0), Severity.MEDIUM),
                Arguments.of("TXT tunnel without connection logs",
                        new TunnelMeasurements("r-1x.com", 24, 24, "TXT", 24, 23, false, 529, 0, 22, 0.83, 18, 432,
                                0, 0, false, 0), Severity.MEDIUM),
                Arguments.of("CDN with 300 hashed names, fetched from",
                        new TunnelMeasurements("cdn.example", 300, 0, null, 0, 300, false, 4200, 0, 14, 0.9, 14, 0,
                                0, 300, true, 280), Severity.INFORMATIONAL),
                Arguments.of("mail server checking SPF records now and then",
                        new TunnelMeasurements("example.org", 12, 12, "TXT", 12, 2, false, 10, 0, 5, 0.8, 5, 300, 0,
                                0, true, 0), Severity.INFORMATIONAL),
                Arguments.of("ordinary site, A lookups, connected",
                        new TunnelMeasurements("news.example", 40, 0, null, 0, 3, false, 20, 0, 4, 0.7, 5, 0, 0, 40,
                                true, 35), Severity.INFORMATIONAL),
                Arguments.of("A lookups under a domain whose answers the host never used",
                        new TunnelMeasurements("beacon-dns.example", 300, 0, null, 0, 300, false, 9000, 0, 30, 0.9,
                                30, 0, 0, 300, true, 0), Severity.MEDIUM));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("traffic")
    void scoresTunnelsHighAndOrdinaryUseLow(String description, TunnelMeasurements measurements, Severity band) {
        List<Signal> signals = TunnelScoring.signals(measurements, SETTINGS);
        double score = TunnelScoring.score(signals);

        assertThat(Severity.ofScore(score)).isEqualTo(band);
        assertThat(TunnelScoring.quickScore(measurements, SETTINGS)).isCloseTo(score, within(1e-9));
    }

    @Test
    void scoreIsTheSumOfTheSignalsAndEverySignalShowsItsBaseline() {
        TunnelMeasurements measurements = new TunnelMeasurements("ostrykebs.pl", 49, 49, "TXT", 49, 19, false, 128,
                0, 4.7, 0.99, 5, 4200, 0, 0, true, 0);

        List<Signal> signals = TunnelScoring.signals(measurements, SETTINGS);

        assertThat(signals).extracting(Signal::name).containsExactly("unique_subdomains", "information_content",
                "subdomain_shape", "query_types", "answer_payload", "never_connected");
        assertThat(signals).allSatisfy(signal -> assertThat(signal.baseline()).isNotBlank());
        assertThat(TunnelScoring.score(signals))
                .isCloseTo(signals.stream().mapToDouble(Signal::contribution).sum(), within(1e-9));
        assertThat(TunnelScoring.reason("192.168.100.121", measurements, signals))
                .isEqualTo("192.168.100.121 sent 49 DNS queries for 19 distinct names under ostrykebs.pl (100% TXT)"
                        + " and received 4.1 kB of answer data: data may be travelling inside DNS.");
    }

    /** What the sentence claims holds for the measurements: the shares, the names, the connections. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sentences")
    void theSentenceClaimsOnlyWhatWasMeasured(String description, TunnelMeasurements measurements, String part,
            String absent) {
        String reason = TunnelScoring.reason("10.1.2.3", measurements, TunnelScoring.signals(measurements, SETTINGS));

        assertThat(reason).contains(part);
        if (absent != null) {
            assertThat(reason).doesNotContain(absent);
        }
    }

    static Stream<Arguments> sentences() {
        return Stream.of(
                Arguments.of("3 TXT and 2 CNAME of 10 queries: the share is TXT's own",
                        new TunnelMeasurements("t.example", 10, 5, "TXT", 3, 10, false, 300, 0, 30, 0.9, 30, 900, 0,
                                5, true, 0), "under t.example (30% TXT)", null),
                Arguments.of("lookups of the domain itself only",
                        new TunnelMeasurements("example.org", 12, 12, "TXT", 12, 0, false, 0, 0, 0, 0, 0, 300, 0, 0,
                                true, 0), "sent 12 DNS queries for example.org itself (100% TXT)", "distinct"),
                Arguments.of("addresses returned and never used",
                        new TunnelMeasurements("t.example", 300, 0, null, 0, 300, false, 9000, 0, 30, 0.9, 30, 0, 0,
                                300, true, 0), "yet never connected to anything it returned", null),
                Arguments.of("text answers only: nothing to connect to",
                        new TunnelMeasurements("t.example", 300, 300, "TXT", 300, 300, false, 9000, 0, 30, 0.9, 30,
                                9000, 0, 0, true, 0), "(100% TXT)", "never connected"));
    }

    @Test
    void neverConnectedIsNotClaimedWithoutConnectionRecords() {
        TunnelMeasurements measurements = new TunnelMeasurements("r-1x.com", 24, 24, "TXT", 24, 23, false, 529, 0,
                22, 0.83, 18, 432, 0, 0, false, 0);

        Signal connection = TunnelScoring.signals(measurements, SETTINGS).get(5);

        assertThat(connection.contribution()).isZero();
        assertThat(connection.observed()).startsWith("not measured");
        assertThat(TunnelScoring.reason("192.168.88.2", measurements, TunnelScoring.signals(measurements, SETTINGS)))
                .doesNotContain("never connected");
    }
}
