package io.stagehunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

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

    private int run(String... args) {
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            return Main.run(outWriter, errWriter, args);
        }
    }
}
