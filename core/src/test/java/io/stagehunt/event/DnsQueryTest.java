package io.stagehunt.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.net.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsQueryTest {

    @Test
    void answerAddressesAreTheAnswersThatParseAsAddressesInOrder() {
        DnsQuery query = new DnsQuery(0, Host.named("h"), null, "C1", null, null, 53, Transport.UDP,
                "www.example.com", 1, "A", 0, "NOERROR",
                List.of("cdn.example.net", "203.0.113.7", "2001:db8::1", "not an address 1.2.3"), List.of(), false);
        assertThat(query.answerAddresses())
                .containsExactly(IpAddress.parse("203.0.113.7"), IpAddress.parse("2001:db8::1"));
    }

    @Test
    void noAnswersMeansNoAddresses() {
        DnsQuery query = new DnsQuery(0, Host.named("h"), null, "C1", null, null, 53, Transport.UDP,
                "gone.example.com", 1, "A", 3, "NXDOMAIN", List.of(), List.of(), false);
        assertThat(query.answerAddresses()).isEmpty();
        assertThat(query.nxdomain()).isTrue();
    }
}
