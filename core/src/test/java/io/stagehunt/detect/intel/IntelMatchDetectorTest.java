package io.stagehunt.detect.intel;

import static io.stagehunt.detect.intel.IntelEvents.DAY;
import static io.stagehunt.detect.intel.IntelEvents.HOUR;
import static io.stagehunt.detect.intel.IntelEvents.SECOND;
import static io.stagehunt.detect.intel.IntelEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.engine.DetectorHarness;
import io.stagehunt.event.Event;
import io.stagehunt.intel.Attribution;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorIndex;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.net.PublicSuffixList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IntelMatchDetectorTest {

    private static final String MD5 = "0749bae92ca336a02c83d126e04ec628";
    private static final String SHA256 = "b3c4ae251f8094fa15b510051835c657eaef2a6cea46075d3aec964b14a99f68";
    private static final String CERT_SHA1 = "854c68ab7ad70b6f95f76ec64b8a46c145997629";
    private static final String JA3 = "72a589da586844d7f0818ce684948eea";
    private static final Attribution STIX = new Attribution("njrat-c2.json", "stix21", "NjRAT",
            List.of("malicious-activity"));
    private static final Attribution PLAIN = Attribution.of("c2-domains.txt", "plain-list");
    private static final Attribution SSLBL = new Attribution("sslbl.csv", "sslbl-sha1-csv", "AsyncRAT", List.of());

    private static IndicatorIndex index(Indicator... indicators) {
        IndicatorIndex.Builder builder = IndicatorIndex.builder(PublicSuffixList.bundled());
        for (Indicator indicator : indicators) {
            builder.add(indicator);
        }
        return builder.build();
    }

    private static List<Finding> run(IndicatorIndex index, BenignList benign, Event... events) {
        return DetectorHarness.run(new IntelMatchDetector(index, benign, IntelMatchDetector.Settings.DEFAULTS),
                List.of(events));
    }

    private static List<Finding> run(IndicatorIndex index, Event... events) {
        return run(index, BenignList.empty(), events);
    }

    private static Map<String, Signal> signals(Finding finding) {
        return finding.signals().stream().collect(Collectors.toMap(Signal::name, signal -> signal));
    }

    private static Indicator c2Address() {
        return new Indicator(IndicatorType.IP, "41.108.179.197", 1177, STIX, 90, T0 - HOUR, Indicator.UNKNOWN_TIME,
                Indicator.NO_EXPIRY, "indicator--0e5e1c93-9a4c-4c5c-9f45-3e5d8b0d3d11");
    }

    @Test
    void reportsAConnectionToAListedC2WithFeedIndicatorFamilyAndField() {
        List<Finding> findings = run(index(c2Address()),
                IntelEvents.connection(T0, "192.168.1.115", "41.108.179.197", 1177));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.detectorId()).isEqualTo("intel-match");
            assertThat(finding.host().ip()).hasToString("192.168.1.115");
            assertThat(finding.destination().ip()).hasToString("41.108.179.197");
            assertThat(finding.destination().port()).isEqualTo(1177);
            assertThat(finding.reason()).isEqualTo("192.168.1.115 connected to 41.108.179.197:1177, which "
                    + "njrat-c2.json lists as an ip indicator of NjRAT (confidence 90/100, listed 1 hour earlier); "
                    + "matched in the conn destination.");
            Map<String, Signal> signals = signals(finding);
            assertThat(signals.get("listed indicator").observed())
                    .isEqualTo("ip 41.108.179.197:1177 on njrat-c2.json (stix21)");
            assertThat(signals.get("matched in").observed()).isEqualTo("conn destination: 41.108.179.197");
            assertThat(signals.get("feed confidence").observed()).isEqualTo("90/100");
            assertThat(signals.get("malware family").observed()).isEqualTo("NjRAT");
            assertThat(signals.get("freshness").observed()).startsWith("listed 1 hour earlier");
            assertThat(finding.score()).isEqualTo(Finding.scoreOf(finding.signals())).isGreaterThan(0.9);
            assertThat(finding.confidence()).isGreaterThan(0.85);
            assertThat(finding.techniques()).containsExactly("T1071");
            assertThat(finding.evidence()).hasSize(1);
        });
    }

    @Test
    void aPortBoundIndicatorMatchesOnlyThatPortAndNeverPortlessDnsAnswers() {
        IndicatorIndex index = index(c2Address());
        assertThat(run(index, IntelEvents.connection(T0, "192.168.1.115", "41.108.179.197", 80))).isEmpty();
        assertThat(run(index, IntelEvents.dns(T0, "192.168.1.115", "c2.example", "41.108.179.197"))).isEmpty();
        assertThat(run(index(Indicator.of(IndicatorType.IP, "41.108.179.197", PLAIN)),
                IntelEvents.dns(T0, "192.168.1.115", "c2.example", "41.108.179.197")))
                .singleElement().satisfies(finding -> assertThat(finding.reason()).contains("dns answer"));
    }

    @Test
    void reportsEachHostAndIndicatorOncePerSuppressionInterval() {
        List<Finding> findings = run(index(c2Address()),
                IntelEvents.connection(T0, "192.168.1.115", "41.108.179.197", 1177),
                IntelEvents.connection(T0 + 10 * SECOND, "192.168.1.115", "41.108.179.197", 1177),
                IntelEvents.connection(T0 + 20 * SECOND, "192.168.1.116", "41.108.179.197", 1177),
                IntelEvents.connection(T0 + 30 * 60 * SECOND, "192.168.1.115", "41.108.179.197", 1177),
                IntelEvents.connection(T0 + 2 * HOUR, "192.168.1.115", "41.108.179.197", 1177));

        assertThat(findings).extracting(finding -> finding.host().ip().toString() + "@"
                + (finding.firstSeenMicros() - T0) / SECOND)
                .containsExactly("192.168.1.115@0", "192.168.1.116@20", "192.168.1.115@7200");
    }

    @Test
    void suppressionStateExpiresWhenInputEnds() {
        DetectorHarness<IntelMatchDetector.Key, IntelMatchDetector.State> harness = new DetectorHarness<>(
                new IntelMatchDetector(index(c2Address()), BenignList.empty(), IntelMatchDetector.Settings.DEFAULTS));
        harness.accept(IntelEvents.connection(T0, "192.168.1.115", "41.108.179.197", 1177));
        assertThat(harness.liveKeys()).isOne();
        harness.advanceTo(T0 + 2 * HOUR);
        assertThat(harness.liveKeys()).isZero();
        harness.finish();
    }

    @Test
    void matchesSubdomainsInDnsQueriesAndNamesInAnswers() {
        IndicatorIndex index = index(Indicator.of(IndicatorType.DOMAIN, "volykyc.com", PLAIN));
        List<Finding> findings = run(index,
                IntelEvents.dns(T0, "192.168.1.116", "www.volykyc.com", "203.0.113.7"),
                IntelEvents.dns(T0, "192.168.1.117", "cdn.example.net", "volykyc.com"));

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).reason()).startsWith("192.168.1.116 looked up www.volykyc.com, under volykyc.com, "
                + "which c2-domains.txt lists as a domain indicator (confidence not stated, age unknown); matched in "
                + "the dns query");
        assertThat(findings.get(0).destination().domain()).isEqualTo("www.volykyc.com");
        assertThat(findings.get(1).reason()).contains("dns answer");
        assertThat(findings.get(0).techniques()).containsExactly("T1071.004");
    }

    @Test
    void matchesHttpHostUrlAndServerAsOneFindingPerIndicator() {
        IndicatorIndex index = index(
                Indicator.of(IndicatorType.DOMAIN, "evil.example", PLAIN),
                Indicator.of(IndicatorType.URL, "http://evil.example:8080/admin/get.php", PLAIN),
                Indicator.of(IndicatorType.IP, "203.0.113.9", PLAIN));
        List<Finding> findings = run(index, IntelEvents.http(T0, "10.0.0.5", "203.0.113.9", 8080, "EVIL.example:8080",
                "/admin/./get.php"));

        assertThat(findings).extracting(finding -> signals(finding).get("matched in").observed())
                .containsExactlyInAnyOrder("http host header: EVIL.example",
                        "http url: http://EVIL.example:8080/admin/./get.php", "http server: 203.0.113.9");
    }

    @Test
    void matchesTlsServerNameFingerprintsAndCertificates() {
        IndicatorIndex index = index(
                Indicator.of(IndicatorType.DOMAIN, "c2.example", PLAIN),
                Indicator.of(IndicatorType.JA3, JA3, Attribution.of("ja3.csv", "sslbl-ja3-csv")),
                Indicator.of(IndicatorType.CERT_SHA1, CERT_SHA1, SSLBL));
        List<Finding> findings = run(index, IntelEvents.tls(T0, "10.0.0.5", "198.51.100.20", "api.c2.example", JA3,
                List.of(CERT_SHA1), List.of()));

        Map<String, Finding> byField = findings.stream().collect(Collectors.toMap(
                finding -> signals(finding).get("matched in").observed().split(":")[0], finding -> finding));
        assertThat(byField).containsOnlyKeys("tls server name", "tls client fingerprint (ja3)",
                "tls server certificate");
        assertThat(findings).extracting(Finding::uid).as("one event, three indicators, three findings").doesNotHaveDuplicates();
        Finding certificate = byField.get("tls server certificate");
        assertThat(certificate.reason()).contains("of AsyncRAT").contains("sslbl.csv");
        assertThat(byField.get("tls client fingerprint (ja3)").confidence())
                .as("JA3 values are shared by all clients of a TLS library")
                .isLessThan(certificate.confidence());
    }

    @Test
    void matchesFileAndProcessHashesAndProcessConnections() {
        IndicatorIndex index = index(
                Indicator.of(IndicatorType.MD5, MD5, PLAIN),
                Indicator.of(IndicatorType.SHA256, SHA256, PLAIN),
                Indicator.of(IndicatorType.IP, "10.10.10.5", PLAIN),
                Indicator.of(IndicatorType.CERT_SHA1, CERT_SHA1, SSLBL));
        List<Finding> findings = run(index,
                IntelEvents.download(T0, "192.168.1.41", "10.0.5.13", "application/x-dosexec", MD5, null, null),
                IntelEvents.download(T0, "147.32.83.156", "3.232.121.231", "application/x-x509-user-cert", null,
                        CERT_SHA1, null),
                IntelEvents.process(T0, "WORKSTATION5", SHA256),
                IntelEvents.fileCreate(T0, "WORKSTATION6", MD5),
                IntelEvents.processConnection(T0, "WORKSTATION5", "10.10.10.5", 80, null));

        assertThat(findings).extracting(finding -> finding.host().label() + " "
                        + signals(finding).get("matched in").observed().split(":")[0])
                .containsExactlyInAnyOrder("192.168.1.41 file hash", "147.32.83.156 tls server certificate",
                        "WORKSTATION5 process image hash (sysmon)", "WORKSTATION6 created file hash (sysmon)",
                        "WORKSTATION5 process connection (sysmon)");
    }

    @Test
    void expiredAndFarTooEarlyIndicatorsDoNotMatch() {
        Indicator expired = Indicator.of(IndicatorType.DOMAIN, "old.example", PLAIN).seen(T0 - 10 * DAY,
                Indicator.UNKNOWN_TIME).validUntil(T0 - DAY);
        Indicator listedLater = Indicator.of(IndicatorType.DOMAIN, "later.example", PLAIN).seen(T0 + 90 * DAY,
                Indicator.UNKNOWN_TIME);
        Indicator decayed = Indicator.of(IndicatorType.IP, "198.51.100.99", PLAIN).seen(T0 - 90 * DAY,
                Indicator.UNKNOWN_TIME);
        IndicatorIndex index = index(expired, listedLater, decayed);

        assertThat(run(index,
                IntelEvents.dns(T0, "10.0.0.5", "old.example"),
                IntelEvents.dns(T0, "10.0.0.5", "later.example"),
                IntelEvents.connection(T0, "10.0.0.5", "198.51.100.99", 443))).isEmpty();
    }

    @Test
    void aMonthOldAddressScoresLowerThanAFreshDomain() {
        Indicator oldAddress = Indicator.of(IndicatorType.IP, "198.51.100.7", PLAIN).seen(T0 - 30 * DAY,
                Indicator.UNKNOWN_TIME);
        Indicator freshDomain = Indicator.of(IndicatorType.DOMAIN, "fresh.example", PLAIN).seen(T0 - HOUR,
                Indicator.UNKNOWN_TIME);
        List<Finding> findings = run(index(oldAddress, freshDomain),
                IntelEvents.tls(T0, "10.0.0.5", "198.51.100.7", "fresh.example", null, List.of(), List.of()));

        Finding address = findings.stream().filter(finding -> finding.title().contains("198.51.100.7")).findFirst()
                .orElseThrow();
        Finding domain = findings.stream().filter(finding -> finding.title().contains("fresh.example")).findFirst()
                .orElseThrow();
        assertThat(address.score()).isLessThan(domain.score());
        assertThat(signals(address).get("freshness").observed()).startsWith("listed 30 days earlier");
    }

    @Test
    void flagsAHitOnABenignListedValueAsLikelyFalsePositiveInsteadOfDroppingIt() {
        BenignList.Builder benign = BenignList.builder(PublicSuffixList.bundled());
        benign.addName("google.com", BenignList.Match.DOMAIN, "Top 10K most-used sites from Tranco");
        IndicatorIndex index = index(Indicator.of(IndicatorType.DOMAIN, "www.google.com", PLAIN),
                Indicator.of(IndicatorType.DOMAIN, "evil.example", PLAIN));
        List<Finding> findings = run(index, benign.build(),
                IntelEvents.dns(T0, "10.0.0.5", "www.google.com"),
                IntelEvents.dns(T0, "10.0.0.5", "evil.example"));

        assertThat(findings).hasSize(2);
        Finding google = findings.get(0);
        Finding evil = findings.get(1);
        assertThat(signals(google).get("benign list").observed())
                .isEqualTo("www.google.com is on 'Top 10K most-used sites from Tranco'");
        assertThat(signals(google).get("benign list").contribution()).isNegative();
        assertThat(google.reason()).endsWith("so this is likely a false positive.");
        assertThat(google.confidence()).isLessThan(evil.confidence() / 2);
        assertThat(google.score()).isLessThan(evil.score());
        assertThat(signals(evil)).doesNotContainKey("benign list");
    }

    @Test
    void anInboundConnectionFromAListedAddressIsReportedAsTheSource() {
        assertThat(run(index(Indicator.of(IndicatorType.CIDR, "185.220.100.0/22", PLAIN)),
                IntelEvents.inbound(T0, "185.220.101.4", "192.168.1.10", 22)))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.host().ip()).hasToString("192.168.1.10");
                    assertThat(finding.reason()).startsWith("192.168.1.10 was contacted by 185.220.101.4:50000, in "
                            + "185.220.100.0/22");
                });
    }

    @Test
    void joinsACertificateLoggedApartWithItsTlsSessionInEitherOrder() {
        IndicatorIndex index = index(Indicator.of(IndicatorType.CERT_SHA1, CERT_SHA1, SSLBL));
        List<Finding> sessionFirst = run(index,
                IntelEvents.tls(T0, "10.0.0.5", "198.51.100.20", "c2.example", null, List.of(), List.of("FuidA")),
                IntelEvents.certificate(T0 + SECOND / 10, "FuidA", CERT_SHA1));
        List<Finding> certificateFirst = run(index,
                IntelEvents.certificate(T0, "FuidB", CERT_SHA1),
                IntelEvents.tls(T0 + SECOND, "10.0.0.6", "198.51.100.20", "c2.example", null, List.of(),
                        List.of("FuidB")));
        List<Finding> unrelated = run(index,
                IntelEvents.tls(T0, "10.0.0.7", "198.51.100.20", "c2.example", null, List.of(), List.of("FuidC")),
                IntelEvents.certificate(T0 + SECOND, "FuidC", "0000000000000000000000000000000000000000"));

        assertThat(sessionFirst).singleElement().satisfies(finding -> {
            assertThat(finding.host().ip()).hasToString("10.0.0.5");
            assertThat(finding.destination().domain()).isEqualTo("c2.example");
            assertThat(finding.reason()).contains("tls server certificate").contains("AsyncRAT");
        });
        assertThat(certificateFirst).singleElement().extracting(finding -> finding.host().ip().toString())
                .isEqualTo("10.0.0.6");
        assertThat(unrelated).isEmpty();
    }

    @Test
    void anEmptyIndexReportsNothing() {
        assertThat(run(IndicatorIndex.empty(), IntelEvents.connection(T0, "10.0.0.5", "41.108.179.197", 1177)))
                .isEmpty();
    }
}
