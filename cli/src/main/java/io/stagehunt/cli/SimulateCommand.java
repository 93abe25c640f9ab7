package io.stagehunt.cli;

import io.stagehunt.simulate.NetworkSimulator;
import io.stagehunt.simulate.SimulationSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stagehunt simulate --out DIR}: writes a simulated office network's Zeek logs. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Writes Zeek logs (conn, dns, http, ssl, files) of a simulated office network, with a "
                + "multi-stage intrusion planted on one workstation unless --no-intrusion.")
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the logs into.")
    private Path out;

    @Option(names = "--hosts", defaultValue = "12", description = "Workstations (default: ${DEFAULT-VALUE}).")
    private int hosts;

    @Option(names = "--hours", defaultValue = "8", description = "Simulated hours (default: ${DEFAULT-VALUE}).")
    private int hours;

    @Option(names = "--seed", defaultValue = "1104", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--max-size", paramLabel = "SIZE", description = "Stop at about this much log data, e.g. "
            + "500m or 5g (for benchmark inputs).")
    private String maxSize;

    @Option(names = "--no-intrusion", description = "Benign traffic only.")
    private boolean noIntrusion;

    @Override
    public Integer call() throws Exception {
        SimulationSettings settings;
        try {
            settings = new SimulationSettings(seed, hosts, SimulationSettings.DEFAULT_START, hours, !noIntrusion,
                    maxSize == null ? 0 : ByteSize.parse(maxSize));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        NetworkSimulator.Result result = NetworkSimulator.run(settings, out);
        spec.commandLine().getOut().printf("%,d records, %.1f MB of Zeek logs for %d hosts -> %s%n",
                result.records(), result.bytes() / 1e6, result.hosts(), out);
        if (result.victim() != null) {
            spec.commandLine().getOut().printf("planted: %s downloads %s, then beacons to %s (%s)%n",
                    result.victim(), result.stageOneUrl(), result.c2Name(), result.c2Address());
        }
        return Main.EXIT_OK;
    }
}
