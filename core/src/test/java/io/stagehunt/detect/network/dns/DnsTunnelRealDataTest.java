package io.stagehunt.detect.network.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Severity;
import io.stagehunt.detect.network.RealDataRun;
import io.stagehunt.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code dns-tunnel} on public captures of real DNS command channels. Each test skips while stagehunt cannot
 * read the capture's format yet (Suricata EVE, Zeek JSON).
 */
class DnsTunnelRealDataTest {

    @Test
    void findsTheTxtCommandChannelInTheSuricataCapture() {
        Path eve = SharedData.path(
                "suricata/derived/pcap-attack/cmds_over_dns_txt_queries_and_reponses.pcap.eve.json.gz");
        RealDataRun run = RealDataRun.of(List.of(new DnsTunnelDetector()), eve);

        assertThat(run.findings()).extracting(finding -> finding.host().label() + " " + finding.destination().domain())
                .contains("192.168.100.121 ostrykebs.pl");
        Finding channel = run.findings().stream()
                .filter(finding -> "ostrykebs.pl".equals(finding.destination().domain())).findFirst().orElseThrow();
        assertThat(channel.severity()).isIn(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL);
        // the answers are text only: nothing to connect to, so no claim that the host never did
        assertThat(channel.reason()).contains("(100% TXT)").doesNotContain("never connected");
    }

    @Test
    void findsTheTxtTunnelInTheZeekJsonLogs() {
        Path folder = SharedData.path("zeek/rita-json-all-fields");
        RealDataRun run = RealDataRun.of(List.of(new DnsTunnelDetector()), folder.resolve("dns.log"),
                folder.resolve("conn.log"), folder.resolve("open_conn.log"));
        assumeTrue(run.read("dns.log"), "Zeek JSON dns.log not readable yet");

        assertThat(run.findings()).extracting(finding -> finding.host().label() + " " + finding.destination().domain())
                .containsExactly("192.168.88.2 r-1x.com");
        assertThat(run.findings().get(0).severity()).isIn(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL);
    }
}
