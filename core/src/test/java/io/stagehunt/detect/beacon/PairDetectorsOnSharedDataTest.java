package io.stagehunt.detect.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Severity;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.NetworkScope;
import io.stagehunt.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pair detectors on the public captures beside the project (see GROUND_TRUTH.csv); each test is skipped
 * when its data, or a reader for its format, is absent.
 */
class PairDetectorsOnSharedDataTest {

    @Test
    void reproducesRitaOnTheBeaconThroughTheProxy() throws IOException {
        List<Finding> findings = beacons(NetworkScope.defaults(), SharedData.path("zeek/rita-proxy"));

        // the last report covers the data's last 24 hours, as RITA's analysis does
        Finding beacon = latest(findings, "10.136.0.18", "www.honestimnotevil.com");
        assertThat(rita(beacon, "rita score")).isCloseTo(0.979, within(0.05));
        assertThat(rita(beacon, "rita timestamp score")).isCloseTo(0.921, within(0.01));
        assertThat(rita(beacon, "rita data size score")).isCloseTo(0.995, within(0.01));
        assertThat(rita(beacon, "rita duration score")).isEqualTo(1.0);
        assertThat(rita(beacon, "rita histogram score")).isEqualTo(1.0);
        assertThat(BeaconDetectorTest.signal(beacon, "check-ins").observed()).endsWith("357 connections");
        assertThat(beacon.score()).isGreaterThan(0.95);
        assertThat(beacon.destination().port()).isEqualTo(443);
        assertThat(beacon.techniques()).contains("T1090");
        assertThat(beacon.reason()).isEqualTo("10.136.0.18 called www.honestimnotevil.com through proxy "
                + "10.136.0.16:3128 every 4.2 min (±16 %) 357 times over 24.7 h.");
    }

    @Test
    void scoresTheWeakProxyPairAsRitaDoesButExplainsWhyItIsNoBeacon() throws IOException {
        List<Finding> findings = beacons(NetworkScope.defaults(), SharedData.path("zeek/rita-proxy"));

        Finding google = latest(findings, "10.136.0.18", "www.google.com");
        assertThat(rita(google, "rita score")).isCloseTo(0.586, within(0.05));
        assertThat(BeaconDetectorTest.signal(google, "check-ins").observed()).endsWith(" 6 connections");
        assertThat(google.score()).isLessThan(0.2);
        assertThat(google.reason()).contains("6 times over 24.2 h at irregular intervals, which RITA v5 would "
                + "score 0.6");
    }

    @Test
    void findsTheNjRatCallbacks() throws IOException {
        List<Finding> findings = beacons(NetworkScope.defaults(),
                SharedData.path("zeek/ctu/001-zeek-scenario-malicious"));

        assertThat(findings).filteredOn(finding -> finding.score() >= 0.4).singleElement().satisfies(finding -> {
            assertThat(finding.host().label()).isEqualTo("192.168.1.115");
            assertThat(finding.destination().ip()).isEqualTo(IpAddress.parse("41.108.179.197"));
            assertThat(finding.destination().port()).isEqualTo(1177);
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.reason()).contains("tried to call 41.108.179.197 every 23 s");
        });
    }

    @Test
    void keepsTheBenignPeriodicRowsOfTheRollingCaptureInTheLowBand() throws IOException {
        List<Finding> findings = beacons(NetworkScope.defaults(), SharedData.path("zeek/rita-proxy-rolling"));

        // the ground truth's benign periodic rows: the resolver forwarding lookups upstream, and Safe Browsing
        // through the proxy, which RITA scores 0.673 and 0.624
        assertThat(findings).noneMatch(finding -> finding.destination().ip() != null
                && finding.destination().ip().equals(IpAddress.parse("75.75.75.75")));
        assertThat(findings).filteredOn(finding -> "safebrowsing.googleapis.com".equals(
                finding.destination().domain())).allSatisfy(finding ->
                assertThat(finding.score()).isLessThan(0.2));
        // nothing else in the capture reaches the high band; the one medium is OneTrust's geolocation poll through
        // the proxy (8 calls every 6 min), periodic indeed, and no longer pushed out of a pair that holds more
        // one-off names than channels
        assertThat(findings).allSatisfy(finding -> assertThat(finding.severity()).isLessThanOrEqualTo(
                Severity.MEDIUM));
    }

    @Test
    void findsTheAndroidRatSessionOnPort1337AsALongConnection() throws IOException {
        List<Finding> findings = RealDataRuns.run(List.of(new LongConnectionDetector()), NetworkScope.defaults(),
                SharedData.path("zeek/ctu/003-zeek-scenario-malicious")).findings();

        assertThat(findings).anySatisfy(finding -> {
            assertThat(finding.destination().port()).isEqualTo(1337);
            assertThat(finding.reason()).contains("stayed connected to 147.32.83.234 for 73");
        });
    }

    @Test
    void findsTheTwoSecondTestBeaconInSuricataEve() throws IOException {
        Path capture = SharedData.path("suricata/derived/stratosphere-slips/test-cc-capture-1.pcap.eve.json.gz");
        assumeTrue(RealDataRuns.recognised(capture), "no reader recognises Suricata EVE yet");

        List<Finding> findings = beacons(NetworkScope.of(List.of("147.32.0.0/16")), capture);

        Finding beacon = latest(findings, "147.32.80.37", "testing.com");
        assertThat(beacon.destination().ip()).isEqualTo(IpAddress.parse("141.193.213.21"));
        assertThat(beacon.score()).isGreaterThan(0.9);
        assertThat(beacon.reason()).contains("testing.com every 2.2 s");
    }

    @Test
    void findsTheIrregularTestBeaconInSuricataEve() throws IOException {
        Path capture = SharedData.path("suricata/derived/stratosphere-slips/test-cc-capture-2.pcap.eve.json.gz");
        assumeTrue(RealDataRuns.recognised(capture), "no reader recognises Suricata EVE yet");

        List<Finding> findings = beacons(NetworkScope.of(List.of("147.32.0.0/16")), capture);

        Finding beacon = latest(findings, "147.32.80.37", "testing.com");
        assertThat(beacon.score()).isGreaterThan(0.5);
        assertThat(beacon.reason()).contains("testing.com every 3");
    }

    @Test
    void findsTheEmpireBeaconAmidBrowsingInSuricataEve() throws IOException {
        Path folder = SharedData.path("suricata/derived/elcabezzonn-lab");
        Path capture;
        try (Stream<Path> files = Files.list(folder)) {
            capture = files.filter(file -> file.getFileName().toString().contains("Empire")
                    && !file.getFileName().toString().contains("wmi")).findFirst().orElse(null);
        }
        assumeTrue(capture != null, "the Empire capture is absent");
        assumeTrue(RealDataRuns.recognised(capture), "no reader recognises Suricata EVE yet");

        List<Finding> findings = beacons(NetworkScope.defaults(), capture);

        assertThat(findings).filteredOn(finding -> finding.score() >= 0.4).anySatisfy(finding -> {
            assertThat(finding.host().label()).isEqualTo("192.168.1.46");
            assertThat(finding.destination().ip()).isEqualTo(IpAddress.parse("192.168.1.161"));
            assertThat(finding.destination().port()).isEqualTo(80);
        });
    }

    @Test
    void findsTheEmpireBeaconAfterLateralMovementInSuricataEve() throws IOException {
        Path capture = SharedData.path("suricata/derived/elcabezzonn-lab/wmi_to_powershell_empire.pcap.eve.json.gz");
        assumeTrue(RealDataRuns.recognised(capture), "no reader recognises Suricata EVE yet");

        List<Finding> findings = beacons(NetworkScope.defaults(), capture);

        assertThat(findings).filteredOn(finding -> finding.score() >= 0.7).anySatisfy(finding -> {
            assertThat(finding.host().label()).isEqualTo("192.168.1.195");
            assertThat(finding.destination().ip()).isEqualTo(IpAddress.parse("192.168.1.161"));
            assertThat(finding.destination().port()).isEqualTo(80);
        });
    }

    private static List<Finding> beacons(NetworkScope scope, Path... paths) throws IOException {
        RealDataRuns.Outcome outcome = RealDataRuns.run(List.of(new BeaconDetector()), scope, paths);
        assertThat(outcome.summary().detectors()).allSatisfy(stats -> assertThat(stats.keysLeft()).isZero());
        return outcome.findings();
    }

    private static Finding latest(List<Finding> findings, String host, String domain) {
        return findings.stream().filter(finding -> finding.host().label().equals(host)
                        && domain.equals(finding.destination().domain()))
                .max(Comparator.comparingLong(Finding::lastSeenMicros))
                .orElseThrow(() -> new AssertionError("no finding for " + host + " -> " + domain + " in "
                        + findings));
    }

    /** A RITA sub-score as the finding reports it: the number that opens the signal's observed value. */
    private static double rita(Finding finding, String signal) {
        return Double.parseDouble(BeaconDetectorTest.signal(finding, signal).observed().split(" ")[0]);
    }
}
