package io.stagehunt.cli;

import io.stagehunt.detect.dga.DgaModel;
import io.stagehunt.detect.dga.DomainScorer;
import io.stagehunt.detect.dga.LabelFeatures;
import io.stagehunt.detect.dga.training.DgaEvaluation;
import io.stagehunt.detect.dga.training.DgaModelTrainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stagehunt dga train|evaluate}: rebuilds the shipped generated-name model and measures it. */
@Command(name = "dga", mixinStandardHelpOptions = true,
        description = "Trains and evaluates the model behind score-domains and the dga detector.",
        subcommands = {DgaCommand.Train.class, DgaCommand.Evaluate.class})
final class DgaCommand implements Callable<Integer> {

    static final Path SHIPPED_MODEL = Path.of("core/src/main/resources/io/stagehunt/detect/dga", DgaModel.RESOURCE);

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_USAGE;
    }

    /** {@code stagehunt dga train --warninglists DIR [--out FILE]}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Trains the model from the MISP warninglists of popular names (CC0) and writes it; the "
                    + "same lists give the same file, byte for byte.")
    static final class Train implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--warninglists", required = true, paramLabel = "DIR",
                description = "Folder holding tranco10k.json, cisco_top10k.json, cloudflare-top10k.json, "
                        + "majestic_million.json, dynamic-dns.json and public-dns-hostname.json.")
        private Path warninglists;

        @Option(names = "--out", paramLabel = "FILE",
                description = "Where to write the model (default: ${DEFAULT-VALUE}, the shipped resource).")
        private Path out = SHIPPED_MODEL;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(warninglists)) {
                throw new UsageException("--warninglists: not a folder: " + warninglists);
            }
            DgaModelTrainer.Result result = DgaModelTrainer.train(warninglists);
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream stream = Files.newOutputStream(out)) {
                result.model().write(stream);
            }
            PrintWriter text = spec.commandLine().getOut();
            DgaModelTrainer.Report report = result.report();
            text.printf(Locale.ROOT, "%d listed names -> %d benign labels, %d labels with host labels for the "
                            + "character models, %d popular domains (%d of them dynamic DNS)%n",
                    report.listedNames(), report.benignLabels(), report.characterLabels(), report.popularDomains(),
                    report.dynamicDnsDomains());
            for (Map.Entry<Integer, Double> entry : report.heldOutBitsByOrder().entrySet()) {
                text.printf(Locale.ROOT, "held-out benign surprise, order %d: %.4f bits per character%n",
                        entry.getKey(), entry.getValue());
            }
            for (Map.Entry<String, Double> entry : report.aucByShape().entrySet()) {
                text.printf(Locale.ROOT, "benign labels out of fold against synthetic %s: ROC AUC %.4f%n",
                        entry.getKey(), entry.getValue());
            }
            List<String> names = LabelFeatures.NAMES;
            for (int i = 0; i < names.size(); i++) {
                text.printf(Locale.ROOT, "weight %-22s %+.4f%n", names.get(i), report.weights()[i]);
            }
            text.printf(Locale.ROOT, "intercept %+.4f%nwrote %s (%,d bytes)%n", report.intercept(), out,
                    Files.size(out));
            return Main.EXIT_OK;
        }
    }

    /** {@code stagehunt dga evaluate FILE}. */
    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Measures the shipped model on a labelled CSV (domain,label,family,source_file): ROC AUC "
                    + "and per-family recall at 1%% false positives, shipped and with families split into folds.")
    static final class Evaluate implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Labelled CSV; label is 'dga' or 'benign'.")
        private Path file;

        @Option(names = "--model", paramLabel = "FILE",
                description = "A model written by 'dga train --out FILE' to measure instead of the shipped one.")
        private Path model;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("stagehunt: cannot read " + file + ": no such file");
                return Main.EXIT_NO_INPUT;
            }
            DgaEvaluation.Dataset dataset = DgaEvaluation.read(file);
            PrintWriter text = spec.commandLine().getOut();
            for (String rejected : dataset.rejectedLines()) {
                spec.commandLine().getErr().println("stagehunt: " + file + ":" + rejected + " (not domain,label,family)");
            }
            DomainScorer scorer = model == null ? DomainScorer.standard() : DomainScorer.withModel(readModel());
            List<DgaEvaluation.Example> unseen = DgaEvaluation.unseen(scorer, dataset.examples());
            int removed = dataset.examples().size() - unseen.size();
            DgaEvaluation.Result all = DgaEvaluation.shipped(scorer, dataset.examples());
            text.printf(Locale.ROOT, "All %d names, benign ones the model was trained on included: ROC AUC %.4f%n",
                    dataset.examples().size(), all.auc());
            text.printf(Locale.ROOT, "Below: %d benign names whose domain is in the training lists left out.%n%n",
                    removed);
            DgaEvaluation.Result shipped = DgaEvaluation.shipped(scorer, unseen);
            text.print(DgaEvaluation.table(shipped, DgaEvaluation.familySplit(scorer, unseen)));
            text.println();
            text.print(DgaEvaluation.costliestTable(shipped, 20));
            text.flush();
            return Main.EXIT_OK;
        }

        private DgaModel readModel() throws IOException {
            if (!Files.isRegularFile(model)) {
                throw new UsageException("--model: no such file: " + model);
            }
            try (InputStream stream = Files.newInputStream(model)) {
                return DgaModel.read(stream);
            }
        }
    }
}
