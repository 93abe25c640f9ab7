package io.stagehunt.detect.dga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Severity;
import io.stagehunt.engine.Pipeline;
import io.stagehunt.ingest.DiscoveredInput;
import io.stagehunt.ingest.InputDiscovery;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.NetworkScope;
import io.stagehunt.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dga detector on the public captures listed in {@code GROUND_TRUTH.csv}, through the real readers. */
class DgaDetectorRealDataTest {

    @Test
    void findsTheSimdaLookupsOfTheInfectedHost() {
        List<Finding> findings = analyze(SharedData.path("zeek/ctu/005-zeek-scenario-malicious"));

        assertThat(findings).extracting(finding -> finding.host().label())
                .contains("192.168.1.116");
        Finding ipv4 = findings.stream().filter(f -> f.host().label().equals("192.168.1.116")).findFirst()
                .orElseThrow();
        assertThat(ipv4.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(ipv4.destination().domain()).matches("[a-z]{7}\\.com");
        assertThat(ipv4.signals().get(2).observed()).containsPattern("[a-z]{7}\\.com");
        // The same machine also asks over IPv6 (a unique local address); no other host is named.
        assertThat(findings).extracting(finding -> finding.host().label())
                .allMatch(host -> host.equals("192.168.1.116") || host.startsWith("fd77:"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"008-zeek-mixed", "010-zeek-mixed", "011-zeek-mixed", "012-zeek-mixed",
        "009-zeek-malicious"})
    void staysAtOrBelowTheLowBandForTheBenignWindowsHostAndTheKovterCapture(String capture) {
        List<Finding> findings = analyze(SharedData.path("zeek/ctu/" + capture));

        assertThat(findings).allMatch(finding -> finding.score() < 0.4);
    }

    @Test
    void findsTheFoudreCheckInToItsGeneratedDomain() {
        Path eve = SharedData.path("suricata/derived/pcap-attack/C2_Foudre_Backdoor_DGA.pcapng.eve.json.gz");
        List<DiscoveredInput> inputs = new InputDiscovery(StandardFormats.registry()).discover(List.of(eve));
        assumeTrue(inputs.stream().anyMatch(DiscoveredInput::readable),
                "no reader recognizes Suricata EVE JSON yet: skipping");

        List<Finding> findings = analyze(eve);

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.host().ip()).isEqualTo(IpAddress.parse("10.0.2.15"));
        assertThat(finding.destination().domain()).isEqualTo("db54a845.top");
        assertThat(finding.destination().ip()).isEqualTo(IpAddress.parse("185.56.137.138"));
    }

    private static List<Finding> analyze(Path input) {
        List<Finding> findings = new ArrayList<>();
        Pipeline pipeline = new Pipeline(List.of(new DgaDetector(DgaDetector.Settings.DEFAULTS)), findings::add,
                Pipeline.Settings.DEFAULT);
        List<DiscoveredInput> inputs = new InputDiscovery(StandardFormats.registry()).discover(List.of(input));
        pipeline.run(inputs, NetworkScope.defaults(), null);
        return findings;
    }
}
