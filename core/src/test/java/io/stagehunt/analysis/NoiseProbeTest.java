package io.stagehunt.analysis;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.StandardDetectors;
import io.stagehunt.engine.Pipeline;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.net.NetworkScope;
import io.stagehunt.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseProbeTest {
    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"zeek/ctu/001-zeek-scenario-malicious", "zeek/ctu/008-zeek-mixed", "zeek/ctu/010-zeek-mixed",
            "zeek/ctu/011-zeek-mixed", "zeek/ctu/012-zeek-mixed", "zeek/rita-proxy-rolling", "zeek/rita-proxy",
            "compound/otrf-lsass-campaign/metasploit_logonpasswords_lsass_memory_dump_zeek_logs.zip",
            "zeek/ctu/005-zeek-scenario-malicious", "zeek/slips"})
    void probe(String dataset) throws Exception {
        Path input = SharedData.path(dataset);
        AnalysisRequest request = new AnalysisRequest(List.of(input), NetworkScope.defaults(), false, out,
                StandardDetectors.all(), Pipeline.Settings.DEFAULT, new io.stagehunt.refine.NoiseControl(
                io.stagehunt.refine.Prevalence.Settings.DEFAULTS, new io.stagehunt.refine.FindingRefiner.Settings(3, 1, 0.10, 5, 0.25, 0.25, 12 * 3_600_000_000L, 0.10,
                0.30, 0.20, 0.30, 0.0), io.stagehunt.refine.AllowlistFiles.bundled()));
        AnalysisResult result = new Analysis(StandardFormats.registry()).run(request, null);
        System.out.println("=== " + dataset + " events=" + result.summary().events() + " " + result.noiseControl());
        for (Finding f : result.findings()) {
            System.out.printf("%s %.2f %s %s -> %s | %s | %s%n", f.detectorId(), f.score(), f.severity(), f.host(),
                    f.destination().label(), f.reason(), f.signals().stream().map(s -> s.name() + "=" + String.format("%.2f", s.contribution())).toList());
        }
    }
}
