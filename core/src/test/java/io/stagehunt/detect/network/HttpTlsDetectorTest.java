package io.stagehunt.detect.network;

import static io.stagehunt.testing.SampleTraffic.at;
import static io.stagehunt.testing.SampleTraffic.certificate;
import static io.stagehunt.testing.SampleTraffic.http;
import static io.stagehunt.testing.SampleTraffic.ip;
import static io.stagehunt.testing.SampleTraffic.tls;
import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.engine.DetectorHarness;
import io.stagehunt.event.Event;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.TlsSession;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpTlsDetectorTest {

    private static final String HOST = "10.30.0.41";
    private static final String OTHER = "10.30.0.42";
    private static final String SERVER = "203.0.113.13";
    private static final String OLD_BROWSER = "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)";

    private static List<Finding> run(List<? extends Event> events) {
        return DetectorHarness.run(new HttpTlsDetector(HttpTlsDetector.Settings.DEFAULTS), events);
    }

    private static List<String> names(Finding finding) {
        return finding.signals().stream().map(Signal::name).toList();
    }

    /** A response as Zeek logs it when the client's packets were not captured: no method, no headers. */
    private static HttpRequest responseOnly(double seconds, String mime) {
        HttpRequest seen = http(seconds, HOST, SERVER, 80, "GET", null, null, null, 0, 7_168, mime);
        return new HttpRequest(seen.timeMicros(), seen.host(), seen.provenance(), seen.uid(), seen.client(),
                seen.clientPort(), seen.server(), seen.serverPort(), null, null, null, null, null, 200, 0, 7_168,
                List.of(mime), List.of());
    }

    static Stream<Arguments> downloads() {
        return Stream.of(
                Arguments.of("installer from a named server", http(1, HOST, SERVER, 80, "GET", "dl.example.com",
                        "/update/setup.exe", "Mozilla/5.0", 0, 7_168, "application/x-dosexec"),
                        List.of("executable-download")),
                Arguments.of("program behind an image URI", http(1, HOST, SERVER, 80, "GET", "cdn.example.com",
                        "/img/logo.jpg?v=2", "Mozilla/5.0", 0, 7_168, "application/x-dosexec"),
                        List.of("executable-download", "mime-extension-mismatch")),
                Arguments.of("program without a Host header", http(1, HOST, SERVER, 80, "GET", null, "/payload",
                        "Mozilla/5.0", 0, 7_168, "application/x-dosexec"),
                        List.of("executable-download", "missing-host-header", "unnamed-server")),
                Arguments.of("program from a bare address", http(1, HOST, SERVER, 80, "GET", SERVER + ":80", "/a",
                        "Mozilla/5.0", 0, 7_168, "application/x-msdownload"),
                        List.of("executable-download", "unnamed-server")),
                Arguments.of("installer typed by a raw Content-Type header (Suricata)", http(1, HOST, SERVER, 80, "GET",
                        "dl.example.com", "/update/setup.exe", "Mozilla/5.0", 0, 7_168,
                        "application/x-msdownload; charset=binary"), List.of("executable-download")),
                Arguments.of("program behind an image URI, header in capitals", http(1, HOST, SERVER, 80, "GET",
                        "cdn.example.com", "/img/logo.png", "Mozilla/5.0", 0, 7_168,
                        "Application/X-DOSEXEC ;charset=binary"),
                        List.of("executable-download", "mime-extension-mismatch")),
                Arguments.of("response without its request", responseOnly(1, "application/x-dosexec"),
                        List.of("executable-download")),
                Arguments.of("an image that is an image", http(1, HOST, SERVER, 80, "GET", "cdn.example.com",
                        "/img/logo.jpg", "Mozilla/5.0", 0, 7_168, "image/jpeg"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("downloads")
    void judgesWhatAServerSentAndHowItWasAsked(String label, HttpRequest request, List<String> expected) {
        List<Finding> findings = run(List.of(request));
        if (expected.isEmpty()) {
            assertThat(findings).isEmpty();
            return;
        }
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(names(finding)).containsExactlyElementsOf(expected);
            assertThat(finding.detectorId()).isEqualTo("http-tls");
            assertThat(finding.destination().ip()).isEqualTo(ip(SERVER));
            assertThat(finding.destination().port()).isEqualTo(80);
            assertThat(finding.techniques()).containsExactly("T1105", "T1104");
            assertThat(finding.reason()).startsWith("Host " + HOST + " fetched an executable (");
        });
    }

    @Test
    void theMismatchNamesTheUriAndWhatItPromised() {
        Finding finding = run(List.of(http(1, HOST, SERVER, 80, "GET", "cdn.example.com", "/img/logo.jpg",
                "Mozilla/5.0", 0, 7_168, "application/x-dosexec"))).get(0);
        Signal mismatch = finding.signals().get(1);
        assertThat(mismatch.observed()).isEqualTo("/img/logo.jpg answered with application/x-dosexec");
        assertThat(mismatch.baseline()).isEqualTo("a .jpg promises image content");
        assertThat(finding.score()).isEqualTo(0.5);
    }

    @Test
    void anIpv6ServerIsWrittenInBracketsBeforeItsPort() {
        Finding finding = run(List.of(http(1, "fd00:30::41", "2001:db8::13", 8080, "GET", "dl.example.com",
                "/update/setup.exe", "Mozilla/5.0", 0, 7_168, "application/x-dosexec"))).get(0);
        assertThat(finding.reason()).startsWith("Host fd00:30::41 fetched an executable (application/x-dosexec) "
                + "from dl.example.com:8080");
        Finding unnamed = run(List.of(http(1, "fd00:30::41", "2001:db8::13", 8080, "GET", null, "/payload",
                "Mozilla/5.0", 0, 7_168, "application/x-dosexec"))).get(0);
        assertThat(unnamed.reason()).startsWith("Host fd00:30::41 fetched an executable (application/x-dosexec) "
                + "from [2001:db8::13]:8080");
    }

    @Test
    void aBracketedIpv6HostHeaderNamesNoServer() {
        Finding finding = run(List.of(http(1, "fd00:30::41", "2001:db8::13", 8080, "GET", "[2001:db8::13]:8080",
                "/a", "Mozilla/5.0", 0, 7_168, "application/x-msdownload"))).get(0);
        assertThat(names(finding)).containsExactly("executable-download", "unnamed-server");
        assertThat(finding.destination().domain()).isNull();
    }

    @Test
    void theMediaTypeIsNamedWithoutTheHeadersParameters() {
        Finding finding = run(List.of(http(1, HOST, SERVER, 80, "GET", "cdn.example.com", "/img/logo.jpg",
                "Mozilla/5.0", 0, 7_168, "application/x-msdownload; charset=binary"))).get(0);
        assertThat(finding.reason()).startsWith("Host " + HOST + " fetched an executable (application/x-msdownload) ");
        assertThat(finding.signals().get(1).observed())
                .isEqualTo("/img/logo.jpg answered with application/x-msdownload");
    }

    static Stream<Arguments> userAgents() {
        return Stream.of(
                Arguments.of("one host, one server, five requests", List.of(HOST), List.of("a.example.com"), 5, true),
                Arguments.of("two hosts", List.of(HOST, OTHER), List.of("a.example.com"), 5, false),
                Arguments.of("two servers", List.of(HOST), List.of("a.example.com", "b.example.com"), 5, false),
                Arguments.of("too few requests", List.of(HOST), List.of("a.example.com"), 2, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userAgents")
    void aUserAgentOfOneHostTowardOneServerIsRare(String label, List<String> hosts, List<String> servers,
            int requests, boolean rare) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            for (String host : hosts) {
                for (String server : servers) {
                    events.add(http(60.0 * i, host, SERVER, 80, "POST", server, "/gate.php", OLD_BROWSER, 120, 40,
                            "text/html"));
                }
            }
        }
        List<Finding> rareAgents = run(events).stream().filter(f -> names(f).contains("rare-user-agent")).toList();
        assertThat(rareAgents).hasSize(rare ? 1 : 0);
        if (rare) {
            Finding finding = rareAgents.get(0);
            assertThat(finding.destination().domain()).isEqualTo("a.example.com");
            assertThat(finding.reason()).isEqualTo("Host " + HOST + " used the user agent '" + OLD_BROWSER
                    + "' 5 times toward a.example.com:80, and no other host or destination used it.");
        }
    }

    @Test
    void aJa3OfOneHostTowardOneServerIsRare() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(tls(60.0 * i, HOST, SERVER, 443, "api.example.net", "e7d705a3286e19ea42f587b344ee6865"));
            events.add(tls(60.0 * i, OTHER, "198.51.100.2", 443, "www.example.org",
                    "b32309a26951912be7dba376398abc3b"));
            events.add(tls(60.0 * i + 1, HOST, "198.51.100.2", 443, "www.example.org",
                    "b32309a26951912be7dba376398abc3b"));
        }
        List<Finding> findings = run(events);
        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(names(finding)).containsExactly("rare-ja3");
            assertThat(finding.destination().domain()).isEqualTo("api.example.net");
        });
    }

    static Stream<Arguments> certificates() {
        double day = 86_400;
        return Stream.of(
                Arguments.of("self-signed", "CN=prosacco.sons.com", "CN=prosacco.sons.com", -400 * day,
                        List.of("self-signed-certificate")),
                Arguments.of("issued two days ago", "CN=api.example.net", "CN=R11,O=Let's Encrypt", -2 * day,
                        List.of("young-certificate")),
                Arguments.of("self-signed and new", "CN=x", "CN=x", -1 * day,
                        List.of("self-signed-certificate", "young-certificate")),
                Arguments.of("signed by a CA long ago", "CN=www.example.org", "CN=R11,O=Let's Encrypt", -60 * day,
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificates")
    void joinsCertificatesWithTheSessionsThatPresentedThem(String label, String subject, String issuer,
            double issued, List<String> expected) {
        String fingerprint = "b765518127e58d334a3596a6572a09fa727d59c86214c4eb8f499a141ac15579";
        List<Event> events = List.of(
                tls(10, HOST, SERVER, 8080, null, null, fingerprint),
                certificate(10, fingerprint, subject, issuer, issued, 300 * 86_400),
                tls(70, HOST, SERVER, 8080, null, null, fingerprint),
                tls(130, HOST, SERVER, 8080, null, null, fingerprint));
        List<Finding> certificateFindings = run(events).stream()
                .filter(f -> !names(f).contains("unnamed-server")).toList();
        if (expected.isEmpty()) {
            assertThat(certificateFindings).isEmpty();
            return;
        }
        assertThat(certificateFindings).singleElement().satisfies(finding -> {
            assertThat(names(finding)).containsExactlyElementsOf(expected);
            assertThat(finding.destination().port()).isEqualTo(8080);
            assertThat(finding.reason()).contains("3 times over TLS");
            assertThat(finding.evidence()).hasSize(4);
        });
    }

    @Test
    void joinsByFileIdWhenTheSensorNamesCertificatesThatWay() {
        TlsSession byFileId = tls(10, HOST, SERVER, 443, "api.example.net", null);
        TlsSession session = new TlsSession(byFileId.timeMicros(), byFileId.host(), byFileId.provenance(),
                byFileId.uid(), byFileId.client(), byFileId.clientPort(), byFileId.server(), byFileId.serverPort(),
                "TLSv12", null, "api.example.net", true, null, null, null, null, null, List.of(),
                List.of("FmHWcO2PF9wbqM6cil"), null);
        io.stagehunt.event.Certificate withFileId = new io.stagehunt.event.Certificate(at(11), null,
                byFileId.provenance(), "FmHWcO2PF9wbqM6cil", null, "01", "CN=api.example.net", "CN=api.example.net",
                at(-500 * 86_400), at(500 * 86_400), "rsaEncryption", 2048, List.of());
        assertThat(run(List.of(session, withFileId))).singleElement()
                .satisfies(finding -> assertThat(names(finding)).containsExactly("self-signed-certificate"));
    }

    @Test
    void hostileTextIsShortenedAndControlCharactersReplaced() {
        String hostile = "Agent\u0007\u001b[31m" + "x".repeat(500);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(http(i, HOST, SERVER, 80, "GET", "a.example.com", "/", hostile, 0, 10, "text/html"));
        }
        Finding finding = run(events).get(0);
        assertThat(finding.reason()).doesNotContain("\u0007").doesNotContain("\u001b").contains("...");
        assertThat(finding.reason().length()).isLessThan(250);
    }

    @Test
    void everyKeyExpiresAfterItsIdleTime() {
        DetectorHarness<?, ?> harness = new DetectorHarness<>(new HttpTlsDetector(HttpTlsDetector.Settings.DEFAULTS));
        harness.accept(http(1, HOST, SERVER, 80, "GET", "a.example.com", "/", OLD_BROWSER, 0, 10, "text/html"));
        harness.accept(tls(2, HOST, SERVER, 443, "a.example.com", "e7d705a3286e19ea42f587b344ee6865", "ab12"));
        assertThat(harness.liveKeys()).isEqualTo(4);
        harness.advanceTo(at(2 + 3_601));
        assertThat(harness.liveKeys()).isEqualTo(2);
        harness.advanceTo(at(2 + 6 * 3_600 + 1));
        assertThat(harness.liveKeys()).isZero();
        harness.finish();
    }
}
