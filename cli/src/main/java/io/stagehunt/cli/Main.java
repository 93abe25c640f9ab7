package io.stagehunt.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the runnable jar. */
@Command(name = "stagehunt", mixinStandardHelpOptions = true, version = "stagehunt 0.1.0",
        description = "Finds multi-stage command-and-control channels (MITRE ATT&CK T1104) in SOC logs.",
        subcommands = {AnalyzeCommand.class, ConfigCommand.class, IntelCommand.class, ScoreDomainsCommand.class,
                DgaCommand.class, SimulateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_NO_INPUT = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status; for tests and embedding. */
    public static int run(String... args) {
        return run(null, null, args);
    }

    /** Runs a command line with its output and errors sent to the given writers (null: the console's). */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        if (out != null) {
            commandLine.setOut(out);
        }
        if (err != null) {
            commandLine.setErr(err);
        }
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            exception.getCommandLine().getErr().println("stagehunt: " + exception.getMessage());
            exception.getCommandLine().getErr().println("Try '" + exception.getCommandLine().getCommandSpec()
                    .qualifiedName() + " --help' for usage.");
            return EXIT_USAGE;
        });
        return commandLine.execute(args);
    }

    /** Errors are one line on stderr; a stack trace only with {@code --debug}. */
    private static final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception exception, CommandLine commandLine,
                CommandLine.ParseResult parseResult) {
            boolean debug = parseResult.subcommands().stream().anyMatch(sub -> sub.hasMatchedOption("--debug"))
                    || parseResult.hasMatchedOption("--debug");
            if (debug) {
                exception.printStackTrace(commandLine.getErr());
            }
            String message = exception.getMessage() == null ? exception.getClass().getSimpleName()
                    : exception.getMessage();
            commandLine.getErr().println("stagehunt: " + message);
            return exception instanceof UsageException ? EXIT_USAGE : 1;
        }
    }
}
