package io.stagehunt.cli;

import io.stagehunt.config.ConfigException;
import io.stagehunt.config.ConfigLoader;
import io.stagehunt.config.StagehuntConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stagehunt config show [--config FILE]}: the effective configuration, every setting with its value. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Shows the effective configuration as YAML: with no --config, every default; edit a copy "
                + "and pass it to 'analyze --config'. Detector pages in docs/detectors explain each setting.",
        subcommands = {ConfigCommand.Show.class, CommandLine.HelpCommand.class})
final class ConfigCommand {

    /** Loads a configuration file, or the defaults for none; every problem ends up in one usage error. */
    static StagehuntConfig load(Path file) {
        if (file == null) {
            return StagehuntConfig.DEFAULTS;
        }
        try {
            return new ConfigLoader().load(file);
        } catch (ConfigException e) {
            throw new UsageException("--config " + e.getMessage());
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints the effective configuration.")
    static final class Show implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", description = "Configuration to apply over the defaults.")
        private Path config;

        @Override
        public Integer call() {
            StagehuntConfig loaded = load(config);
            spec.commandLine().getOut().print("# stagehunt configuration: pass to 'stagehunt analyze --config FILE'.\n"
                    + "# Remove what you do not change; each detector's settings are explained in "
                    + "docs/detectors/<id>.md.\n" + new ConfigLoader().describe(loaded));
            spec.commandLine().getOut().flush();
            return Main.EXIT_OK;
        }
    }
}
