package io.stagehunt.cli;

import io.stagehunt.engine.Pipeline;
import java.io.PrintStream;

/**
 * A one-line progress bar on the terminal, drawn only when stderr is a terminal and the run has lasted more
 * than a second; silent otherwise so that logs and pipes stay clean.
 */
final class ProgressBar implements Pipeline.Progress {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 24;

    private final PrintStream terminal;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    private ProgressBar(PrintStream terminal) {
        this.terminal = terminal;
    }

    /** A bar on stderr when there is a terminal, else null. */
    static ProgressBar forTerminal() {
        return System.console() != null ? new ProgressBar(System.err) : null;
    }

    @Override
    public void update(long events, long bytes, int inputsDone, int inputsTotal) {
        long now = System.nanoTime();
        if (now - started < QUIET_NANOS || now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        double seconds = (now - started) / 1e9;
        int filled = inputsTotal == 0 ? WIDTH : (int) ((long) WIDTH * inputsDone / inputsTotal);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        terminal.printf("\r[%s] %d/%d inputs  %,d events  %.1f MB  %,.0f events/s ", bar, inputsDone, inputsTotal,
                events, bytes / 1e6, events / seconds);
        terminal.flush();
    }

    /** Clears the bar so that the next output starts on a clean line. */
    void finish() {
        if (drawn) {
            terminal.print("\r" + " ".repeat(100) + "\r");
            terminal.flush();
        }
    }
}
