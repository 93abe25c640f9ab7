package io.stagehunt.intel.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.ingest.FileAccount;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The acceptance rule of the intel feeds: every file of the shared intel folder loads or is refused by reason. */
class SharedIntelDataTest {

    @Test
    void everyFileUnderTheSharedIntelFolderLoadsOrIsRefusedWithAOneLineReason() throws IOException {
        Path intelFolder = SharedData.path("intel");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(intelFolder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        LoadedIntel intel = StandardFeeds.loader(List.of()).load(List.of(intelFolder.toString()));

        assertThat(intel.files()).extracting(FileAccount::path)
                .containsExactlyElementsOf(files.stream().map(Path::toString).toList());
        for (FileAccount file : intel.files()) {
            assertThat(file.balanced()).as(file.path()).isTrue();
            if (file.format() == null) {
                assertThat(file.note()).as(file.path()).isNotBlank().doesNotContain("\n");
            } else {
                assertThat(file.note()).as(file.path()).isNull();
            }
        }
        Map<String, Long> refusedByName = intel.refusedFiles().stream().collect(Collectors.groupingBy(
                file -> file.path().replaceAll(".*/", "").replaceAll(".*\\.license$", "*.license"),
                Collectors.counting()));
        assertThat(refusedByName).as("only licences, notes and a JSON schema are refused").containsOnlyKeys(
                "LICENSE", "LICENSE.txt", "README.md", "SOURCE.txt", "schema.json", "*.license");
        assertThat(intel.indicators().countsByType()).containsKeys(IndicatorType.IP, IndicatorType.CIDR,
                IndicatorType.DOMAIN, IndicatorType.URL, IndicatorType.MD5, IndicatorType.SHA1, IndicatorType.SHA256,
                IndicatorType.CERT_SHA1);
        assertThat(intel.indicators().size()).isGreaterThan(22_000);
        assertThat(intel.benign().countsByList()).hasSizeGreaterThanOrEqualTo(16);
    }
}
