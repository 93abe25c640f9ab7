package io.stagehunt.ingest.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.ingest.DiscoveredInput;
import io.stagehunt.ingest.ReaderFixture;
import io.stagehunt.ingest.InputDiscovery;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Zeek JSON logs among the real datasets (CTU, Slips, RITA): all recognized, none losing a record. */
class ZeekJsonRealDataTest {

    @Test
    void everyZeekJsonLogIsRecognizedAndReadWithoutQuarantine() {
        List<DiscoveredInput> inputs = new InputDiscovery(StandardFormats.registry())
                .discover(List.of(SharedData.path("zeek")));
        int jsonLogs = 0;
        long events = 0;
        for (DiscoveredInput input : inputs) {
            if (!startsWithBrace(input)) {
                continue;
            }
            jsonLogs++;
            assertThat(input.format()).as(input.displayPath()).isNotNull();
            assertThat(input.format().id()).as(input.displayPath()).isEqualTo(ZeekJsonFormat.ID);
            ReaderFixture result = ReaderFixture.read(input);
            assertThat(result.account().balanced()).as(input.displayPath()).isTrue();
            assertThat(result.account().quarantined()).as(input.displayPath() + " "
                    + result.account().quarantineReasons()).isZero();
            events += result.events().size();
        }
        assertThat(jsonLogs).isGreaterThan(20);
        assertThat(events).isGreaterThan(10_000);
    }

    private static boolean startsWithBrace(DiscoveredInput input) {
        try (InputStream in = input.input().openDecoded()) {
            return in.read() == '{';
        } catch (IOException e) {
            return false;
        }
    }
}
