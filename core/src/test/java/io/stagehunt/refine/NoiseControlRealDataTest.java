package io.stagehunt.refine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.analysis.Analysis;
import io.stagehunt.analysis.AnalysisRequest;
import io.stagehunt.analysis.AnalysisResult;
import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Detector;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Severity;
import io.stagehunt.detect.Signal;
import io.stagehunt.detect.network.EgressDetector;
import io.stagehunt.detect.network.ExfilDetector;
import io.stagehunt.detect.network.HttpTlsDetector;
import io.stagehunt.engine.Pipeline;
import io.stagehunt.event.Host;
import io.stagehunt.ingest.InputDiscovery;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.NetworkScope;
import io.stagehunt.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exfil, egress and http-tls detectors with noise control on the real datasets beside the project; skipped
 * when they are absent. Counts are printed so that the documentation can quote them.
 */
class NoiseControlRealDataTest {

    @TempDir
    Path out;

    private static List<Detector<?, ?>> detectors() {
        return List.of(new EgressDetector(EgressDetector.Settings.DEFAULTS),
                new ExfilDetector(ExfilDetector.Settings.DEFAULTS),
                new HttpTlsDetector(HttpTlsDetector.Settings.DEFAULTS));
    }

    private AnalysisResult analyze(Path... inputs) throws Exception {
        AnalysisRequest request = new AnalysisRequest(List.of(inputs), NetworkScope.defaults(), false, out,
                detectors(), Pipeline.Settings.DEFAULT);
        AnalysisResult result = new Analysis(StandardFormats.registry()).run(request, null);
        for (Finding finding : result.findings()) {
            System.out.printf("  %-8s %.2f %-8s %s%n", finding.detectorId(), finding.score(), finding.severity(),
                    finding.reason());
        }
        System.out.println("  " + result.noiseControl());
        return result;
    }

    private static long aboveLow(AnalysisResult result) {
        return result.findings().stream().filter(f -> f.severity().ordinal() > Severity.LOW.ordinal()).count();
    }

    private static boolean has(Finding finding, String signal) {
        return finding.signals().stream().anyMatch(s -> s.name().equals(signal));
    }

    @Test
    void njratRetriesOnPort1177AreANonStandardPortFinding() throws Exception {
        AnalysisResult result = analyze(SharedData.path("zeek/ctu/001-zeek-scenario-malicious/conn.log"));
        assertThat(result.findings()).filteredOn(f -> f.detectorId().equals("egress")
                        && f.destination().port() == 1177
                        && f.destination().ip().equals(IpAddress.parse("41.108.179.197")))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.host().ip()).isEqualTo(IpAddress.parse("192.168.1.115"));
                    assertThat(finding.techniques()).contains("T1571");
                    assertThat(has(finding, "uncommon-port")).isTrue();
                    assertThat(has(finding, "unanswered-retries")).isTrue();
                    assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
                });
    }

    @Test
    void metasploitStageOneDownloadIsAnExecutableFromAnUnnamedServer() throws Exception {
        AnalysisResult result = analyze(SharedData.path(
                "compound/otrf-lsass-campaign/metasploit_logonpasswords_lsass_memory_dump_zeek_logs.zip"));
        assertThat(result.findings()).filteredOn(f -> f.detectorId().equals("http-tls"))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.host().ip()).isEqualTo(IpAddress.parse("192.168.1.41"));
                    assertThat(finding.destination().ip()).isEqualTo(IpAddress.parse("10.0.5.13"));
                    assertThat(finding.destination().port()).isEqualTo(80);
                    assertThat(finding.signals()).extracting(Signal::name)
                            .contains("executable-download", "unnamed-server", "self-signed-certificate");
                    assertThat(finding.signals().get(0).observed()).startsWith("application/x-dosexec (7.2 kB)");
                    assertThat(finding.severity().ordinal()).isGreaterThanOrEqualTo(Severity.MEDIUM.ordinal());
                });
    }

    @Test
    void benignPeriodicTrafficBehindAProxyStaysAtMostLow() throws Exception {
        AnalysisResult result = analyze(SharedData.path("zeek/rita-proxy-rolling"));
        System.out.println("rita-proxy-rolling above low: " + aboveLow(result));
        assertThat(aboveLow(result)).isZero();
    }

    @Test
    void aBenignWindowsHostOverFourDaysGivesAtMostOneFindingAboveLow() throws Exception {
        long total = 0;
        for (String day : List.of("008", "010", "011", "012")) {
            Path folder = SharedData.path("zeek/ctu/" + day + "-zeek-mixed/data");
            System.out.println("ctu " + day + ":");
            long above = aboveLow(analyze(folder));
            System.out.println("ctu " + day + " above low: " + above);
            total += above;
        }
        assertThat(total).isLessThanOrEqualTo(1);
    }

    /**
     * The two benign periodic rows of the ground truth, as a beacon detector reports them (RITA's scores), go
     * through noise control with the prevalence the real logs give: both end below the medium band, with the reason
     * visible.
     */
    @Test
    void resolverUpstreamAndSafeBrowsingBeaconsAreLoweredVisibly() throws Exception {
        Prevalence prevalence = NoiseControl.defaults().newPrevalence();
        new Pipeline(List.of(), finding -> { }, Pipeline.Settings.DEFAULT).observe(prevalence)
                .run(new InputDiscovery(StandardFormats.registry()).discover(
                        List.of(SharedData.path("zeek/rita-proxy-rolling"))), NetworkScope.defaults(), null);
        Finding resolver = periodic("10.0.0.238", new Destination(IpAddress.parse("75.75.75.75"), null, 53), 0.673);
        Finding safeBrowsing = periodic("10.0.0.111",
                new Destination(IpAddress.parse("10.0.0.238"), "safebrowsing.googleapis.com", 443), 0.624);

        List<Finding> refined = NoiseControl.defaults().refinerOf().refine(List.of(resolver, safeBrowsing),
                prevalence).findings();

        assertThat(refined).allSatisfy(finding ->
                assertThat(finding.severity().ordinal()).isLessThanOrEqualTo(Severity.LOW.ordinal()));
        assertThat(refined.get(0).signals()).extracting(Signal::name).contains("allowlisted", "resolver-upstream");
        assertThat(refined.get(1).signals()).extracting(Signal::name).contains("allowlisted");
        assertThat(refined.get(1).reason()).contains("on the allowlist");
        refined.forEach(f -> System.out.printf("  %.2f %s %s%n", f.score(), f.reason(), f.signals()));
    }

    private static Finding periodic(String host, Destination destination, double score) {
        Host internal = Host.of(IpAddress.parse(host));
        long first = 1_517_336_042_000_000L;
        return new Finding(Finding.uidOf("beacon", internal, destination, first), "beacon", "Periodic connections",
                List.of("T1071", "T1104"), internal, destination, first, first + 3_600_000_000L, score, 0.8,
                "Host " + host + " connected to " + destination.label() + " at a regular interval.",
                List.of(new Signal("beacon-score", "RITA-compatible score " + score, "0.7 and above is likely C2",
                        score)), List.of());
    }
}
