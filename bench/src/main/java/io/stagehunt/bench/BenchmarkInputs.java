package io.stagehunt.bench;

import io.stagehunt.simulate.NetworkSimulator;
import io.stagehunt.simulate.SimulationSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Realistic benchmark inputs cut from the network simulator's logs to an exact number of records. */
final class BenchmarkInputs {

    private BenchmarkInputs() {
    }

    /** The header block of a simulated Zeek log followed by exactly {@code records} data lines. */
    static byte[] zeekLog(String path, int records) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("stagehunt-bench");
            int hours = 1;
            while (true) {
                NetworkSimulator.run(new SimulationSettings(42, 400, SimulationSettings.DEFAULT_START + 2 * 3_600_000_000L,
                        hours, true, 0), folder);
                List<String> lines = Files.readAllLines(folder.resolve(path + ".log"));
                List<String> header = lines.stream().filter(line -> line.startsWith("#") && !line.startsWith("#close"))
                        .toList();
                List<String> data = lines.stream().filter(line -> !line.startsWith("#")).toList();
                if (data.size() >= records) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    for (String line : header) {
                        out.writeBytes((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                    for (String line : data.subList(0, records)) {
                        out.writeBytes((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                    return out.toByteArray();
                }
                hours *= 2;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
