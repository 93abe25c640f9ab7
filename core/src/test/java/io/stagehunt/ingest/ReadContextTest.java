package io.stagehunt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Direction;
import io.stagehunt.event.Host;
import io.stagehunt.event.SourceFile;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.NetworkScope;
import org.junit.jupiter.api.Test;

class ReadContextTest {

    private final ReadContext context = new ReadContext(new SourceFile("conn.log", "zeek-tsv"),
            new FileAccount("conn.log"), NetworkScope.defaults());

    @Test
    void theInternalSideIsTheHostAndARecentHostIsTheSameInstance() {
        IpAddress workstation = IpAddress.parse("10.20.30.41");
        IpAddress server = IpAddress.parse("203.0.113.9");

        Host outbound = context.host(Direction.OUTBOUND, workstation, server);
        Host inbound = context.host(Direction.INBOUND, server, IpAddress.parse("10.20.30.41"));

        assertThat(outbound).isEqualTo(Host.of(workstation));
        assertThat(inbound).isSameAs(outbound);
        assertThat(context.host(Direction.OUTBOUND, IpAddress.parse("10.20.30.42"), server))
                .isEqualTo(Host.of(IpAddress.parse("10.20.30.42")));
        assertThat(context.host(Direction.OUTBOUND, null, server)).isNull();
    }

    @Test
    void collidingHostsAreStillTheRightOnes() {
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5_000; i++) {
                IpAddress address = IpAddress.ofV4(0x0A00_0000 | i);
                assertThat(context.host(Direction.OUTBOUND, address, IpAddress.parse("203.0.113.9")).ip())
                        .isEqualTo(address);
            }
        }
    }

    @Test
    void aMappingFailureIsAQuarantineEntryNamingTheExceptionClassNotItsMessage() {
        FileAccount account = new FileAccount("conn.log");
        ReadContext reading = new ReadContext(new SourceFile("conn.log", "zeek-tsv"), account, NetworkScope.defaults());
        account.recordRead();
        account.recordRead();

        reading.quarantineFailure(2, new ArrayIndexOutOfBoundsException("Index 4097 out of bounds for length 4097"),
                "1710147601.2\t10.0.0.1\t8.8.8.8");
        reading.skip("header");

        assertThat(account.balanced()).isTrue();
        assertThat(account.samples()).singleElement().satisfies(sample -> {
            assertThat(sample.line()).isEqualTo(2);
            assertThat(sample.reason())
                    .isEqualTo("record could not be mapped (java.lang.ArrayIndexOutOfBoundsException)");
        });
    }
}
