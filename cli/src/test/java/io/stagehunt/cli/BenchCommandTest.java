package io.stagehunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    private static final String CONN = "#separator \\x09\n#path\tconn\n"
            + "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tconn_state\n"
            + "1710144000.000000\tC1\t10.20.30.41\t50000\t203.0.113.9\t443\ttcp\tssl\tSF\n"
            + "1710144060.000000\tC2\t10.20.30.41\t50001\t203.0.113.9\t443\ttcp\tssl\tSF\n"
            + "1710144120.000000\tC3\t10.20.30.41\t50002\t203.0.113.9\t443\ttcp\tssl\tSF\n";

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void refusesZeroRoundsBeforeMeasuringAnything() {
        assertThat(run("bench", folder.toString(), "--rounds", "0")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("--rounds must be at least 1");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refusesAnUnknownDetectorAndNamesTheKnownOnes() {
        assertThat(run("bench", folder.toString(), "--only", "beacon,no-such-detector"))
                .isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("no-such-detector", "known: [", "beacon");
    }

    @Test
    void measuresAnalyzeBesideTheBaselineAndSaysWhatItAllocated() throws Exception {
        Files.writeString(folder.resolve("conn.log"), CONN);

        assertThat(run("bench", folder.toString(), "--rounds", "1", "--only", "beacon")).isEqualTo(Main.EXIT_OK);

        String report = out.toString();
        // every line read counts, headers too, as the baseline counts lines
        assertThat(report).contains("baseline: read + count lines", "analyze (1 detectors)", "records: 6");
        // the analysis thread allocated something for its three records, and the bench says how much
        Matcher allocated = Pattern.compile("allocated by that analyze: [\\d,]+ MB, ([\\d,]+) bytes per record")
                .matcher(report);
        assertThat(allocated.find()).as(report).isTrue();
        assertThat(Long.parseLong(allocated.group(1).replace(",", ""))).isPositive();
    }

    private int run(String... args) {
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            return Main.run(outWriter, errWriter, args);
        }
    }
}
