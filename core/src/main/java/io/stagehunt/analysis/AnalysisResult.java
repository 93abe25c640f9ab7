package io.stagehunt.analysis;

import io.stagehunt.detect.Finding;
import io.stagehunt.engine.RunSummary;
import io.stagehunt.refine.FindingRefiner;
import java.util.List;

/**
 * What a run produced, besides the files it wrote.
 *
 * @param noiseControl what noise control did to the detectors' findings
 */
public record AnalysisResult(RunSummary summary, List<Finding> findings, FindingRefiner.Summary noiseControl) {

    public AnalysisResult {
        findings = List.copyOf(findings);
    }

    /** True when not a single input could be read (exit status 3). */
    public boolean nothingRead() {
        return summary.accounts().stream().noneMatch(account -> account.format() != null && account.read() > 0);
    }
}
