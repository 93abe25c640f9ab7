package io.stagehunt.ingest.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Direction;
import io.stagehunt.event.FirewallDecision.Verdict;
import io.stagehunt.event.Transport;
import io.stagehunt.ingest.ReaderFixture;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterlogMappingTest {

    private static final FirewallSettings YEAR_2024 = new FirewallSettings(ZoneId.of("UTC"), 2024);
    private static final String PFSENSE = "Mar  3 13:00:15 fw01 filterlog[63920]: ";

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("IPv4 TCP SYN blocked inbound", PFSENSE
                                + "4,,,1000000103,igb0,match,block,in,4,0x0,,241,54722,0,none,6,tcp,44,198.51.100.23,"
                                + "10.10.1.80,20619,3389,0,S,491347765,,1024,,mss",
                        new ExpectedDecision("2024-03-03T13:00:15Z", Verdict.DENY, "fw01", "1000000103", Transport.TCP,
                                "198.51.100.23", 20619, "10.10.1.80", 3389, Direction.INBOUND, null, -1, -1)),
                Arguments.of("IPv4 TCP passed outbound to an odd port", PFSENSE
                                + "88,,,1709391215,igb1,match,pass,in,4,0x0,,64,3811,0,DF,6,tcp,60,10.10.1.23,"
                                + "203.0.113.45,56506,8443,0,S,2918311,,64240,,mss;sackOK;TS;nop;wscale",
                        new ExpectedDecision("2024-03-03T13:00:15Z", Verdict.ALLOW, "fw01", "1709391215", Transport.TCP,
                                "10.10.1.23", 56506, "203.0.113.45", 8443, Direction.OUTBOUND, null, -1, -1)),
                Arguments.of("IPv4 UDP", PFSENSE
                                + "89,,,1709391216,igb1,match,pass,in,4,0x0,,64,1234,0,none,17,udp,72,10.10.1.38,9.9.9.9,"
                                + "51180,53,52",
                        new ExpectedDecision("2024-03-03T13:00:15Z", Verdict.ALLOW, "fw01", "1709391216", Transport.UDP,
                                "10.10.1.38", 51180, "9.9.9.9", 53, Direction.OUTBOUND, null, -1, -1)),
                Arguments.of("IPv4 ICMP echo request: type 8, code 0", PFSENSE
                                + "91,,,1709391218,igb1,match,pass,in,4,0x0,,64,4711,0,none,1,icmp,84,10.10.1.23,1.1.1.1,"
                                + "request,38201,1",
                        new ExpectedDecision("2024-03-03T13:00:15Z", Verdict.ALLOW, "fw01", "1709391218", Transport.ICMP,
                                "10.10.1.23", 8, "1.1.1.1", 0, Direction.OUTBOUND, null, -1, -1)),
                Arguments.of("IPv4 ICMP port unreachable with its quoted packet", PFSENSE
                                + "7,,,1000000105,igb0,match,block,in,4,0x0,,57,0,0,none,1,icmp,56,192.0.2.1,10.10.1.23,"
                                + "unreachport,10.10.1.23,17,33434",
                        new ExpectedDecision("2024-03-03T13:00:15Z", Verdict.DENY, "fw01", "1000000105", Transport.ICMP,
                                "192.0.2.1", 3, "10.10.1.23", 3, Direction.INBOUND, null, -1, -1)),
                Arguments.of("IPv6 TCP", PFSENSE
                                + "92,,,1709391219,igb1,match,pass,in,6,0x00,0x00000,64,tcp,6,40,fd00:10::23,"
                                + "2001:db8:beef::45,51234,443,0,S,2310928348,,64800,,mss;sackOK;TS;nop;wscale",
                        new ExpectedDecision("2024-03-03T13:00:15Z", Verdict.ALLOW, "fw01", "1709391219", Transport.TCP,
                                "fd00:10::23", 51234, "2001:db8:beef::45", 443, Direction.OUTBOUND, null, -1, -1)),
                Arguments.of("IPv6 hop-by-hop options packet (protocol 0)", PFSENSE
                                + "6,,,1000000104,igb0,match,block,in,6,0x00,0x00000,1,Options,0,36,"
                                + "fe80::aabb:ccff:fedd:eeff,ff02::16,HBH,RTALERT,0x0000,PADN,",
                        new ExpectedDecision("2024-03-03T13:00:15Z", Verdict.DENY, "fw01", "1000000104",
                                Transport.OTHER, "fe80::aabb:ccff:fedd:eeff", -1, "ff02::16", -1, Direction.OUTBOUND,
                                null, -1, -1)),
                Arguments.of("OPNsense RFC 5424 with a label as tracker",
                        "<134>1 2024-03-03T14:00:16+01:00 OPNsense.localdomain filterlog 87321 - "
                                + "[meta sequenceId=\"102\"] 112,,,fae559338f65e11c53669fc3642c93c2,vtnet1,match,pass,"
                                + "in,4,0x0,,64,28882,0,DF,6,tcp,60,10.20.1.15,203.0.113.45,51310,8443,0,S,3415405599,,"
                                + "64240,,mss;sackOK;TS;nop;wscale",
                        new ExpectedDecision("2024-03-03T13:00:16Z", Verdict.ALLOW, "OPNsense.localdomain",
                                "fae559338f65e11c53669fc3642c93c2", Transport.TCP, "10.20.1.15", 51310, "203.0.113.45",
                                8443, Direction.OUTBOUND, null, -1, -1)),
                Arguments.of("forwarded in the BSD format without a hostname: no device",
                        "<134>Mar  3 13:05:00 filterlog[63920]: 5,,,1000000103,igb0,match,block,in,4,0x0,,49,"
                                + "12345,0,DF,17,udp,52,198.51.100.23,10.10.1.80,58111,161,32",
                        new ExpectedDecision("2024-03-03T13:05:00Z", Verdict.DENY, null, "1000000103", Transport.UDP,
                                "198.51.100.23", 58111, "10.10.1.80", 161, Direction.INBOUND, null, -1, -1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void mapsFilterlogRecord(String name, String line, ExpectedDecision expected) {
        expected.assertReadFrom(new FilterlogFormat(YEAR_2024), line);
    }

    @Test
    void redirectionRecordsAreNotVerdicts() {
        ReaderFixture run = ReaderFixture.read(new FilterlogFormat(YEAR_2024), PFSENSE
                + "12,,,1000006862,igb0,match,rdr,in,4,0x0,,63,33112,0,DF,6,tcp,60,198.51.100.23,203.0.113.10,51000,"
                + "2222,0,S,999,,64240,,mss\n");
        assertThat(run.events()).isEmpty();
        assertThat(run.account().skipReasons())
                .containsOnlyKeys("filterlog action 'rdr' is not a pass/block verdict");
    }

    @Test
    void crossingNewYearAdvancesTheYearOfBsdTimestamps() {
        String record = "4,,,1000000103,igb0,match,block,in,4,0x0,,241,1,0,none,6,tcp,44,198.51.100.23,10.10.1.80,"
                + "20619,3389,0,S,491347765,,1024,,mss";
        ReaderFixture run = ReaderFixture.read(new FilterlogFormat(new FirewallSettings(ZoneId.of("UTC"), 2023)),
                "Dec 31 23:59:58 fw01 filterlog[1]: " + record + "\nJan  1 00:00:03 fw01 filterlog[1]: " + record + "\n");
        assertThat(run.events()).extracting(event -> io.stagehunt.event.EventTime.iso(event.timeMicros()))
                .containsExactly("2023-12-31T23:59:58Z", "2024-01-01T00:00:03Z");
    }

    @Test
    void withoutAnyYearTheReaderFallsBackTo1970AndSaysSo() {
        ReaderFixture run = ReaderFixture.read(new FilterlogFormat(), PFSENSE
                + "4,,,1000000103,igb0,match,block,in,4,0x0,,241,1,0,none,6,tcp,44,198.51.100.23,10.10.1.80,20619,"
                + "3389,0,S,491347765,,1024,,mss\n");
        assertThat(io.stagehunt.event.EventTime.iso(run.events().get(0).timeMicros())).isEqualTo("1970-03-03T13:00:15Z");
        assertThat(run.account().note()).contains("without a year").contains("1970");
    }
}
