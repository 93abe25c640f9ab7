package io.stagehunt.ingest.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Direction;
import io.stagehunt.event.FirewallDecision.Verdict;
import io.stagehunt.event.FirewallDecision;
import io.stagehunt.ingest.DiscoveredInput;
import io.stagehunt.ingest.InputDiscovery;
import io.stagehunt.ingest.ReaderFixture;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.net.IpAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The firewall sample bundled at the repository root for the README's sample run. */
class GatewaySampleTest {

    private static final IpAddress WORKSTATION = IpAddress.parse("10.20.1.15");
    private static final IpAddress CALLBACK = IpAddress.parse("203.0.113.45");

    @Test
    void sampleIsRecognizedAndReadWithoutQuarantine() {
        Path file = sample();
        List<DiscoveredInput> inputs = new InputDiscovery(StandardFormats.registry()).discover(List.of(file));
        assertThat(inputs).singleElement().satisfies(input ->
                assertThat(input.format().id()).isEqualTo(NetfilterFormat.ID));
        assertThat(file.toFile().length()).isLessThan(100 * 1024);

        ReaderFixture run = ReaderFixture.read(inputs.get(0).format(), file);

        assertThat(run.account().balanced()).isTrue();
        assertThat(run.account().quarantined()).isZero();
        assertThat(run.account().skipReasons()).containsOnlyKeys("syslog line of another program");
    }

    @Test
    void workstationIsDeniedOnTwoPortsThenPermittedOnAnOddOne() {
        List<FirewallDecision> callbacks = ReaderFixture.read(new NetfilterFormat(), sample())
                .of(FirewallDecision.class).stream()
                .filter(decision -> decision.source().equals(WORKSTATION) && decision.destination().equals(CALLBACK))
                .toList();
        List<FirewallDecision> denied = callbacks.stream().filter(decision -> decision.verdict() == Verdict.DENY).toList();
        List<FirewallDecision> allowed =
                callbacks.stream().filter(decision -> decision.verdict() == Verdict.ALLOW).toList();

        assertThat(denied).extracting(FirewallDecision::destinationPort).containsOnly(4444, 1337);
        assertThat(allowed).extracting(FirewallDecision::destinationPort).containsOnly(8443);
        assertThat(allowed).hasSizeGreaterThan(100)
                .allSatisfy(decision -> assertThat(decision.direction()).isEqualTo(Direction.OUTBOUND));
        long lastDenial = denied.stream().mapToLong(FirewallDecision::timeMicros).max().orElseThrow();
        long firstPermit = allowed.stream().mapToLong(FirewallDecision::timeMicros).min().orElseThrow();
        assertThat(lastDenial).isLessThan(firstPermit);
    }

    /** {@code samples/firewall} under the folder holding the root pom and {@code core/}. */
    private static Path sample() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("core"))) {
                return dir.resolve("samples").resolve("firewall").resolve("gateway-syslog.log");
            }
        }
        throw new IllegalStateException("project root not found above " + Path.of("").toAbsolutePath());
    }
}
