package io.stagehunt.ingest.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Transport;
import io.stagehunt.ingest.DiscoveredInput;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.InputDiscovery;
import io.stagehunt.ingest.ReaderFixture;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Slips Argus files of {@code ../shared/data/netflow}, read end to end. */
class ArgusRealDataTest {

    private static final ArgusCsvFormat FORMAT = new ArgusCsvFormat();

    @Test
    void everyNetflowFileIsRecognizedAsArgus() {
        Path folder = SharedData.path("netflow");
        List<DiscoveredInput> inputs = new InputDiscovery(StandardFormats.registry()).discover(List.of(folder));
        assertThat(inputs).hasSize(3);
        assertThat(inputs).allSatisfy(input -> assertThat(input.format()).isInstanceOf(ArgusCsvFormat.class));
    }

    @Test
    void maliciousCaptureIsReadCompletelyWithBalancedAccounts() {
        ReaderFixture run = read("netflow/test2-malicious.binetflow");
        FileAccount account = run.account();
        assertThat(account.balanced()).isTrue();
        assertThat(account.read()).isEqualTo(6752);
        assertThat(account.quarantined()).isZero();
        assertThat(account.skipReasons()).containsOnlyKeys("header");
        assertThat(account.produced()).isEqualTo(6751);
        List<Connection> connections = run.of(Connection.class);
        assertThat(connections).allSatisfy(connection -> {
            assertThat(connection.host()).isNotNull();
            assertThat(connection.originatorBytes()).isNotNegative();
            assertThat(connection.responderBytes()).isNotNegative();
        });
        assertThat(connections).extracting(Connection::transport)
                .contains(Transport.TCP, Transport.UDP, Transport.ICMP, Transport.OTHER);
        assertThat(connections).filteredOn(connection -> connection.transport() == Transport.TCP
                        || connection.transport() == Transport.UDP)
                .extracting(Connection::outcome).doesNotContain(ConnectionOutcome.UNKNOWN);
        assertThat(connections).filteredOn(connection -> "S_".equals(connection.state()))
                .hasSize(7).extracting(Connection::outcome).containsOnly(ConnectionOutcome.NO_REPLY);
    }

    @Test
    void mixedCaptureQuarantinesOnlyTheLineWithAForeignDirectionField() {
        ReaderFixture run = read("netflow/test3-mixed.binetflow");
        FileAccount account = run.account();
        assertThat(account.balanced()).isTrue();
        assertThat(account.quarantined()).isEqualTo(1);
        assertThat(account.samples()).singleElement().satisfies(entry -> {
            assertThat(entry.line()).isEqualTo(58);
            assertThat(entry.reason()).contains("Dir").contains("get_message");
        });
        assertThat(account.produced()).isEqualTo(88);
    }

    @Test
    void tabSeparatedCaptureSkipsManagementArpAndLinkLayerRecordsByDesign() {
        ReaderFixture run = read("netflow/test5-mixed.binetflow");
        FileAccount account = run.account();
        assertThat(account.balanced()).isTrue();
        assertThat(account.quarantined()).isZero();
        assertThat(account.skipReasons()).containsEntry("header", 1L)
                .containsEntry("Argus management record", 1L)
                .containsEntry("ARP record (not an IP flow)", 2L)
                .containsEntry("non-IP flow (llc)", 1L);
        assertThat(account.produced()).isEqualTo(296);
    }

    private static ReaderFixture read(String relative) {
        return ReaderFixture.read(FORMAT, SharedData.path(relative));
    }
}
