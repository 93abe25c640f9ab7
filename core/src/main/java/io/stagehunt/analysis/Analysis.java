package io.stagehunt.analysis;

import io.stagehunt.detect.Finding;
import io.stagehunt.engine.Pipeline;
import io.stagehunt.engine.RunSummary;
import io.stagehunt.export.IngestReportWriter;
import io.stagehunt.export.OcsfFindingWriter;
import io.stagehunt.ingest.DiscoveredInput;
import io.stagehunt.ingest.FormatRegistry;
import io.stagehunt.ingest.InputDiscovery;
import io.stagehunt.refine.FindingRefiner;
import io.stagehunt.refine.Prevalence;
import io.stagehunt.refine.Supersession;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs one analysis and writes {@code ingest.json}, {@code findings.jsonl} and {@code cases.json} into the
 * output folder. Between detection and writing, noise control ({@link FindingRefiner}) adds prevalence,
 * allowlist and modifier signals to every finding, from counts a pipeline observer kept during the run.
 * Findings are kept in memory for the case layer: they are few next to events (bounded by detector dedup),
 * unlike the events, which stream.
 */
public final class Analysis {

    public static final String VERSION = "0.1.0";

    private final FormatRegistry formats;

    public Analysis(FormatRegistry formats) {
        this.formats = formats;
    }

    public AnalysisResult run(AnalysisRequest request, Pipeline.Progress progress) throws IOException {
        List<DiscoveredInput> inputs = new InputDiscovery(formats).discover(request.inputs());
        List<Finding> detected = new ArrayList<>();
        Prevalence prevalence = request.noiseControl().newPrevalence();
        Pipeline pipeline = new Pipeline(request.detectors(), detected::add, request.settings()).observe(prevalence);
        RunSummary summary = pipeline.run(inputs, request.scope(), progress);
        FindingRefiner.Result refined =
                request.noiseControl().refinerOf().refine(Supersession.latestViews(detected), prevalence);
        List<Finding> findings = new ArrayList<>(refined.findings());
        findings.sort(Comparator.comparingLong(Finding::firstSeenMicros).thenComparing(Finding::uid));

        Path out = request.outputDirectory();
        Files.createDirectories(out);
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out.resolve("ingest.json")))) {
            IngestReportWriter.write(summary, request.scopeFromUser(), stream);
        }
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out.resolve("findings.jsonl")));
             OcsfFindingWriter writer = new OcsfFindingWriter(stream, VERSION)) {
            findings.forEach(writer::write);
        }
        Files.writeString(out.resolve("cases.json"), "[]\n", StandardCharsets.UTF_8);
        return new AnalysisResult(summary, findings, refined.summary());
    }
}
