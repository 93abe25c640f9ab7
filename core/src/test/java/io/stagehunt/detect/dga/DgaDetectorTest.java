package io.stagehunt.detect.dga;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Severity;
import io.stagehunt.detect.Signal;
import io.stagehunt.engine.DetectorHarness;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.SourceFile;
import io.stagehunt.event.TlsSession;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DgaDetectorTest {

    private static final long SECOND = 1_000_000L;
    private static final long START = 1_700_000_000L * SECOND;
    private static final SourceFile SOURCE = new SourceFile("dns.log", "zeek-tsv");
    private static final IpAddress RESOLVER = IpAddress.parse("10.0.0.53");
    private static final Host INFECTED = Host.of(IpAddress.parse("10.0.0.7"));
    private static final Host OFFICE = Host.of(IpAddress.parse("10.0.0.8"));
    private static final List<String> ORDINARY = List.of("www.google.com", "outlook.office365.com",
            "www.wikipedia.org", "github.com", "www.bbc.co.uk", "login.microsoftonline.com", "www.amazon.com",
            "cdn.jsdelivr.net", "fonts.gstatic.com", "www.linkedin.com", "news.ycombinator.com",
            "d1a2b3c4.cloudfront.net", "e4567.dscb.akamaiedge.net", "update.googleapis.com");

    private final DgaDetector detector = new DgaDetector(DgaDetector.Settings.DEFAULTS);
    private long line;

    @Test
    void flagsBurstOfNxdomainLookupsOfGeneratedNames() {
        List<Event> events = new ArrayList<>();
        List<String> generated = randomNames(new Random(7), 30);
        for (int i = 0; i < generated.size(); i++) {
            events.add(query(INFECTED, START + i * 2 * SECOND, generated.get(i) + ".com", i % 10 == 0 ? 0 : 3));
        }
        for (int i = 0; i < ORDINARY.size(); i++) {
            events.add(query(INFECTED, START + i * 3 * SECOND + 1, ORDINARY.get(i), 0));
        }
        events.sort((a, b) -> Long.compare(a.timeMicros(), b.timeMicros()));

        List<Finding> findings = DetectorHarness.run(detector, events);

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.host()).isEqualTo(INFECTED);
        assertThat(finding.detectorId()).isEqualTo("dga");
        assertThat(finding.techniques()).containsExactly("T1568.002", "T1104");
        assertThat(finding.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(finding.signals()).extracting(Signal::name)
                .containsExactly("generated_names", "nxdomain_share", "name_score", "generated_share");
        String counted = finding.signals().get(0).observed();
        assertThat(counted).contains("distinct generated-looking domains");
        // Random letters sometimes spell something plausible; nearly all of the 30 must still count.
        assertThat(Integer.parseInt(counted.substring(0, counted.indexOf(' ')))).isBetween(27, 30);
        assertThat(finding.signals().get(1).observed()).matches("(8[5-9]|9[0-9])% of them answered NXDOMAIN.*");
        assertThat(finding.signals().get(1).contribution()).isGreaterThan(0.25);
        assertThat(finding.reason()).contains("10.0.0.7", "generated-looking domain names", "NXDOMAIN");
        assertThat(finding.destination().domain()).endsWith(".com");
        assertThat(finding.evidence()).hasSize(10);
        assertThat(finding.score()).isEqualTo(Finding.scoreOf(finding.signals()));
    }

    @Test
    void staysQuietForOrdinaryBrowsingWithSomeFailures() {
        List<Event> events = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < ORDINARY.size(); i++) {
                int rcode = (round + i) % 7 == 0 ? 3 : 0;
                events.add(query(OFFICE, START + (round * 60L + i) * SECOND, ORDINARY.get(i), rcode));
            }
        }

        assertThat(DetectorHarness.run(detector, events)).isEmpty();
    }

    @Test
    void needsSeveralGeneratedNamesInOneEpisode() {
        List<Event> events = new ArrayList<>();
        List<String> generated = randomNames(new Random(11), 5);
        for (int i = 0; i < generated.size(); i++) {
            events.add(query(INFECTED, START + i * SECOND, generated.get(i) + ".net", 3));
        }

        assertThat(DetectorHarness.run(detector, events)).isEmpty();
    }

    @Test
    void countsEachRegisteredDomainOnceHoweverOftenItIsAsked() {
        List<Event> events = new ArrayList<>();
        List<String> generated = randomNames(new Random(13), 3);
        for (int i = 0; i < 40; i++) {
            events.add(query(INFECTED, START + i * SECOND, "www." + generated.get(i % 3) + ".org", 3));
        }

        assertThat(DetectorHarness.run(detector, events)).isEmpty();
    }

    /**
     * A tunnel or an unpopular CDN naming its hosts by hash asks for many machine-made host names under one
     * domain: one generated domain at most, not hundreds (dns-tunnel is the detector for that traffic).
     */
    @Test
    void countsHashedHostNamesUnderOneDomainOnce() {
        List<Event> events = new ArrayList<>();
        Random random = new Random(17);
        for (int i = 0; i < 300; i++) {
            events.add(query(INFECTED, START + i * SECOND, hex(random, 16) + ".relay-xqzvtk.net", 0));
        }

        assertThat(DetectorHarness.run(detector, events)).isEmpty();
    }

    /** A generator on a free-subdomain provider misses name after name under that one domain: each miss counts. */
    @Test
    void countsEachMissingHostNameUnderAFreeSubdomainProvider() {
        List<Event> events = new ArrayList<>();
        List<String> generated = randomNames(new Random(29), 30);
        for (int i = 0; i < generated.size(); i++) {
            events.add(query(INFECTED, START + i * 2 * SECOND, generated.get(i) + ".relay-xqzvtk.net", 3));
        }

        String counted = DetectorHarness.run(detector, events).get(0).signals().get(0).observed();

        assertThat(Integer.parseInt(counted.substring(0, counted.indexOf(' ')))).isBetween(25, 30);
    }

    /**
     * The NXDOMAIN baseline is the host's other domains, once each: an implant asking for one missing name a
     * thousand times (or a broken app doing so) does not hide the generated names' failures.
     */
    @Test
    void theNxdomainBaselineCountsEachOtherDomainOnce() {
        List<Event> events = new ArrayList<>();
        List<String> generated = randomNames(new Random(19), 30);
        for (int i = 0; i < generated.size(); i++) {
            events.add(query(INFECTED, START + i * 2 * SECOND, generated.get(i) + ".com", 3));
        }
        for (int i = 0; i < 1000; i++) {
            events.add(query(INFECTED, START + i * 60_000L, "wpad.intranet-missing.com", 3));
        }
        for (int i = 0; i < ORDINARY.size(); i++) {
            events.add(query(INFECTED, START + i * 3 * SECOND + 1, ORDINARY.get(i), 0));
        }
        events.sort((a, b) -> Long.compare(a.timeMicros(), b.timeMicros()));

        Finding finding = DetectorHarness.run(detector, events).get(0);

        Signal nxdomain = finding.signals().get(1);
        assertThat(nxdomain.baseline()).startsWith("7% of the other domains");
        assertThat(nxdomain.contribution()).isGreaterThan(0.3);
    }

    /** Names seen only in TLS handshakes (DNS over HTTPS hides the lookups) are not said to be looked up. */
    @Test
    void namesSeenOnlyInTlsAreNotSaidToBeLookedUp() {
        List<Event> events = new ArrayList<>();
        List<String> generated = randomNames(new Random(23), 8);
        for (int i = 0; i < generated.size(); i++) {
            events.add(new TlsSession(START + i * SECOND, INFECTED, new Provenance(SOURCE, i + 1), "C" + i,
                    INFECTED.ip(), 49700 + i, IpAddress.parse("203.0.113." + (10 + i)), 443, "TLSv13", null,
                    generated.get(i) + ".top", true, null, null, null, null, null, List.of(), List.of(), null));
        }

        Finding finding = DetectorHarness.run(detector, events).get(0);

        // each name must pass the stricter contact threshold; random letters occasionally spell something likely
        assertThat(finding.reason()).containsPattern("used [6-8] generated-looking domain names")
                .doesNotContain("looked up").doesNotContain("NXDOMAIN");
    }

    private static String hex(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }

    @Test
    void reportsOneFindingPerEpisodeAndANewOneAfterAQuietGap() {
        List<Event> events = new ArrayList<>();
        List<String> generated = randomNames(new Random(17), 20);
        long quietGap = DgaDetector.Settings.DEFAULTS.quietGapMicros();
        for (int i = 0; i < 10; i++) {
            events.add(query(INFECTED, START + i * 5 * SECOND, generated.get(i) + ".info", 3));
        }
        long later = START + 50 * SECOND + quietGap + 60 * SECOND;
        for (int i = 10; i < 20; i++) {
            events.add(query(INFECTED, later + i * 5 * SECOND, generated.get(i) + ".info", 3));
        }

        List<Finding> findings = DetectorHarness.run(detector, events);

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).lastSeenMicros()).isLessThan(findings.get(1).firstSeenMicros());
        assertThat(findings).extracting(Finding::uid).doesNotHaveDuplicates();
    }

    @Test
    void endsALongEpisodeAtItsMaximumLengthAndExpiresState() {
        DetectorHarness<Host, DgaDetector.Episode> harness = new DetectorHarness<>(detector);
        List<String> generated = randomNames(new Random(19), 400);
        long every = 30 * SECOND;
        for (int i = 0; i < generated.size(); i++) {
            harness.accept(query(INFECTED, START + i * every, generated.get(i) + ".biz", 3));
        }
        // The host's episode, and the note under its resolver of the names it was asked.
        assertThat(harness.liveKeys()).isEqualTo(2);
        harness.finish();

        long hours = generated.size() * every / DgaDetector.Settings.DEFAULTS.maxEpisodeMicros();
        assertThat(harness.findings()).hasSizeBetween((int) hours, (int) hours + 1);
        assertThat(harness.liveKeys()).isZero();
    }

    @Test
    void boundsTheNamesItRemembers() {
        DgaDetector.Settings small = new DgaDetector.Settings(0.6, 0.9, 8, 6, 25, 10 * 60 * SECOND, 60 * 60 * SECOND, 50);
        DgaDetector bounded = new DgaDetector(small);
        List<Event> events = new ArrayList<>();
        List<String> generated = randomNames(new Random(23), 300);
        for (int i = 0; i < generated.size(); i++) {
            events.add(query(INFECTED, START + i * SECOND, generated.get(i) + ".com", 3));
        }

        List<Finding> findings = DetectorHarness.run(bounded, events);

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).signals().get(0).observed()).startsWith("50+ distinct");
    }

    @Test
    void ignoresLocalNamesAndReverseLookups() {
        List<Event> events = new ArrayList<>();
        List<String> generated = randomNames(new Random(29), 30);
        for (int i = 0; i < generated.size(); i++) {
            events.add(query(INFECTED, START + i * SECOND, generated.get(i), 3));
            events.add(query(INFECTED, START + i * SECOND + 1, generated.get(i) + ".local", 3));
            events.add(query(INFECTED, START + i * SECOND + 2, (i + 1) + ".0.0.10.in-addr.arpa", 3));
        }

        assertThat(DetectorHarness.run(detector, events)).isEmpty();
    }

    @Test
    void flagsASingleCheckInToANameThatLooksGeneratedBeyondDoubt() {
        HttpRequest checkIn = new HttpRequest(START, INFECTED, new Provenance(SOURCE, 1), "C1", INFECTED.ip(), 49727,
                IpAddress.parse("203.0.113.138"), 80, "GET", "7fa3c91e.top", "/de/?d=1", null, "Mozilla/5.0", 200,
                0, 512, List.of("text/html"), List.of());
        TlsSession ordinary = new TlsSession(START + SECOND, INFECTED, new Provenance(SOURCE, 2), "C2",
                INFECTED.ip(), 49728, IpAddress.parse("198.51.100.7"), 443, "TLSv13", null, "www.wikipedia.org", true,
                null, null, null, null, null, List.of(), List.of(), null);

        List<Finding> findings = DetectorHarness.run(detector, List.of(checkIn, ordinary));

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.destination().domain()).isEqualTo("7fa3c91e.top");
        assertThat(finding.destination().ip()).isEqualTo(IpAddress.parse("203.0.113.138"));
        assertThat(finding.destination().port()).isEqualTo(80);
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding.signals()).extracting(Signal::name).contains("contacted");
        assertThat(finding.reason()).contains("connected to 7fa3c91e.top");
    }

    @Test
    void ignoresConnectionsToOrdinaryAndPopularNames() {
        List<Event> events = new ArrayList<>();
        List<String> names = List.of("www.wikipedia.org", "d1a2b3c4.cloudfront.net", "r3---sn-4g5e6nsz.googlevideo.com",
                "api.github.com", "segment-data.qzxk.net");
        for (int i = 0; i < names.size(); i++) {
            events.add(new TlsSession(START + i * SECOND, OFFICE, new Provenance(SOURCE, i + 1), "C" + i,
                    OFFICE.ip(), 50000 + i, IpAddress.parse("198.51.100." + (i + 1)), 443, "TLSv13", null,
                    names.get(i), true, null, null, null, null, null, List.of(), List.of(), null));
        }

        assertThat(DetectorHarness.run(detector, events)).isEmpty();
    }

    @Test
    void namesTheClientNotTheResolverThatForwardsItsLookups() {
        Host resolver = Host.of(RESOLVER);
        IpAddress upstream = IpAddress.parse("192.0.2.53");
        List<Event> events = new ArrayList<>();
        List<String> generated = randomNames(new Random(31), 20);
        for (int i = 0; i < generated.size(); i++) {
            String name = generated.get(i) + ".com";
            events.add(query(INFECTED, START + i * SECOND, name, 3));
            line++;
            events.add(new DnsQuery(START + i * SECOND + 1000, resolver, new Provenance(SOURCE, line), "U" + line,
                    RESOLVER, upstream, 53, Transport.UDP, name, 1, "A", 3, "NXDOMAIN", List.of(), List.of(),
                    false));
        }

        DetectorHarness<Host, DgaDetector.Episode> harness = new DetectorHarness<>(detector);
        events.forEach(harness::accept);
        harness.finish();

        assertThat(harness.findings()).extracting(Finding::host).containsExactly(INFECTED);
        assertThat(harness.liveKeys()).isZero();
    }

    @Test
    void namesTheResolverWhenItsClientsAreNotInTheLogs() {
        Host resolver = Host.of(RESOLVER);
        IpAddress upstream = IpAddress.parse("192.0.2.53");
        List<Event> events = new ArrayList<>();
        List<String> generated = randomNames(new Random(37), 20);
        for (int i = 0; i < generated.size(); i++) {
            line++;
            events.add(new DnsQuery(START + i * SECOND, resolver, new Provenance(SOURCE, line), "U" + line,
                    RESOLVER, upstream, 53, Transport.UDP, generated.get(i) + ".net", 1, "A", 3, "NXDOMAIN",
                    List.of(), List.of(), false));
        }

        assertThat(DetectorHarness.run(detector, events)).extracting(Finding::host).containsExactly(resolver);
    }

    /** Names of 9 to 15 random letters: the shape of many DGA families, drawn here from a seeded generator. */
    static List<String> randomNames(Random random, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = 9 + random.nextInt(7);
            StringBuilder name = new StringBuilder();
            for (int j = 0; j < length; j++) {
                name.append((char) ('a' + random.nextInt(26)));
            }
            names.add(name.toString());
        }
        return names;
    }

    private DnsQuery query(Host host, long time, String name, int rcode) {
        line++;
        return new DnsQuery(time, host, new Provenance(SOURCE, line), "C" + line, host.ip(), RESOLVER, 53,
                Transport.UDP, name, 1, "A", rcode, rcode == 3 ? "NXDOMAIN" : "NOERROR",
                rcode == 0 ? List.of("192.0.2.10") : List.of(), rcode == 0 ? List.of(300.0) : List.of(), false);
    }
}
