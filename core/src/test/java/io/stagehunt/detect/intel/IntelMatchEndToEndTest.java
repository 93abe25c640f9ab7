package io.stagehunt.detect.intel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagehunt.analysis.Analysis;
import io.stagehunt.analysis.AnalysisRequest;
import io.stagehunt.analysis.AnalysisResult;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.detect.StandardDetectors;
import io.stagehunt.engine.Pipeline;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.intel.feed.FeedFixtures;
import io.stagehunt.intel.feed.LoadedIntel;
import io.stagehunt.intel.feed.StandardFeeds;
import io.stagehunt.net.NetworkScope;
import io.stagehunt.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants indicators for real traffic of the shared captures and runs a whole analysis: NjRAT's C2
 * 41.108.179.197:1177 in a STIX bundle (CTU 001), Simda DGA domains in a plain list (CTU 005), the Meterpreter
 * listener's certificate SHA-256 in the same bundle (the OTRF LSASS campaign), and a certificate SHA-1 in an
 * SSLBL-style CSV (a certificate of the Stratosphere test10 capture, planted only to exercise matching on
 * certificates that Zeek logs as files).
 */
class IntelMatchEndToEndTest {

    @TempDir
    Path out;

    private AnalysisResult analyze(List<Path> inputs, LoadedIntel intel) throws IOException {
        AnalysisRequest request = new AnalysisRequest(inputs, NetworkScope.defaults(), false, out,
                StandardDetectors.all(intel.indicators(), intel.benign()), Pipeline.Settings.DEFAULT);
        return new Analysis(StandardFormats.registry()).run(request, null);
    }

    private static Map<String, Signal> signals(Finding finding) {
        return finding.signals().stream().collect(Collectors.toMap(Signal::name, signal -> signal));
    }

    @Test
    void reportsPlantedC2IndicatorsWhereTheyAppearInRealCaptures() throws IOException {
        List<Path> inputs = List.of(
                SharedData.path("zeek/ctu/001-zeek-scenario-malicious/conn.log"),
                SharedData.path("zeek/ctu/005-zeek-scenario-malicious"),
                SharedData.path("zeek/slips/test10-mixed-zeek-dir"),
                SharedData.path("compound/otrf-lsass-campaign/metasploit_logonpasswords_lsass_memory_dump_zeek_logs.zip"));
        LoadedIntel intel = StandardFeeds.loader(List.of()).load(List.of(
                FeedFixtures.path("e2e").toString(),
                SharedData.path("intel/misp-warninglists-benign").toString()));

        AnalysisResult result = analyze(inputs, intel);
        List<Finding> findings = result.findings().stream()
                .filter(finding -> finding.detectorId().equals("intel-match")).toList();

        Finding njrat = only(findings, "41.108.179.197");
        assertThat(njrat.host().ip()).hasToString("192.168.1.115");
        assertThat(njrat.destination().port()).isEqualTo(1177);
        assertThat(njrat.reason()).contains("njrat-c2.json").contains("NjRAT").contains("conn destination");
        assertThat(signals(njrat).get("matched in").observed()).isEqualTo("conn destination: 41.108.179.197");
        assertThat(signals(njrat).get("listed indicator").observed())
                .isEqualTo("ip 41.108.179.197:1177 on njrat-c2.json (stix21)");
        assertThat(njrat.score()).isGreaterThan(0.9);

        Map<String, java.util.Set<String>> simda = findings.stream().filter(finding -> finding.title().contains("domain"))
                .peek(finding -> assertThat(finding.reason()).contains("simda-dga-domains.txt").contains("dns query"))
                .collect(Collectors.groupingBy(Finding::title, Collectors.mapping(
                        finding -> finding.host().ip().toString(), Collectors.toSet())));
        java.util.Set<String> infected = java.util.Set.of("192.168.1.116", "fd77:48a1:c0bb:0:b96c:506d:6c7f:e8be");
        assertThat(simda).as("the infected host resolves over both its IPv4 and its IPv6 address").containsOnly(
                Map.entry("Intel match: domain volykyc.com", infected),
                Map.entry("Intel match: domain pufymoq.com", infected),
                Map.entry("Intel match: domain purylev.com", infected));

        Finding meterpreter = only(findings, "b765518127e58d334a3596a6572a09fa727d59c86214c4eb8f499a141ac15579");
        assertThat(meterpreter.host().ip()).hasToString("192.168.1.41");
        assertThat(meterpreter.destination().ip()).hasToString("10.0.5.13");
        assertThat(meterpreter.destination().port()).isEqualTo(8080);
        assertThat(meterpreter.reason()).contains("Meterpreter").contains("tls server certificate");

        Finding planted = only(findings, "0a6b201a7bff643cc5dd6631e5940e858ee07d25");
        assertThat(planted.reason()).contains("sslbl-style-certificates.csv").contains("tls server certificate")
                .contains("of Planted test");
        assertThat(signals(planted).get("freshness").observed()).startsWith("listed 27 hours earlier");

        assertThat(findings).hasSize(9);
        assertThat(result.summary().detectors()).anySatisfy(stats -> {
            assertThat(stats.id()).isEqualTo("intel-match");
            assertThat(stats.keysLeft()).isZero();
            assertThat(stats.events()).isPositive();
        });

        List<JsonNode> lines = Files.readAllLines(out.resolve("findings.jsonl")).stream().map(IntelMatchEndToEndTest::json)
                .filter(line -> line.path("finding_info").path("analytic").path("name").asText().equals("intel-match"))
                .toList();
        assertThat(lines).hasSize(9);
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("device").path("ip").asText()).isEqualTo("192.168.1.115");
            assertThat(line.path("evidences").get(0).path("dst_endpoint").path("ip").asText())
                    .isEqualTo("41.108.179.197");
            assertThat(line.path("message").asText()).contains("njrat-c2.json");
        });
    }

    private static Finding only(List<Finding> findings, String value) {
        List<Finding> matching = findings.stream().filter(finding -> finding.title().contains(value)).toList();
        assertThat(matching).as(value).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
