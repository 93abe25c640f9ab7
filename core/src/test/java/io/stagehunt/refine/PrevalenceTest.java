package io.stagehunt.refine;

import static io.stagehunt.testing.SampleTraffic.at;
import static io.stagehunt.testing.SampleTraffic.dns;
import static io.stagehunt.testing.SampleTraffic.http;
import static io.stagehunt.testing.SampleTraffic.ip;
import static io.stagehunt.testing.SampleTraffic.tcp;
import static io.stagehunt.testing.SampleTraffic.tls;
import static io.stagehunt.testing.SampleTraffic.udp;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrevalenceTest {

    @Test
    void countsDistinctInternalHostsPerAddressAndName() {
        Prevalence prevalence = new Prevalence(Prevalence.Settings.DEFAULTS);
        for (int host = 1; host <= 6; host++) {
            prevalence.accept(tcp(host * 10, "10.1.0." + host, "93.184.216.34", 443, "ssl", 900, 5_000, "SF"));
            prevalence.accept(tls(host * 10, "10.1.0." + host, "93.184.216.34", 443, "www.example.com", null));
        }
        prevalence.accept(tcp(100, "10.1.0.1", "93.184.216.34", 443, "ssl", 900, 5_000, "SF"));
        prevalence.accept(tcp(200, "10.1.0.3", "198.51.100.9", 8443, null, 300, 200, "SF"));

        assertThat(prevalence.population()).isEqualTo(6);
        Prevalence.Seen popular = prevalence.address(ip("93.184.216.34"));
        assertThat(popular.hosts()).isEqualTo(6);
        assertThat(popular.events()).isEqualTo(13);
        assertThat(popular.firstSeenMicros()).isEqualTo(at(10));
        assertThat(popular.lastSeenMicros()).isEqualTo(at(100));
        assertThat(prevalence.domain("WWW.example.com.").hosts()).isEqualTo(6);
        assertThat(prevalence.address(ip("198.51.100.9")).hosts()).isEqualTo(1);
        assertThat(prevalence.address(ip("192.0.2.1"))).isNull();
    }

    @Test
    void inboundFlowsDoNotMakeTheirSourcesDestinations() {
        Prevalence prevalence = new Prevalence(Prevalence.Settings.DEFAULTS);
        prevalence.accept(tcp(1, "203.0.113.50", "10.1.0.9", 22, "ssh", 100, 100, "SF"));
        assertThat(prevalence.address(ip("203.0.113.50"))).isNull();
        assertThat(prevalence.address(ip("10.1.0.9"))).isNull();
    }

    @Test
    void learnsWhichHostsResolveAndProxyForOthers() {
        Prevalence prevalence = new Prevalence(Prevalence.Settings.DEFAULTS);
        prevalence.accept(udp(1, "10.1.0.20", "10.1.0.2", 53, "dns", 40, 90));
        prevalence.accept(dns(1, "10.1.0.21", "10.1.0.2", "www.example.com", "93.184.216.34"));
        prevalence.accept(http(2, "10.1.0.22", "10.1.0.3", 3128, "CONNECT", "www.example.com:443",
                "www.example.com:443", "Mozilla/5.0", 0, 0));
        prevalence.accept(udp(3, "10.1.0.2", "75.75.75.75", 53, "dns", 40, 90));

        assertThat(prevalence.resolverClients(ip("10.1.0.2"))).isEqualTo(2);
        assertThat(prevalence.proxyClients(ip("10.1.0.3"))).isEqualTo(1);
        assertThat(prevalence.resolverClients(ip("10.1.0.20"))).isZero();
        assertThat(prevalence.domain("www.example.com").hosts()).isEqualTo(2);
    }

    @Test
    void forgetsTheLeastRecentlySeenDestinationBeyondItsBound() {
        Prevalence prevalence = new Prevalence(new Prevalence.Settings(2, 8, 8));
        prevalence.accept(tcp(1, "10.1.0.1", "198.51.100.1", 443, "ssl", 1, 1, "SF"));
        prevalence.accept(tcp(2, "10.1.0.1", "198.51.100.2", 443, "ssl", 1, 1, "SF"));
        prevalence.accept(tcp(3, "10.1.0.1", "198.51.100.1", 443, "ssl", 1, 1, "SF"));
        prevalence.accept(tcp(4, "10.1.0.1", "198.51.100.3", 443, "ssl", 1, 1, "SF"));

        assertThat(prevalence.address(ip("198.51.100.2"))).isNull();
        assertThat(prevalence.address(ip("198.51.100.1"))).isNotNull();
        assertThat(prevalence.address(ip("198.51.100.3"))).isNotNull();
        assertThat(prevalence.forgotten()).isEqualTo(1);
    }
}
