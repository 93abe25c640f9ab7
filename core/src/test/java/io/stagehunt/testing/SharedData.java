package io.stagehunt.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real public datasets beside the project ({@code ../shared/data}); tests that use them skip cleanly when
 * they are absent. The location can be overridden with the {@code STAGEHUNT_SHARED_DATA} environment
 * variable.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The data folder, or a skipped test when it is not there. */
    public static Path root() {
        String override = System.getenv("STAGEHUNT_SHARED_DATA");
        Path root = override != null ? Path.of(override) : locate();
        assumeTrue(root != null && Files.isDirectory(root), "../shared/data is absent: skipping real-data test");
        return root;
    }

    /** A path inside the data folder; the test is skipped when it does not exist. */
    public static Path path(String relative) {
        Path path = root().resolve(relative);
        assumeTrue(Files.exists(path), relative + " is absent: skipping real-data test");
        return path;
    }

    /** {@code ../shared/data} next to the project root, the folder holding {@code core/} and the root pom. */
    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("core"))) {
                return dir.resolveSibling("shared").resolve("data");
            }
        }
        return null;
    }
}
