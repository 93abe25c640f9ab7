package io.stagehunt.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.FileTransfer;
import io.stagehunt.event.TlsSession;
import io.stagehunt.ingest.ReaderFixture;
import io.stagehunt.ingest.zeek.ZeekTsvFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkSimulatorTest {

    private static final SimulationSettings SMALL =
            new SimulationSettings(1104, 12, SimulationSettings.DEFAULT_START, 8, true, 0);

    @TempDir
    Path folder;

    @Test
    void sameSeedGivesByteIdenticalLogs() throws IOException {
        NetworkSimulator.run(SMALL, folder.resolve("a"));
        NetworkSimulator.run(SMALL, folder.resolve("b"));
        for (String log : List.of("conn.log", "dns.log", "http.log", "ssl.log", "files.log")) {
            assertThat(Files.readAllBytes(folder.resolve("a").resolve(log)))
                    .isEqualTo(Files.readAllBytes(folder.resolve("b").resolve(log)));
        }
    }

    @Test
    void writesCleanZeekLogsWithThePlantedIntrusion() throws IOException {
        NetworkSimulator.Result result = NetworkSimulator.run(SMALL, folder);
        ZeekTsvFormat format = new ZeekTsvFormat();

        ReaderFixture conn = ReaderFixture.read(format, folder.resolve("conn.log"));
        ReaderFixture ssl = ReaderFixture.read(format, folder.resolve("ssl.log"));
        ReaderFixture dns = ReaderFixture.read(format, folder.resolve("dns.log"));
        ReaderFixture files = ReaderFixture.read(format, folder.resolve("files.log"));
        for (ReaderFixture read : List.of(conn, ssl, dns, files)) {
            assertThat(read.account().quarantined()).isZero();
            assertThat(read.account().balanced()).isTrue();
        }

        String victim = result.victim();
        List<TlsSession> beacons = ssl.of(TlsSession.class).stream()
                .filter(session -> session.serverName().equals(result.c2Name())).toList();
        assertThat(beacons).hasSizeGreaterThan(200)
                .allSatisfy(session -> assertThat(session.host().label()).isEqualTo(victim));
        assertThat(conn.of(Connection.class)).filteredOn(c -> c.outcome().failed()
                && c.host().label().equals(victim)).hasSizeGreaterThanOrEqualTo(20);
        assertThat(dns.of(DnsQuery.class)).filteredOn(DnsQuery::nxdomain).hasSizeGreaterThanOrEqualTo(14);
        assertThat(files.of(FileTransfer.class)).singleElement()
                .satisfies(file -> assertThat(file.mimeType()).isEqualTo("application/x-dosexec"));
        assertThat(conn.of(Connection.class)).filteredOn(c -> c.outcome() == ConnectionOutcome.ESTABLISHED)
                .extracting(c -> c.host().label()).contains("10.20.30.10", "10.20.30.21");
    }

    @Test
    void stopsNearTheRequestedSize() throws IOException {
        NetworkSimulator.Result result = NetworkSimulator.run(
                new SimulationSettings(3, 50, SimulationSettings.DEFAULT_START, 1000, false, 2_000_000), folder);
        assertThat(result.bytes()).isBetween(2_000_000L, 2_600_000L);
        assertThat(result.victim()).isNull();
    }
}
