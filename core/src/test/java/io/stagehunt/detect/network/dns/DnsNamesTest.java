package io.stagehunt.detect.network.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Host;
import io.stagehunt.event.Transport;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsNamesTest {

    @ParameterizedTest(name = "answer [{0}] carries [{1}]")
    @CsvSource(nullValues = "NONE", value = {
        "'TXT 18 302f017537c68f5169',         302f017537c68f5169",
        "'TXT 11 hello world',                hello world",
        "'v=spf1 include:_spf.example ~all',  v=spf1 include:_spf.example ~all",
        "302f017537c68f5169,                  302f017537c68f5169",
        "203.0.113.7,                         NONE",
        "2001:db8::7,                         NONE",
        "e7070.g.akamaiedge.net,              NONE",
        "'',                                  NONE",
    })
    void takesTextAnswersAsPayloadButNotAddressesOrNames(String answer, String payload) {
        assertThat(DnsNames.payloadOf(answer)).isEqualTo(payload);
    }

    @ParameterizedTest(name = "{0} is infrastructure: {1}")
    @CsvSource({
        "4.3.2.1.in-addr.arpa, true",
        "b.f.0.0.ip6.arpa,     true",
        "printer.local,        true",
        "www.example.com,      false",
        "arpa-news.com,        false",
    })
    void leavesReverseAndLinkLocalNamesOut(String name, boolean infrastructure) {
        assertThat(DnsNames.isInfrastructureName(name)).isEqualTo(infrastructure);
    }

    @ParameterizedTest(name = "{0} under [cloudfront.net, spamhaus.org]: {1}")
    @CsvSource({
        "d1234.cloudfront.net,        true",
        "cloudfront.net,              true",
        "zen.spamhaus.org,            true",
        "notcloudfront.net,           false",
        "cloudfront.net.evil.example, false",
        "example.org,                 false",
    })
    void matchesListedDomainsAndEverythingBelowThem(String name, boolean under) {
        assertThat(DnsNames.isUnderAny(name, Set.of("cloudfront.net", "spamhaus.org"))).isEqualTo(under);
    }

    @ParameterizedTest(name = "[{0}] is a destination name: {1}")
    @CsvSource(nullValues = "NONE", value = {
        "www.example.com,          www.example.com",
        "_ldap._tcp.dc.corp.local, _ldap._tcp.dc.corp.local",
        "6dde01.dnsc.r-1x.com,     6dde01.dnsc.r-1x.com",
        "wpad,                     NONE",
        "203.0.113.7,              NONE",
        "WWW.Example.com,          NONE",
        "'bad name.com',           NONE",
        "example.com.,             NONE",
        ".example.com,             NONE",
        "'',                       NONE",
    })
    void acceptsOnlyNormalizedHostNames(String query, String name) {
        DnsQuery lookup = new DnsQuery(0, Host.named("h"), null, null, null, null, 53, Transport.UDP, query, 1, "A", 0,
                "NOERROR", List.of(), List.of(), false);

        assertThat(DnsNames.destinationName(lookup)).isEqualTo(name);
    }
}
