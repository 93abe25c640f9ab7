package io.stagehunt.refine;

import static io.stagehunt.testing.SampleTraffic.at;
import static io.stagehunt.testing.SampleTraffic.dns;
import static io.stagehunt.testing.SampleTraffic.http;
import static io.stagehunt.testing.SampleTraffic.ip;
import static io.stagehunt.testing.SampleTraffic.tcp;
import static io.stagehunt.testing.SampleTraffic.tls;
import static io.stagehunt.testing.SampleTraffic.udp;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Host;
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
    void aClaimedNameLeadsWhereTheHostsLookupsOfItWereAnsweredAndWhereTheyCannotTell() {
        Prevalence prevalence = new Prevalence(Prevalence.Settings.DEFAULTS);
        Host client = Host.of(ip("10.1.0.5"));
        prevalence.accept(dns(1, "10.1.0.5", "10.1.0.53", "update.example.com", "198.51.100.10"));
        String[] edges = new String[9];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = "203.0.113." + (i + 1);
        }
        prevalence.accept(dns(2, "10.1.0.5", "10.1.0.53", "cdn.example.net", edges));
        prevalence.accept(http(3, "10.1.0.7", "10.1.0.8", 3128, "CONNECT", "update.example.com:443",
                "update.example.com:443", "curl/8", 0, 0));

        assertThat(prevalence.nameMayLeadTo(client, "update.example.com", ip("198.51.100.10"))).isTrue();
        assertThat(prevalence.nameMayLeadTo(client, "UPDATE.example.com.", ip("192.0.2.66"))).isFalse();
        assertThat(prevalence.nameMayLeadTo(Host.of(ip("10.1.0.6")), "update.example.com", ip("192.0.2.66")))
                .as("that host's lookups are not in the logs").isTrue();
        assertThat(prevalence.nameMayLeadTo(client, "update.example.com", ip("10.1.0.8")))
                .as("a forward proxy resolves names itself").isTrue();
        assertThat(prevalence.nameMayLeadTo(client, "cdn.example.net", ip("192.0.2.66")))
                .as("more edges than are kept").isTrue();
        assertThat(prevalence.nameMayLeadTo(client, "never-looked-up.example.org", ip("192.0.2.66"))).isTrue();
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
