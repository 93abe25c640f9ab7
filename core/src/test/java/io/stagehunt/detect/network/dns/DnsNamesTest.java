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
        assertThat(DnsNames.destinationName(lookup(query))).isEqualTo(name);
    }

    /** Tunnels may fill the labels left of their domain with any byte; Zeek logs those as escapes. */
    @ParameterizedTest(name = "[{0}] measured as [{1}], host-name part [{2}]")
    @CsvSource(nullValues = "NONE", value = {
        "www.example.com,                 www.example.com,                 www.example.com",
        "'\\xbc\\xe1z+9=.t.tun.example',   '\\xbc\\xe1z+9=.t.tun.example',   t.tun.example",
        "'aGVsbG8+d29y=.T.Tun.Example.',   'agvsbg8+d29y=.t.tun.example',   t.tun.example",
        "'\\x00\\x01.tun.example',         '\\x00\\x01.tun.example',         tun.example",
        "'www.exa\\x00mple.com',           NONE,                            NONE",
        "'data\\xff.com',                  NONE,                            NONE",
        "'data\\xff.',                     NONE,                            NONE",
        "'bad name.com',                  NONE,                            NONE",
    })
    void measuresTunnelNamesWithRawBytesLeftOfAHostName(String query, String measured, String hostNamePart) {
        String name = DnsNames.tunnelName(lookup(query));

        assertThat(name).isEqualTo(measured);
        if (name != null) {
            assertThat(DnsNames.hostNamePart(name)).isEqualTo(hostNamePart);
        }
    }

    @ParameterizedTest(name = "[{0}] went over the wire as {1} bytes, raw bytes: {2}")
    @CsvSource({
        "6dde01f4,              8, false",
        "'\\xbc\\xe1z+9=',       6, true",
        "'\\x0g\\xab',           5, true",
        "'a.b-c_d',             7, false",
        "'tail\\x4',             7, true",
    })
    void countsEscapedBytesOnce(String subdomain, int bytes, boolean raw) {
        assertThat(DnsNames.wireBytes(subdomain, 0, subdomain.length())).isEqualTo(bytes);
        assertThat(DnsNames.holdsRawBytes(subdomain, 0, subdomain.length())).isEqualTo(raw);
    }

    private static DnsQuery lookup(String query) {
        return new DnsQuery(0, Host.named("h"), null, null, null, null, 53, Transport.UDP, query, 1, "A", 0,
                "NOERROR", List.of(), List.of(), false);
    }
}
