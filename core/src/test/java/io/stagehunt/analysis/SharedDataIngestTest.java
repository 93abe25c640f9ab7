package io.stagehunt.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.StandardDetectors;
import io.stagehunt.engine.Pipeline;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.net.NetworkScope;
import io.stagehunt.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation's acceptance on real data: every data file of the network datasets gets a format
 * (documentation excepted) and the ledger balances for every file.
 */
class SharedDataIngestTest {

    @TempDir
    Path out;

    @Test
    void everyNetworkDataFileIsRecognizedAndBalanced() throws IOException {
        Path data = SharedData.root();
        AnalysisRequest request = new AnalysisRequest(
                List.of(data.resolve("zeek"), data.resolve("suricata"), data.resolve("netflow")),
                NetworkScope.defaults(), false, out, StandardDetectors.all(), Pipeline.Settings.DEFAULT);

        AnalysisResult result = new Analysis(StandardFormats.registry()).run(request, null);

        List<FileAccount> accounts = result.summary().accounts();
        assertThat(accounts).hasSizeGreaterThan(150);
        assertThat(accounts).filteredOn(account -> account.format() == null)
                .allSatisfy(account -> assertThat(isDocumentation(account.path()))
                        .as("%s is documentation (%s)", account.path(), account.note()).isTrue());
        assertThat(accounts).allSatisfy(account -> assertThat(account.balanced())
                .as("%s: read %d == produced %d + skipped %d + quarantined %d", account.path(), account.read(),
                        account.produced(), account.skippedByDesign(), account.quarantined()).isTrue());
        assertThat(result.summary().events()).isGreaterThan(50_000);
        assertThat(out.resolve("ingest.json")).exists();
    }

    private static boolean isDocumentation(String path) {
        String name = Path.of(path).getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".cff") || name.endsWith(".config")
                || name.startsWith("license");
    }
}
