package io.stagehunt.cli;

import io.stagehunt.detect.dga.DomainScore;
import io.stagehunt.detect.dga.DomainScorer;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.LineReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stagehunt score-domains FILE}: one domain per line in, {@code domain<TAB>score} out, the score 0..1
 * saying how algorithmically generated the name looks. Lines that are not hostnames get one message each on
 * stderr, with their line number, and the run goes on; blank lines are skipped.
 */
@Command(name = "score-domains", mixinStandardHelpOptions = true,
        description = "Scores how algorithmically generated each domain looks (0..1). Reads one domain per line "
                + "('-' for standard input) and prints domain<TAB>score.")
final class ScoreDomainsCommand implements Callable<Integer> {

    /** A domain name is at most 253 characters; longer lines are reported, not buffered. */
    private static final int MAX_LINE = 4096;
    private static final int EXCERPT = 80;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A file with one domain per line, or '-' for standard input.")
    private String file;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        InputStream in;
        if (file.equals("-")) {
            in = System.in;
        } else {
            Path path = Path.of(file);
            if (Files.isDirectory(path)) {
                err.println("stagehunt: " + file + " is a folder; give a file with one domain per line");
                return Main.EXIT_NO_INPUT;
            }
            try {
                in = Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                err.println("stagehunt: cannot read " + file + ": no such file");
                return Main.EXIT_NO_INPUT;
            } catch (IOException e) {
                err.println("stagehunt: cannot read " + file + ": " + e.getMessage());
                return Main.EXIT_NO_INPUT;
            }
        }
        DomainScorer scorer = DomainScorer.standard();
        PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16));
        long scored = 0;
        long rejected = 0;
        try (LineReader lines = new LineReader(in, new FileAccount(file), MAX_LINE)) {
            while (lines.next()) {
                if (lines.oversized()) {
                    rejected++;
                    err.println(location(lines) + "line of " + lines.oversizedLength()
                            + " bytes is too long to be a domain name");
                    continue;
                }
                if (lines.blank()) {
                    continue;
                }
                String text = lines.text().strip();
                DomainScore score = scorer.score(text);
                if (score.status() == DomainScore.Status.NOT_A_HOSTNAME) {
                    rejected++;
                    err.println(location(lines) + "not a hostname: " + excerpt(text));
                    continue;
                }
                out.print(score.name());
                out.print('\t');
                out.println(String.format(Locale.ROOT, "%.4f", score.score()));
                scored++;
            }
        }
        out.flush();
        if (rejected > 0) {
            err.println("stagehunt: " + scored + " names written, " + rejected + " lines rejected");
        }
        return Main.EXIT_OK;
    }

    private String location(LineReader lines) {
        return "stagehunt: " + file + ":" + lines.lineNumber() + ": ";
    }

    /** The start of a bad line with control and non-ASCII characters escaped, safe to print to a terminal. */
    static String excerpt(String text) {
        StringBuilder excerpt = new StringBuilder();
        for (int i = 0; i < text.length() && excerpt.length() < EXCERPT; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                excerpt.append(c);
            } else {
                excerpt.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        if (excerpt.length() >= EXCERPT) {
            excerpt.append("...");
        }
        return "'" + excerpt + "'";
    }
}
