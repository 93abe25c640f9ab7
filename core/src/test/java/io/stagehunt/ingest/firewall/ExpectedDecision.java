package io.stagehunt.ingest.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Direction;
import io.stagehunt.event.EventTime;
import io.stagehunt.event.FirewallDecision.Verdict;
import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.Transport;
import io.stagehunt.ingest.LogFormat;
import io.stagehunt.ingest.ReaderFixture;
import io.stagehunt.net.IpAddress;

/** A firewall decision as an analyst reads it off the raw line, and the check that the reader agrees. */
record ExpectedDecision(String time, Verdict verdict, String device, String rule, Transport transport,
        String source, int sourcePort, String destination, int destinationPort, Direction direction,
        String application, long bytesOut, long bytesIn) {

    /** Reads {@code line} alone and checks the single event it gives. */
    void assertReadFrom(LogFormat format, String line) {
        ReaderFixture run = ReaderFixture.read(format, line + "\n");
        assertThat(run.account().quarantineReasons()).as("quarantined").isEmpty();
        assertThat(run.account().balanced()).isTrue();
        assertThat(run.events()).hasSize(1);
        assertMatches((FirewallDecision) run.events().get(0));
    }

    void assertMatches(FirewallDecision decision) {
        assertThat(EventTime.iso(decision.timeMicros())).as("time").isEqualTo(time);
        assertThat(decision.verdict()).as("verdict").isEqualTo(verdict);
        assertThat(decision.device()).as("device").isEqualTo(device);
        assertThat(decision.rule()).as("rule").isEqualTo(rule);
        assertThat(decision.transport()).as("transport").isEqualTo(transport);
        assertThat(decision.source()).as("source").isEqualTo(IpAddress.parse(source));
        assertThat(decision.sourcePort()).as("source port").isEqualTo(sourcePort);
        assertThat(decision.destination()).as("destination").isEqualTo(IpAddress.parse(destination));
        assertThat(decision.destinationPort()).as("destination port").isEqualTo(destinationPort);
        assertThat(decision.direction()).as("direction").isEqualTo(direction);
        assertThat(decision.application()).as("application").isEqualTo(application);
        assertThat(decision.bytesOut()).as("bytes out").isEqualTo(bytesOut);
        assertThat(decision.bytesIn()).as("bytes in").isEqualTo(bytesIn);
        assertThat(decision.provenance().record()).as("line").isEqualTo(1);
        IpAddress internal = direction == Direction.INBOUND ? decision.destination() : decision.source();
        assertThat(decision.host().ip()).as("host").isEqualTo(internal);
    }
}
