package io.stagehunt.refine;

import static io.stagehunt.testing.SampleTraffic.at;
import static io.stagehunt.testing.SampleTraffic.dns;
import static io.stagehunt.testing.SampleTraffic.ip;
import static io.stagehunt.testing.SampleTraffic.tcp;
import static io.stagehunt.testing.SampleTraffic.tls;
import static io.stagehunt.testing.SampleTraffic.udp;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.event.Host;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FindingRefinerTest {

    private static final FindingRefiner.Settings SETTINGS = FindingRefiner.Settings.DEFAULTS;

    private static Finding beacon(String host, String address, String domain, int port, double score) {
        Destination destination = new Destination(address == null ? null : ip(address), domain, port);
        Host internal = Host.of(ip(host));
        long first = at(4 * 3600);
        return new Finding(Finding.uidOf("beacon", internal, destination, first), "beacon", "Beacon", List.of("T1071"),
                internal, destination, first, first + 3_600_000_000L, score, 0.8,
                "Host " + host + " called " + destination.label() + " every 60 s.",
                List.of(new Signal("period", "every 60 s", null, score)), List.of());
    }

    private static Finding modifier(String host, String address, int port, String signal, double contribution) {
        Destination destination = new Destination(ip(address), null, port);
        Host internal = Host.of(ip(host));
        return new Finding(Finding.uidOf("http-tls", internal, destination, at(10)), "http-tls", "HTTP/TLS",
                List.of("T1105"), internal, destination, at(10), at(10), contribution, 0.5, "A modifier.",
                List.of(new Signal(signal, "seen", "baseline", contribution)), List.of());
    }

    /** Eight internal hosts; all talk to the popular address, one to the rare one. */
    private static Prevalence office() {
        Prevalence prevalence = new Prevalence(Prevalence.Settings.DEFAULTS);
        for (int host = 1; host <= 8; host++) {
            prevalence.accept(tcp(host, "10.2.0." + host, "93.184.216.34", 443, "ssl", 500, 9_000, "SF"));
            prevalence.accept(tls(host, "10.2.0." + host, "93.184.216.34", 443, "cdn.example.com", null));
        }
        prevalence.accept(tcp(20, "10.2.0.5", "198.51.100.77", 443, "ssl", 500, 900, "SF"));
        return prevalence;
    }

    private static double contribution(Finding finding, String signal) {
        return finding.signals().stream().filter(s -> s.name().equals(signal)).mapToDouble(Signal::contribution)
                .sum();
    }

    static Stream<Arguments> prevalenceCases() {
        return Stream.of(
                // every one of the eight hosts calls it: the universal weight
                Arguments.of("93.184.216.34", null, "popular-destination", -0.50),
                Arguments.of("93.184.216.34", "cdn.example.com", "popular-destination", -0.50),
                Arguments.of("198.51.100.77", null, "rare-destination", 0.10),
                Arguments.of("192.0.2.200", null, null, 0.0));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("prevalenceCases")
    void prevalenceAddsANamedSignalAndTheScoreStaysItsSum(String address, String domain, String signal,
            double expected) {
        Finding original = beacon("10.2.0.5", address, domain, 443, 0.6);
        Finding refined = new FindingRefiner(SETTINGS, Allowlist.empty()).refine(List.of(original), office())
                .findings().get(0);
        if (signal != null) {
            assertThat(contribution(refined, signal)).isEqualTo(expected);
        }
        assertThat(refined.score()).isCloseTo(0.6 + expected, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(refined.score()).isEqualTo(Finding.scoreOf(refined.signals()));
        assertThat(refined.uid()).isEqualTo(original.uid());
    }

    @Test
    void popularDestinationLosesScoreWithAVisibleSignal() {
        Finding refined = new FindingRefiner(SETTINGS, Allowlist.empty())
                .refine(List.of(beacon("10.2.0.5", "93.184.216.34", null, 443, 0.6)), office()).findings().get(0);
        assertThat(refined.score()).isLessThan(0.6);
        Signal popular = refined.signals().stream().filter(s -> s.name().equals("popular-destination")).findFirst()
                .orElseThrow();
        assertThat(popular.observed()).startsWith("93.184.216.34: 8 of 8 internal hosts since ");
        assertThat(popular.baseline()).contains("popular: at least 5 hosts");
    }

    /** Twelve hosts: at the popular threshold (5 hosts) a popular destination loses 0.25, called by all 0.50. */
    @ParameterizedTest(name = "{0} of 12 hosts -> {1}")
    @CsvSource({"4, 0", "5, -0.25", "9, -0.39285714285714285", "12, -0.5"})
    void thePopularityPenaltyGrowsWithTheShareOfTheEstateThatCallsIt(int callers, double expected) {
        Prevalence estate = new Prevalence(Prevalence.Settings.DEFAULTS);
        for (int host = 1; host <= 12; host++) {
            String address = "10.3.0." + host;
            estate.accept(tcp(host, address, "192.0.2.99", 53, "dns", 60, 120, "SF"));
            if (host <= callers) {
                estate.accept(tcp(host, address, "203.0.113.80", 443, "ssl", 500, 9_000, "SF"));
            }
        }
        Finding refined = new FindingRefiner(SETTINGS, Allowlist.empty())
                .refine(List.of(beacon("10.3.0.1", "203.0.113.80", null, 443, 0.6)), estate).findings().get(0);

        assertThat(contribution(refined, "popular-destination")).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(refined.score()).isEqualTo(Finding.scoreOf(refined.signals()));
    }

    @Test
    void anEstimatedHostCountIsMarkedAndNeverExceedsThePopulation() {
        Prevalence fleet = new Prevalence(new Prevalence.Settings(1_000, 4, 100));
        for (int host = 1; host <= 151; host++) {
            fleet.accept(tcp(host, "10.20." + host / 200 + "." + host % 200, "185.199.175.156", 443, "ssl", 500, 9_000,
                    "SF"));
        }
        Finding refined = new FindingRefiner(SETTINGS, Allowlist.empty())
                .refine(List.of(beacon("10.20.0.10", "185.199.175.156", null, 443, 0.6)), fleet).findings().get(0);

        Signal popular = refined.signals().stream().filter(s -> s.name().equals("popular-destination")).findFirst()
                .orElseThrow();
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("^185\\.199\\.175\\.156: about (\\d+) of 151 ")
                .matcher(popular.observed());
        assertThat(count.find()).as(popular.observed()).isTrue();
        assertThat(Long.parseLong(count.group(1))).isBetween(140L, 151L);
    }

    @Test
    void allowlistedDestinationIsMarkedAndLoweredNotDropped() {
        Allowlist allowlist = AllowlistFiles.bundled();
        Finding original = beacon("10.2.0.5", "142.250.1.95", "safebrowsing.googleapis.com", 443, 0.62);
        FindingRefiner.Result result = new FindingRefiner(SETTINGS, allowlist).refine(List.of(original), office());

        assertThat(result.findings()).hasSize(1);
        Finding refined = result.findings().get(0);
        Signal allowed = refined.signals().stream().filter(s -> s.name().equals("allowlisted")).findFirst()
                .orElseThrow();
        assertThat(allowed.contribution()).isEqualTo(-0.4);
        assertThat(allowed.observed()).contains("safebrowsing.googleapis.com").contains("Safe Browsing");
        assertThat(refined.reason()).contains("on the allowlist").endsWith(".");
        assertThat(refined.score()).isLessThan(0.4);
        assertThat(result.summary().allowlisted()).isEqualTo(1);
    }

    /**
     * A name is what the host's traffic claimed. Where the host's own lookups of it are in the logs, only the
     * addresses they got are believed: a stager sending "Host: connectivity-check.ubuntu.com" to its own server
     * gets no discount. Where they are not (DNS logs missing, DNS over HTTPS), the claim is taken as before.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "the address this host's lookup got, 10.2.0.5, 34.122.121.32, -0.4",
            "another address, 10.2.0.5, 203.0.113.66, 0",
            "no lookup of the name in the logs, NONE, 203.0.113.66, -0.4",
            "only another host's lookup in the logs, 10.2.0.6, 203.0.113.66, -0.4",
    })
    void anAllowlistedNameCountsWhereThisHostsDnsPutIt(String label, String resolvedBy, String address,
            double allowed) {
        Prevalence prevalence = office();
        if (!resolvedBy.equals("NONE")) {
            prevalence.accept(dns(30, resolvedBy, "10.2.0.53", "Connectivity-Check.Ubuntu.com.", "34.122.121.32",
                    "2620:2d:4000:1::22"));
        }
        Finding claimed = beacon("10.2.0.5", address, "connectivity-check.ubuntu.com", 80, 0.62);

        Finding refined = new FindingRefiner(SETTINGS, AllowlistFiles.bundled()).refine(List.of(claimed), prevalence)
                .findings().get(0);

        assertThat(contribution(refined, "allowlisted")).isEqualTo(allowed);
        assertThat(refined.signals()).filteredOn(signal -> signal.name().equals("unconfirmed-name"))
                .hasSize(allowed == 0 ? 1 : 0)
                .allSatisfy(signal -> assertThat(signal.observed()).contains("never with 203.0.113.66"));
    }

    @Test
    void addressAllowlistAppliesWhenTheNameIsNotListed() {
        Finding refined = new FindingRefiner(SETTINGS, AllowlistFiles.bundled())
                .refine(List.of(beacon("10.2.0.5", "75.75.75.75", null, 53, 0.67)), office()).findings().get(0);
        assertThat(contribution(refined, "allowlisted")).isEqualTo(-0.4);
    }

    @Test
    void resolverSendingDnsUpstreamIsMarkedAsInfrastructure() {
        Prevalence prevalence = office();
        prevalence.accept(udp(30, "10.2.0.7", "10.2.0.53", 53, "dns", 40, 90));
        prevalence.accept(udp(31, "10.2.0.8", "10.2.0.53", 53, "dns", 40, 90));
        Finding upstream = beacon("10.2.0.53", "192.0.2.53", null, 53, 0.7);
        Finding web = beacon("10.2.0.53", "192.0.2.80", null, 443, 0.7);

        List<Finding> refined = new FindingRefiner(SETTINGS, Allowlist.empty()).refine(List.of(upstream, web),
                prevalence).findings();

        assertThat(contribution(refined.get(0), "resolver-upstream")).isEqualTo(-0.3);
        assertThat(refined.get(0).signals()).filteredOn(s -> s.name().equals("resolver-upstream")).singleElement()
                .extracting(Signal::observed).asString().contains("resolves names for 2 internal hosts");
        assertThat(refined.get(1).signals()).noneMatch(s -> s.name().equals("resolver-upstream"));
    }

    @Test
    void httpTlsFindingsBecomeSignalsOfOtherFindingsAboutTheSameDestination() {
        Finding beacon = beacon("10.2.0.5", "198.51.100.77", null, 8443, 0.5);
        Finding selfSigned = modifier("10.2.0.5", "198.51.100.77", 8443, "self-signed-certificate", 0.15);
        Finding elsewhere = modifier("10.2.0.6", "198.51.100.77", 8443, "self-signed-certificate", 0.15);

        FindingRefiner.Result result = new FindingRefiner(SETTINGS, Allowlist.empty())
                .refine(List.of(beacon, selfSigned, elsewhere), office());

        Finding refined = result.findings().get(0);
        assertThat(contribution(refined, "http-tls:self-signed-certificate")).isEqualTo(0.15);
        assertThat(refined.score()).isEqualTo(Finding.scoreOf(refined.signals()));
        assertThat(result.summary().modified()).isEqualTo(1);
        assertThat(result.summary().modifiersAbsorbed()).isEqualTo(1);
        assertThat(result.findings()).extracting(Finding::detectorId).containsExactly("beacon");
        assertThat(result.summary().modifiersBelowFloor()).isEqualTo(1);
    }

    @Test
    void modifiersAreCappedTogetherAndStayTheSumOfWhatIsShown() {
        Finding beacon = beacon("10.2.0.5", "198.51.100.77", null, 443, 0.3);
        Finding first = modifier("10.2.0.5", "198.51.100.77", 80, "executable-download", 0.3);
        Finding second = modifier("10.2.0.5", "198.51.100.77", 443, "self-signed-certificate", 0.3);

        Finding refined = new FindingRefiner(SETTINGS, Allowlist.empty()).refine(List.of(beacon, first, second),
                office()).findings().get(0);

        double added = contribution(refined, "http-tls:executable-download")
                + contribution(refined, "http-tls:self-signed-certificate");
        assertThat(added).isCloseTo(SETTINGS.maxModifierTotal(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(refined.score()).isEqualTo(Finding.scoreOf(refined.signals()));
    }

    @Test
    void strongHttpTlsFindingsAreWrittenOnTheirOwn() {
        Finding download = modifier("10.2.0.5", "198.51.100.77", 80, "executable-download", 0.35);
        List<Finding> written = new FindingRefiner(SETTINGS, Allowlist.empty()).refine(List.of(download), office())
                .findings();
        assertThat(written).extracting(Finding::detectorId).containsExactly("http-tls");
    }

    @Test
    void tooFewHostsGiveANeutralPrevalenceSignal() {
        Prevalence lonely = new Prevalence(Prevalence.Settings.DEFAULTS);
        lonely.accept(tcp(1, "10.3.0.1", "198.51.100.1", 1177, null, 0, 0, "S0"));
        Finding refined = new FindingRefiner(SETTINGS, Allowlist.empty())
                .refine(List.of(beacon("10.3.0.1", "198.51.100.1", null, 1177, 0.5)), lonely).findings().get(0);
        assertThat(refined.signals()).filteredOn(s -> s.name().equals("prevalence")).singleElement()
                .satisfies(s -> assertThat(s.baseline()).contains("too few hosts"));
        assertThat(refined.score()).isEqualTo(0.5);
    }

    @Test
    void destinationFirstContactedAfterHoursOfDataIsNew() {
        Prevalence prevalence = office();
        prevalence.accept(tcp(13 * 3600, "10.2.0.5", "203.0.113.99", 443, "ssl", 10, 10, "SF"));
        Finding refined = new FindingRefiner(SETTINGS, Allowlist.empty())
                .refine(List.of(beacon("10.2.0.5", "203.0.113.99", null, 443, 0.5)), prevalence).findings().get(0);
        assertThat(contribution(refined, "new-destination")).isEqualTo(0.1);
        assertThat(contribution(refined, "rare-destination")).isEqualTo(0.1);
    }

    @Test
    void httpTlsFindingsAboutOneHostAndDestinationAreWrittenAsOne() {
        Finding download = modifier("10.2.0.5", "198.51.100.77", 80, "executable-download", 0.30);
        Finding certificate = modifier("10.2.0.5", "198.51.100.77", 8080, "self-signed-certificate", 0.15);

        FindingRefiner.Result result = new FindingRefiner(SETTINGS, Allowlist.empty())
                .refine(List.of(download, certificate), office());

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.uid()).isEqualTo(download.uid());
            assertThat(finding.signals()).extracting(Signal::name)
                    .containsExactly("executable-download", "self-signed-certificate", "rare-destination");
            assertThat(finding.score()).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(result.summary().findingsIn()).isEqualTo(2);
    }
}
