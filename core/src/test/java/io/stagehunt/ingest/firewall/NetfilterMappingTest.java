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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NetfilterMappingTest {

    private static final FirewallSettings YEAR_2024 = new FirewallSettings(ZoneId.of("UTC"), 2024);

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("UFW inbound block, BSD header with kernel uptime",
                        "Mar  3 09:00:04 web01 kernel: [1834565.157401] [UFW BLOCK] IN=eth0 OUT= "
                                + "MAC=52:54:00:8e:21:7a:00:1c:7f:3a:91:c2:08:00 SRC=45.155.205.9 DST=10.0.0.5 LEN=44 "
                                + "TOS=0x00 PREC=0x00 TTL=234 ID=35046 PROTO=TCP SPT=35067 DPT=3389 WINDOW=1024 "
                                + "RES=0x00 SYN URGP=0 ",
                        new ExpectedDecision("2024-03-03T09:00:04Z", Verdict.DENY, "web01", "[UFW BLOCK]",
                                Transport.TCP, "45.155.205.9", 35067, "10.0.0.5", 3389, Direction.INBOUND, null, -1,
                                -1)),
                Arguments.of("UFW outbound allow on an odd port, journald short-iso header",
                        "2024-03-03T11:01:55+0100 web01 kernel: [UFW ALLOW] IN= OUT=eth0 SRC=10.0.0.5 "
                                + "DST=203.0.113.45 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=1 DF PROTO=TCP SPT=59271 "
                                + "DPT=8443 WINDOW=64240 RES=0x00 SYN URGP=0 ",
                        new ExpectedDecision("2024-03-03T10:01:55Z", Verdict.ALLOW, "web01", "[UFW ALLOW]",
                                Transport.TCP, "10.0.0.5", 59271, "203.0.113.45", 8443, Direction.OUTBOUND, null, -1,
                                -1)),
                Arguments.of("custom prefix in a forward chain, rsyslog ISO header with microseconds",
                        "2024-03-03T10:01:03.765061+01:00 gw01 kernel: FWD-DROP: IN=ens19 OUT=ens18 "
                                + "MAC=bc:24:11:5e:0a:02:bc:24:11:00:31:7e:08:00 SRC=10.0.8.23 DST=203.0.113.45 LEN=60 "
                                + "TOS=0x00 PREC=0x00 TTL=63 ID=7 DF PROTO=TCP SPT=46040 DPT=4444 WINDOW=64240 "
                                + "RES=0x00 SYN URGP=0 MARK=0x1 ",
                        new ExpectedDecision("2024-03-03T09:01:03.765061Z", Verdict.DENY, "gw01", "FWD-DROP:",
                                Transport.TCP, "10.0.8.23", 46040, "203.0.113.45", 4444, Direction.OUTBOUND, null,
                                -1, -1)),
                Arguments.of("firewalld reject, RFC 5424 header with structured data",
                        "<4>1 2024-03-03T12:00:20.047Z edge02.corp.example kernel - - [timeQuality tzKnown=\"1\"] "
                                + "filter_IN_public_REJECT: IN=eth0 OUT= MAC=00:50:56:a1:3f:0c:00:50:56:a1:77:21:08:00 "
                                + "SRC=203.0.113.9 DST=10.40.2.21 LEN=52 TOS=0x00 PREC=0x00 TTL=49 ID=2 DF PROTO=TCP "
                                + "SPT=21235 DPT=3306 WINDOW=65535 RES=0x00 SYN URGP=0 ",
                        new ExpectedDecision("2024-03-03T12:00:20.047Z", Verdict.DENY, "edge02.corp.example",
                                "filter_IN_public_REJECT:", Transport.TCP, "203.0.113.9", 21235, "10.40.2.21", 3306,
                                Direction.INBOUND, null, -1, -1)),
                Arguments.of("Shorewall prefix flush against IN=, UDP",
                        "Mar  3 10:02:00 gw01 kernel: Shorewall:loc-net:REJECT:IN=ens19 OUT=ens18 SRC=10.0.8.31 "
                                + "DST=198.51.100.7 LEN=76 TOS=0x00 PREC=0x00 TTL=63 ID=3 DF PROTO=UDP SPT=123 DPT=123 "
                                + "LEN=56 ",
                        new ExpectedDecision("2024-03-03T10:02:00Z", Verdict.DENY, "gw01", "Shorewall:loc-net:REJECT:",
                                Transport.UDP, "10.0.8.31", 123, "198.51.100.7", 123, Direction.OUTBOUND, null, -1,
                                -1)),
                Arguments.of("ICMP error: the bracketed inner packet is not the logged flow",
                        "Mar  3 09:09:00 web01 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=192.0.2.1 DST=10.0.0.5 LEN=96 "
                                + "TOS=0x00 PREC=0xC0 TTL=63 ID=22013 PROTO=ICMP TYPE=3 CODE=3 [SRC=10.0.0.5 "
                                + "DST=192.0.2.53 LEN=68 TOS=0x00 PREC=0x00 TTL=63 ID=61423 PROTO=UDP SPT=53 DPT=51515 "
                                + "LEN=48 ] ",
                        new ExpectedDecision("2024-03-03T09:09:00Z", Verdict.DENY, "web01", "[UFW BLOCK]",
                                Transport.ICMP, "192.0.2.1", 3, "10.0.0.5", 3, Direction.INBOUND, null, -1, -1)),
                Arguments.of("IPv6 in the kernel's full notation, ICMPv6 echo",
                        "Mar  3 09:10:00 web01 kernel: [UFW ALLOW] IN= OUT=eth0 "
                                + "SRC=fd00:0db8:0010:0000:0000:0000:0000:0005 DST=2606:4700:4700:0000:0000:0000:0000:1111 "
                                + "LEN=104 TC=0 HOPLIMIT=64 FLOWLBL=228197 PROTO=ICMPv6 TYPE=128 CODE=0 ID=21 SEQ=1 ",
                        new ExpectedDecision("2024-03-03T09:10:00Z", Verdict.ALLOW, "web01", "[UFW ALLOW]",
                                Transport.ICMP, "fd00:db8:10::5", 128, "2606:4700:4700::1111", 0, Direction.OUTBOUND,
                                null, -1, -1)),
                Arguments.of("ulogd LOGEMU line: prefix where BSD syslog has its tag, protocol by number",
                        "Mar  3 10:03:00 gw01  ulogd-DROP: IN=ens18 OUT= SRC=198.51.100.23 DST=10.0.8.9 LEN=40 "
                                + "TOS=00 PREC=0x00 TTL=240 ID=1771 PROTO=47 MARK=0 ",
                        new ExpectedDecision("2024-03-03T10:03:00Z", Verdict.DENY, "gw01", "ulogd-DROP:",
                                Transport.OTHER, "198.51.100.23", -1, "10.0.8.9", -1, Direction.INBOUND, null, -1,
                                -1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void mapsNetfilterLogLine(String name, String line, ExpectedDecision expected) {
        expected.assertReadFrom(new NetfilterFormat(YEAR_2024), line);
    }

    @ParameterizedTest(name = "prefix ''{0}'' is {1}")
    @CsvSource(nullValues = "none", value = {
            "[UFW BLOCK], DENY",
            "[UFW LIMIT BLOCK], DENY",
            "[UFW ALLOW], ALLOW",
            "[UFW AUDIT], none",
            "[UFW AUDIT INVALID], none",
            "dropped: , DENY",
            "nft accept out, ALLOW",
            "FINAL_REJECT: , DENY",
            "iptables-denied: , DENY",
            "IPT-PASS, ALLOW",
            "'', none",
    })
    void readsTheVerdictFromThePrefixWords(String prefix, Verdict expected) {
        assertThat(NetfilterRecord.verdict(prefix)).isEqualTo(expected);
    }

    @Test
    void auditPrefixesAndOtherKernelMessagesAreSkippedByDesign() {
        ReaderFixture run = ReaderFixture.read(new NetfilterFormat(YEAR_2024), String.join("\n",
                "Mar  3 09:00:10 web01 kernel: [1834570.1] [UFW AUDIT] IN= OUT=lo SRC=127.0.0.1 DST=127.0.0.53 "
                        + "LEN=71 PROTO=UDP SPT=40000 DPT=53 LEN=51 ",
                "Mar  3 09:00:11 web01 kernel: [1834571.2] EXT4-fs (vda1): re-mounted. Quota mode: none.",
                "Mar  3 09:00:12 web01 sshd[811]: Connection closed by 198.51.100.23 port 50122 [preauth]") + "\n");
        assertThat(run.events()).isEmpty();
        assertThat(run.account().balanced()).isTrue();
        assertThat(run.account().skipReasons()).containsOnly(
                org.assertj.core.api.Assertions.entry("netfilter log prefix without a verdict", 1L),
                org.assertj.core.api.Assertions.entry("kernel message other than a netfilter log", 1L),
                org.assertj.core.api.Assertions.entry("syslog line of another program", 1L));
    }
}
