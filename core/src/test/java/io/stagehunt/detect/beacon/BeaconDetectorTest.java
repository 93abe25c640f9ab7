package io.stagehunt.detect.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Severity;
import io.stagehunt.detect.Signal;
import io.stagehunt.engine.DetectorHarness;
import io.stagehunt.event.Connection;
import io.stagehunt.event.Event;
import io.stagehunt.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BeaconDetectorTest {

    private static final String C2 = "203.0.113.10";
    private static final String PROXY = "10.0.0.3";
    private static final String RESOLVER = "10.0.0.2";

    @Test
    void reportsAJitteredBeaconWithItsPeriodJitterAndBothScores() {
        Traffic host = httpsCheckIns(60, 150, 1);

        List<Finding> findings = DetectorHarness.run(new BeaconDetector(), host.events());

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.detectorId()).isEqualTo("beacon");
        assertThat(finding.host().label()).isEqualTo("10.1.1.5");
        assertThat(finding.destination().domain()).isEqualTo("cdn-check.example");
        assertThat(finding.destination().ip()).isEqualTo(IpAddress.parse(C2));
        assertThat(finding.destination().port()).isEqualTo(443);
        assertThat(finding.score()).isGreaterThan(0.9);
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.techniques()).containsExactly("T1071.001", "T1104");
        assertThat(finding.reason()).startsWith("10.1.1.5 called cdn-check.example every 60 s (±")
                .contains("150 times over 2");
        assertThat(signal(finding, "jitter").observed()).matches("±1[4-8] %");
        assertThat(signal(finding, "period").observed()).isEqualTo("60 s");
        assertThat(finding.signals()).extracting(Signal::name).contains("rita score", "rita timestamp score",
                "rita data size score", "rita histogram score", "rita duration score");
        assertThat(finding.signals().stream().mapToDouble(Signal::contribution).sum())
                .isEqualTo(finding.score());
        assertThat(finding.evidence()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void aPairCallingEveryMinuteNeedsNoTimerPerFlow() {
        Traffic host = httpsCheckIns(60, 600, 7);
        DetectorHarness<PairKey, PairTracker<BeaconChannel>> harness = new DetectorHarness<>(new BeaconDetector());
        host.events().forEach(harness::accept);
        harness.finish();

        assertThat(harness.findings()).hasSize(1);
        // flows settle when the pair is next touched; timers serve the channel's reports and the final catch-up
        assertThat(harness.timersFired()).isLessThan(600 / 20);
    }

    @Test
    void whenOtherTrafficMovesEventTimeOnChangesNoFinding() {
        Traffic host = httpsCheckIns(300, 200, 3);
        List<Finding> alone = DetectorHarness.run(new BeaconDetector(), host.events());

        DetectorHarness<PairKey, PairTracker<BeaconChannel>> busy = new DetectorHarness<>(new BeaconDetector());
        Random random = new Random(5);
        for (Event event : host.events()) {
            busy.advanceTo(event.timeMicros() - random.nextInt(300_000_000));
            busy.accept(event);
        }
        busy.finish();

        assertThat(alone).hasSize(1);
        assertThat(busy.findings()).isEqualTo(alone);
    }

    @Test
    void namesTheProxyTargetNotTheProxy() {
        Traffic host = new Traffic("10.1.1.6");
        for (double time : CheckInSchedules.jittered(0, 120, 0.1, 100, 2)) {
            host.viaProxy(time, PROXY, 3128, "updates.example-c2.test", 677);
        }

        List<Finding> findings = DetectorHarness.run(new BeaconDetector(), host.events());

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.destination().domain()).isEqualTo("updates.example-c2.test");
        assertThat(finding.destination().ip()).isNull();
        assertThat(finding.destination().port()).isEqualTo(443);
        assertThat(finding.techniques()).containsExactly("T1071.001", "T1090", "T1104");
        assertThat(finding.reason()).contains("updates.example-c2.test through proxy 10.0.0.3:3128 every 2 min");
        assertThat(signal(finding, "check-in size").observed()).isEqualTo("100 % sent 677 B ±10 %");
    }

    /**
     * More one-off names through one proxy than a pair holds channels, two of them just before each check-in:
     * the names seen once go first, and the channel that calls on a schedule is kept and reported.
     */
    @Test
    void oneOffNamesDoNotPushAScheduledChannelOutOfAFullPair() {
        Traffic host = new Traffic("10.1.1.9");
        int junk = 0;
        for (double time : CheckInSchedules.jittered(0, 300, 0.1, 200, 17)) {
            host.viaProxy(time - 2, PROXY, 3128, "n" + junk++ + ".ads-example.test", 600);
            host.viaProxy(time - 1, PROXY, 3128, "n" + junk++ + ".ads-example.test", 600);
            host.viaProxy(time, PROXY, 3128, "updates.example-c2.test", 677);
        }

        List<Finding> findings = DetectorHarness.run(new BeaconDetector(), host.events());

        assertThat(findings).filteredOn(finding -> "updates.example-c2.test".equals(finding.destination().domain()))
                .singleElement().satisfies(finding -> assertThat(finding.reason()).contains("200 times"));
    }

    @Test
    void keepsTargetsOfOneProxyApart() {
        Traffic host = new Traffic("10.1.1.7");
        for (double time : CheckInSchedules.jittered(0, 300, 0.05, 60, 3)) {
            host.viaProxy(time, PROXY, 3128, "beacon.example", 500);
        }
        Random random = new Random(4);
        for (double time : CheckInSchedules.browsing(0, 5, 5)) {
            host.viaProxy(time, PROXY, 3128, "news.example", 300 + random.nextInt(5000));
        }

        List<Finding> findings = DetectorHarness.run(new BeaconDetector(), host.events());

        assertThat(findings).filteredOn(finding -> finding.score() >= 0.4)
                .extracting(finding -> finding.destination().domain()).containsExactly("beacon.example");
        assertThat(findings).noneMatch(finding -> finding.destination().domain() == null);
    }

    @Test
    void namesAnAddressByTheHostsOwnDnsAnswer() {
        Traffic host = new Traffic("10.1.1.8");
        host.lookup(0, RESOLVER, "tasks.example.net", C2, "203.0.113.11");
        for (double time : CheckInSchedules.clockwork(1, 45, 100)) {
            host.flow(time, C2, 8443, 333);
        }

        List<Finding> findings = DetectorHarness.run(new BeaconDetector(), host.events());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.destination().domain()).isEqualTo("tasks.example.net");
            assertThat(finding.destination().ip()).isEqualTo(IpAddress.parse(C2));
            assertThat(finding.reason()).contains("tasks.example.net (203.0.113.10) every 45 s (±0 %)");
        });
    }

    /** Two bursts of calls a day apart are said to be two sessions, not one call every few seconds all day. */
    @Test
    void callsSeparatedByLongSilencesAreToldAsSessions() {
        Traffic host = new Traffic("10.1.1.12");
        for (double time : CheckInSchedules.clockwork(0, 10, 15)) {
            host.https(time, C2, "sync.example", 900);
            host.https(time + 22 * 3600, C2, "sync.example", 900);
        }
        Traffic steady = httpsCheckIns(60, 150, 3);

        assertThat(DetectorHarness.run(new BeaconDetector(), host.events())).last().satisfies(finding ->
                assertThat(finding.reason()).contains("every 10 s").contains("30 times in 2 sessions over 22"));
        assertThat(DetectorHarness.run(new BeaconDetector(), steady.events())).singleElement().satisfies(finding ->
                assertThat(finding.reason()).doesNotContain("session"));
    }

    @Test
    void survivesDroppedCheckInsAndNightlySleep() {
        Traffic host = new Traffic("10.1.1.9");
        Random random = new Random(6);
        for (double time : CheckInSchedules.officeHours(0, 300, 0.2, 9, 2, 7)) {
            if (random.nextDouble() >= 0.25) {
                host.https(time, C2, "office.example", 880);
            }
        }

        List<Finding> findings = DetectorHarness.run(new BeaconDetector(), host.events());

        assertThat(findings).isNotEmpty().allSatisfy(finding -> {
            assertThat(finding.score()).isGreaterThan(0.8);
            assertThat(signal(finding, "period").observed()).matches("(4\\.[89]|5|5\\.[01]) min");
        });
    }

    @Test
    void reportsEachDayOfAnOfficeHoursBeaconThatEveningWhateverMinuteItEnds() {
        for (long seed = 1; seed <= 8; seed++) {
            Traffic host = new Traffic("10.1.1.9");
            Random random = new Random(seed);
            for (int day = 0; day < 6; day++) {
                // the machine starts a minute or two apart each morning
                double start = day * 86_400.0 + random.nextInt(120);
                for (double time : CheckInSchedules.jittered(start, 300, 0.2, 108, random.nextLong())) {
                    host.https(time, C2, "office.example", 880);
                }
            }
            DetectorHarness<PairKey, PairTracker<BeaconChannel>> harness = new DetectorHarness<>(new BeaconDetector());
            long clock = 0;
            for (Event event : host.events()) {
                // other hosts' records move event time on minute by minute, through the night too
                for (; clock < event.timeMicros(); clock += 60_000_000L) {
                    harness.advanceTo(clock);
                }
                harness.accept(event);
            }
            harness.finish();

            // each workday's calls fall quiet in the evening: its report goes out then, whichever minute the day
            // ended, rather than with the next morning's first call
            assertThat(harness.findings()).as("seed %d", seed).hasSize(6).allSatisfy(finding -> {
                long sinceMidnight = (finding.lastSeenMicros() - Traffic.micros(0)) % 86_400_000_000L;
                assertThat(sinceMidnight).isGreaterThan(8 * 3_600_000_000L);
            });
        }
    }

    @Test
    void reportsAShortLivedFirstStageOnceItFallsQuiet() {
        Traffic host = new Traffic("10.1.1.10");
        for (double time : CheckInSchedules.jittered(100, 10, 0.05, 30, 8)) {
            host.http(time, C2, "stage1.example", "/get.php", 180);
        }
        DetectorHarness<?, ?> harness = new DetectorHarness<>(new BeaconDetector());
        host.events().forEach(harness::accept);

        harness.advanceTo(Traffic.micros(100 + 30 * 10 + 600));

        assertThat(harness.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.score()).isGreaterThan(0.9);
            assertThat(finding.reason()).contains("every 10 s").contains("30 times over 4.8 min");
            assertThat(finding.techniques()).startsWith("T1071.001");
        });
        harness.finish();
        assertThat(harness.findings()).hasSize(1);
    }

    @Test
    void countsRequestsOnAKeptAliveConnectionAsCheckIns() {
        Traffic host = new Traffic("10.1.1.11");
        host.http(0, C2, "poll.example", "/news.asp", 200);
        for (int beat = 1; beat < 120; beat++) {
            host.keptAliveRequest(beat * 30.0, C2, "poll.example", "/news.asp");
        }

        List<Finding> findings = DetectorHarness.run(new BeaconDetector(), host.events());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.reason()).contains("poll.example every 30 s (±0 %) 120 times");
            // RITA counts connections, not requests: one connection is no beacon to it
            assertThat(signal(finding, "rita score").observed()).startsWith("not scored");
        });
    }

    @Test
    void randomArrivalsAreNeverRaisedEvenWhenRitaWouldRaiseThem() {
        Traffic host = new Traffic("10.1.1.12");
        Random random = new Random(9);
        for (double time : CheckInSchedules.poisson(0, 120, 700, 10)) {
            host.https(time, C2, "api.example", 400 + random.nextInt(40));
        }

        List<Finding> findings = DetectorHarness.run(new BeaconDetector(), host.events());

        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.score()).isLessThan(0.2);
            assertThat(finding.reason()).contains("at irregular intervals, which RITA v5 would score");
        });
    }

    @Test
    void humanBrowsingIsNotABeacon() {
        Traffic host = new Traffic("10.1.1.13");
        Random random = new Random(11);
        for (double time : CheckInSchedules.browsing(0, 8, 12)) {
            host.https(time, C2, "portal.example", 300 + random.nextInt(9000));
        }

        List<Finding> findings = DetectorHarness.run(new BeaconDetector(), host.events());

        assertThat(findings).allSatisfy(finding -> assertThat(finding.score()).isLessThan(0.2));
    }

    @Test
    void resolverLookupsAndLocalBroadcastsAreNotChannels() {
        Traffic host = new Traffic("10.1.1.14");
        for (double time : CheckInSchedules.clockwork(0, 30, 300)) {
            host.flow(time, "198.51.100.53", 53, 60, "SF", "dns", false);
            host.flow(time + 1, "10.1.1.255", 138, 200, "S0", null, false);
            host.flow(time + 2, "224.0.0.251", 5353, 90, "S0", "dns", false);
        }

        assertThat(DetectorHarness.run(new BeaconDetector(), host.events())).isEmpty();
    }

    /**
     * A VPN gateway telling a client every hour that a packet needs fragmenting is the network stack at work; a
     * host pinging out every minute could be a ping tunnel.
     */
    @Test
    void icmpSignallingIsNoChannelOfAnyPairDetectorButPingsAre() {
        Detector<?, ?> group = PairDetectorGroup.fuse(
                List.of(new BeaconDetector(), new StrobeDetector(), new LongConnectionDetector())).get(0);
        Traffic gateway = new Traffic("10.8.0.1");
        Traffic gatewayV6 = new Traffic("fd00:8::1");
        for (double time : CheckInSchedules.jittered(0, 3765, 0.04, 24, 5)) {
            gateway.icmp(time, "10.8.0.61", 3, 4, 3500);
            gatewayV6.icmp(time + 60, "fd00:8::61", 2, 0, 3400);
        }
        Traffic pinger = new Traffic("10.1.1.20");
        for (double time : CheckInSchedules.clockwork(0, 60, 180)) {
            pinger.icmp(time, C2, 8, 0, 0.05);
        }

        assertThat(DetectorHarness.run(group, Traffic.merged(gateway, gatewayV6))).isEmpty();
        assertThat(DetectorHarness.run(new BeaconDetector(), pinger.events())).singleElement()
                .satisfies(finding -> assertThat(finding.destination().ip()).isEqualTo(IpAddress.parse(C2)));
    }

    /**
     * A DHCP client renewing its lease on the lease's timer, a DHCPv6 one, and a relay passing renewals on to
     * the server, are not calling anybody.
     */
    @Test
    void addressAssignmentIsNoChannel() {
        Traffic client = new Traffic("10.1.1.40");
        Traffic clientV6 = new Traffic("fd00:1::40");
        Traffic relay = new Traffic("10.1.1.2");
        for (double time : CheckInSchedules.jittered(0, 1800, 0.02, 40, 3)) {
            client.datagram(time, "10.1.1.1", 68, 67, 300);
            clientV6.datagram(time + 5, "fd00:1::1", 546, 547, 120);
            relay.datagram(time + 1, "10.9.0.10", 67, 67, 320);
        }
        Traffic sameTimerOtherPort = new Traffic("10.1.1.41");
        for (double time : CheckInSchedules.jittered(0, 1800, 0.02, 40, 3)) {
            sameTimerOtherPort.datagram(time, "10.1.1.1", 50_068, 4_067, 300);
        }

        assertThat(DetectorHarness.run(new BeaconDetector(), Traffic.merged(client, clientV6, relay))).isEmpty();
        assertThat(DetectorHarness.run(new BeaconDetector(), sameTimerOtherPort.events())).hasSize(1);
    }

    /**
     * An implant that binds one source port for every check-in still checks in each time it is answered; only a
     * flow after an unanswered one from the same port is a retry of that attempt.
     */
    @Test
    void checkInsFromOneBoundSourcePortAreCheckInsWhenAnswered() {
        Traffic implant = new Traffic("10.1.1.40");
        for (double time : CheckInSchedules.jittered(0, 30, 0.1, 120, 13)) {
            implant.datagram(time, C2, 50_000, 9_999, 180);
        }

        assertThat(DetectorHarness.run(new BeaconDetector(), implant.events())).singleElement()
                .satisfies(finding -> assertThat(finding.reason()).contains("every 30 s").contains("120 times"));
    }

    /**
     * A channel that went unanswered for its first 30 hours and was answered for the next 20: the report on its
     * last day tells that day's share of unanswered attempts, not the channel's whole life's.
     */
    @Test
    void theUnansweredShareIsTheReportsWindows() {
        Traffic host = new Traffic("10.1.1.50");
        for (double time : CheckInSchedules.clockwork(0, 600, 300)) {
            host.flow(time, C2, 8443, time < 30 * 3600 ? 0 : 900, time < 30 * 3600 ? "S0" : "SF", null, false);
        }

        List<Finding> findings = DetectorHarness.run(new BeaconDetector(), host.events());

        assertThat(findings.get(0).reason()).contains("tried to call").contains("100 % of the attempts got no answer");
        Finding last = findings.get(findings.size() - 1);
        assertThat(last.reason()).contains(" called ").doesNotContain("tried to call");
        assertThat(signal(last, "unanswered").observed()).startsWith("17 % of attempts");
    }

    /**
     * A clock polling its time server every 64 s is the textbook benign beacon: reported, but marked and 0.3
     * lower than the same timer sending anything else. Messages with extension fields (NTS, or data an implant
     * appends) are not plain polls and keep their score, as does a clock answered by a responder that writes more.
     */
    @Test
    void plainNtpPollsAreMarkedAndLowered() {
        double[] schedule = CheckInSchedules.jittered(0, 64, 0.02, 120, 11);
        Traffic clock = new Traffic("10.1.1.30");
        Traffic unanswered = new Traffic("10.1.1.31");
        Traffic extended = new Traffic("10.1.1.32");
        Traffic unmeasured = new Traffic("10.1.1.33");
        for (int i = 0; i < schedule.length; i++) {
            clock.ntp(schedule[i], C2, 48, true);
            // Zeek writes "-" for the bytes of some lone datagrams: they neither confirm nor refute a poll
            unanswered.ntp(schedule[i], C2, i % 10 == 0 ? -1 : 48, false);
            extended.ntp(schedule[i], C2, 48 + 68, true);
            unmeasured.ntp(schedule[i], C2, -1, false);
        }

        Finding poll = DetectorHarness.run(new BeaconDetector(), clock.events()).get(0);
        Finding unansweredPoll = DetectorHarness.run(new BeaconDetector(), unanswered.events()).get(0);
        Finding notPlain = DetectorHarness.run(new BeaconDetector(), extended.events()).get(0);
        Finding neverMeasured = DetectorHarness.run(new BeaconDetector(), unmeasured.events()).get(0);

        assertThat(signal(poll, "time poll").contribution()).isEqualTo(-0.3);
        assertThat(poll.reason()).endsWith("; each was a plain NTP time poll.");
        assertThat(poll.score()).isCloseTo(notPlain.score() - 0.3, within(1e-9));
        assertThat(unansweredPoll.signals()).extracting(Signal::name).contains("time poll", "unanswered");
        assertThat(notPlain.signals()).extracting(Signal::name).doesNotContain("time poll");
        assertThat(notPlain.reason()).doesNotContain("NTP");
        assertThat(neverMeasured.signals()).extracting(Signal::name).doesNotContain("time poll");
    }

    /**
     * A scanner probing a server's services on a steady timer touches a new port nearly every time and is mostly
     * refused; an implant rotating over a handful of fallback ports, or one that probed twenty ports before it
     * settled on its own, is answered.
     */
    @Test
    void aSweepOfManyPortsIsNoBeaconButAnAnsweredChannelIsWhateverPortsItTried() {
        int[] services = {21, 22, 23, 25, 53, 80, 110, 111, 135, 139, 143, 443, 445, 514, 993, 995, 1433, 1723,
            3306, 3389, 5900, 8080};
        Traffic scanner = new Traffic("10.1.1.30");
        double[] probes = CheckInSchedules.jittered(0, 5, 0.1, 120, 13);
        for (int i = 0; i < probes.length; i++) {
            scanner.flow(probes[i], "10.0.2.3", services[i % services.length], 0, i % 3 == 0 ? "S0" : "REJ", null,
                    false);
        }
        Traffic implant = new Traffic("10.1.1.31");
        int[] fallbacks = {443, 8443, 4443, 1177, 5552};
        double[] checkIns = CheckInSchedules.jittered(0, 60, 0.1, 120, 17);
        for (int i = 0; i < checkIns.length; i++) {
            implant.flow(checkIns[i], C2, fallbacks[i % fallbacks.length], 350);
        }
        Traffic prober = new Traffic("10.1.1.32");
        for (int i = 0; i < services.length; i++) {
            prober.flow(i, C2, services[i], 0, "REJ", null, false);
        }
        for (double time : CheckInSchedules.jittered(60, 60, 0.1, 120, 19)) {
            prober.flow(time, C2, 4444, 350);
        }

        assertThat(DetectorHarness.run(new BeaconDetector(), scanner.events())).isEmpty();
        assertThat(DetectorHarness.run(new BeaconDetector(), implant.events())).singleElement()
                .satisfies(finding -> assertThat(finding.score()).isGreaterThan(0.6));
        assertThat(DetectorHarness.run(new BeaconDetector(), prober.events())).singleElement()
                .satisfies(finding -> assertThat(finding.destination().port()).isEqualTo(4444));
    }

    @Test
    void flowRecordsWrittenWhenFlowsEndGiveTheSameBeacon() {
        Traffic host = new Traffic("10.1.1.15");
        for (double time : CheckInSchedules.jittered(0, 90, 0.1, 120, 13)) {
            host.https(time, C2, "late.example", 512);
        }
        List<Event> ordered = host.events();
        // a sensor writes a flow record when the flow ends (here 1.5 s, plus up to 20 s of buffering), after
        // the TLS record of the same flow: records reach the detector in the order they were written
        Random random = new Random(14);
        List<Event> written = new ArrayList<>(ordered);
        java.util.Map<Event, Long> writtenAt = new java.util.IdentityHashMap<>();
        for (Event event : ordered) {
            long delay = event instanceof Connection connection
                    ? connection.durationMicros() + (long) (random.nextDouble() * 20_000_000L) : 0;
            writtenAt.put(event, event.timeMicros() + delay);
        }
        written.sort(java.util.Comparator.comparingLong(writtenAt::get));
        assertThat(written).isNotEqualTo(ordered);

        Finding inOrder = DetectorHarness.run(new BeaconDetector(), ordered).get(0);
        List<Finding> asWritten = DetectorHarness.run(new BeaconDetector(), written);

        assertThat(asWritten).singleElement().satisfies(finding -> {
            assertThat(finding.reason()).isEqualTo(inOrder.reason());
            assertThat(finding.score()).isEqualTo(inOrder.score());
            assertThat(finding.destination()).isEqualTo(inOrder.destination());
        });
    }

    @Test
    void forgetsSilentPairsBeforeTheInputEnds() {
        Traffic host = new Traffic("10.1.1.16");
        for (double time : CheckInSchedules.clockwork(0, 60, 50)) {
            host.https(time, C2, "gone.example", 100);
        }
        host.lookup(10, RESOLVER, "other.example", "198.51.100.7");
        DetectorHarness<?, ?> harness = new DetectorHarness<>(new BeaconDetector());
        host.events().forEach(harness::accept);
        assertThat(harness.liveKeys()).isEqualTo(2);

        harness.advanceTo(Traffic.micros(50 * 60 + 25 * 3600));

        assertThat(harness.liveKeys()).isZero();
        assertThat(harness.findings()).hasSize(1);
    }

    @Test
    void thinsVeryBusyChannelsButKeepsTheirRhythm() {
        Traffic host = new Traffic("10.1.1.17");
        for (double time : CheckInSchedules.jittered(0, 3, 0.05, 20_000, 15)) {
            host.flow(time, C2, 443, 250);
        }

        List<Finding> findings = DetectorHarness.run(new BeaconDetector(), host.events());

        assertThat(findings).isNotEmpty().allSatisfy(finding -> {
            assertThat(signal(finding, "period").observed()).isEqualTo("3 s");
            assertThat(signal(finding, "check-ins").observed()).contains("kept for analysis");
            assertThat(finding.score()).isGreaterThan(0.9);
        });
    }

    @Test
    void leavesStrobesToTheStrobeDetector() {
        Traffic host = new Traffic("10.1.1.18");
        for (double time : CheckInSchedules.clockwork(0, 0.9, 100_000)) {
            host.flow(time, C2, 443, 90);
        }

        assertThat(DetectorHarness.run(new BeaconDetector(), host.events())).isEmpty();
    }

    static Signal signal(Finding finding, String name) {
        return finding.signals().stream().filter(signal -> signal.name().equals(name)).findFirst().orElseThrow();
    }

    /** 10.1.1.5 calling cdn-check.example over HTTPS every {@code periodSeconds} (±20 %), {@code count} times. */
    private static Traffic httpsCheckIns(int periodSeconds, int count, long seed) {
        Traffic host = new Traffic("10.1.1.5");
        for (double time : CheckInSchedules.jittered(0, periodSeconds, 0.2, count, seed)) {
            host.https(time, C2, "cdn-check.example", 700);
        }
        return host;
    }
}
