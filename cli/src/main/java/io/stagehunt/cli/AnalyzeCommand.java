package io.stagehunt.cli;

import io.stagehunt.analysis.Analysis;
import io.stagehunt.analysis.AnalysisRequest;
import io.stagehunt.analysis.AnalysisResult;
import io.stagehunt.config.StagehuntConfig;
import io.stagehunt.detect.StandardDetectors;
import io.stagehunt.engine.Pipeline;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.intel.feed.LoadedIntel;
import io.stagehunt.net.NetworkScope;
import io.stagehunt.refine.NoiseControl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stagehunt analyze PATH... [--intel FEED...] [--internal CIDR...] [--out DIR]}. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Reads logs (files and folders, through .gz and .zip), detects multi-stage C2, and writes "
                + "ingest.json, findings.jsonl and cases.json.")
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or folders.")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--internal", paramLabel = "CIDR",
            description = "Networks of the defended hosts (repeatable, comma lists allowed). Default: RFC 1918, "
                    + "RFC 6598, loopback, link-local and IPv6 ULA.")
    private List<String> internal = new ArrayList<>();

    @Option(names = "--intel", arity = "1..*", paramLabel = "FEED",
            description = "Threat-intelligence feeds (files, folders, TAXII 2.1 URLs) to match with intel-match.")
    private List<String> intel = new ArrayList<>();

    @Mixin
    private TaxiiOptions taxii;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration: internal networks, feeds, allowlists, detector settings (see "
                    + "'stagehunt config show').")
    private Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("stagehunt-out");

    @Option(names = "--debug", description = "Print stack traces of errors.")
    private boolean debug;

    @Override
    public Integer call() throws Exception {
        StagehuntConfig settings = ConfigCommand.load(config);
        List<String> networks = internal.isEmpty() ? settings.internal() : internal;
        NetworkScope scope;
        try {
            scope = networks.isEmpty() ? NetworkScope.defaults() : NetworkScope.of(networks);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--internal: " + e.getMessage());
        }
        intel.addAll(settings.intel());
        LoadedIntel loaded = loadIntel();
        NoiseControl noiseControl;
        try {
            noiseControl = NoiseControl.withAllowlists(settings.allowlists());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--config: " + e.getMessage());
        }
        AnalysisRequest request = new AnalysisRequest(paths, scope, !networks.isEmpty(), out,
                StandardDetectors.configured(settings.disabled(), settings.detectorSettings(), loaded.indicators(),
                        loaded.benign()), Pipeline.Settings.DEFAULT, noiseControl);
        ProgressBar progress = ProgressBar.forTerminal();
        AnalysisResult result = new Analysis(StandardFormats.registry()).run(request, progress);
        if (progress != null) {
            progress.finish();
        }
        summarize(result);
        if (result.nothingRead()) {
            spec.commandLine().getErr().println("stagehunt: no input could be read (see " + out.resolve("ingest.json")
                    + ")");
            return Main.EXIT_NO_INPUT;
        }
        return Main.EXIT_OK;
    }

    /** The feeds of {@code --intel}; refused files are named on stderr, and none readable is a usage error. */
    private LoadedIntel loadIntel() {
        if (intel.isEmpty()) {
            return LoadedIntel.empty();
        }
        LoadedIntel loaded;
        try {
            loaded = IntelCommand.load(intel, taxii);
        } catch (IntelCommand.NoFeedException e) {
            throw new UsageException("--intel: " + e.getMessage());
        }
        loaded.refusedFiles().forEach(file -> spec.commandLine().getErr().println("stagehunt: --intel: refused "
                + file.path() + ": " + file.note()));
        spec.commandLine().getErr().printf("stagehunt: intel: %,d indicators, %,d benign entries from %d feed files%n",
                loaded.indicators().size(), loaded.benign().countsByList().values().stream()
                        .mapToLong(Integer::longValue).sum(),
                loaded.files().size() - loaded.refusedFiles().size());
        return loaded;
    }

    private void summarize(AnalysisResult result) {
        long read = 0;
        long quarantined = 0;
        int files = 0;
        int unknown = 0;
        for (FileAccount account : result.summary().accounts()) {
            files++;
            read += account.read();
            quarantined += account.quarantined();
            if (account.format() == null) {
                unknown++;
            }
        }
        spec.commandLine().getOut().printf("%d inputs (%d not read), %,d records, %,d events, %,d quarantined; "
                        + "%d findings -> %s%n", files, unknown, read, result.summary().events(), quarantined,
                result.findings().size(), out);
    }
}
