package io.stagehunt.ingest.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.FirewallDecision.Verdict;
import io.stagehunt.event.FirewallDecision;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.Head;
import io.stagehunt.ingest.LogFormat;
import io.stagehunt.ingest.ReaderFixture;
import io.stagehunt.ingest.StandardFormats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample logs of each vendor, written from the documented formats (several dozen lines each, allow and
 * deny, inbound and outbound, IPv6, odd but valid variants, other programs' lines), read end to end.
 */
class FirewallSampleFilesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, format recognized, lines, decisions, of which denied, skipped by design
            "netfilter-ufw-kern.log,      netfilter-syslog,  36, 30, 19,  6",
            "netfilter-rsyslog-mixed.log, netfilter-syslog,  38, 21, 17, 17",
            "netfilter-journal.txt,       netfilter-syslog,  30, 20, 14, 10",
            "netfilter-rfc5424.log,       netfilter-syslog,  12,  9,  3,  3",
            "filterlog-pfsense.log,       pfsense-filterlog, 39, 34, 16,  5",
            "filterlog-opnsense.log,      pfsense-filterlog, 25, 21, 13,  4",
            "panos-traffic.log,           panos-traffic,     33, 31,  9,  2",
            "cef-firewalls.log,           cef,               36, 32, 13,  4",
    })
    void readsSampleCompletely(String file, String format, long lines, long decisions, long denied, long skipped) {
        byte[] content = resource(file);
        LogFormat recognized = StandardFormats.registry().recognize(new Head(content, content.length, true));
        assertThat(recognized).isNotNull();
        assertThat(recognized.id()).isEqualTo(format);

        ReaderFixture run = ReaderFixture.read(recognized, content);

        FileAccount account = run.account();
        assertThat(account.balanced()).isTrue();
        assertThat(account.quarantineReasons()).isEmpty();
        assertThat(account.read()).isEqualTo(lines);
        assertThat(account.produced()).isEqualTo(decisions);
        assertThat(account.skippedByDesign()).isEqualTo(skipped);
        List<FirewallDecision> events = run.of(FirewallDecision.class);
        assertThat(events).filteredOn(event -> event.verdict() == Verdict.DENY).hasSize((int) denied);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.host()).isNotNull();
            assertThat(event.provenance().source().path()).isEqualTo("memory");
        });
    }

    static byte[] resource(String name) {
        try (InputStream in = FirewallSampleFilesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
