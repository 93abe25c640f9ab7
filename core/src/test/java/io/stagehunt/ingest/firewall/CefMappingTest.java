package io.stagehunt.ingest.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Direction;
import io.stagehunt.event.FirewallDecision.Verdict;
import io.stagehunt.event.Transport;
import io.stagehunt.ingest.ReaderFixture;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CefMappingTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("Check Point accept, epoch milliseconds, rule from a labelled custom string",
                        "Mar  3 16:00:36 cp-mgmt CEF:0|Check Point|VPN-1 & FireWall-1|Check Point|Log|https|Unknown|"
                                + "act=Accept deviceDirection=1 rt=1709481636000 spt=62875 dpt=8443 cs2Label=Rule Name "
                                + "cs2=Allow_Outbound_Web originsicname=CN\\=gw-hq,O\\=cp-mgmt..7xq2ab "
                                + "dst=203.0.113.45 product=VPN-1 & FireWall-1 proto=6 src=10.30.4.17",
                        new ExpectedDecision("2024-03-03T16:00:36Z", Verdict.ALLOW, "cp-mgmt", "Allow_Outbound_Web",
                                Transport.TCP, "10.30.4.17", 62875, "203.0.113.45", 8443, Direction.OUTBOUND, null, -1,
                                -1)),
                Arguments.of("PAN-OS CEF: rt with a zone, bytes in (from source) and out (to source)",
                        "<14>Mar  3 16:05:35 pa-fw02 CEF:0|Palo Alto Networks|PAN-OS|10.2.4|end|TRAFFIC|1|"
                                + "rt=Mar 03 2024 16:05:35 GMT deviceExternalId=013201009876 src=10.40.3.21 "
                                + "dst=198.51.100.200 cs1Label=Rule cs1=allow-out suser=corp\\\\kchan app=ssl "
                                + "spt=54708 dpt=9001 proto=tcp act=allow in=2853 out=6637",
                        new ExpectedDecision("2024-03-03T16:05:35Z", Verdict.ALLOW, "pa-fw02", "allow-out",
                                Transport.TCP, "10.40.3.21", 54708, "198.51.100.200", 9001, Direction.OUTBOUND, "ssl",
                                2853, 6637)),
                Arguments.of("escaped pipe and backslash in the header; escaped = and newline in a value",
                        "Mar  3 16:07:02 edge-fw01 CEF:0|Acme\\|Networks|Edge FW|2.1|4011|Connection denied \\\\ "
                                + "policy 12|5|rt=1709482022000 act=blocked src=10.50.1.9 spt=50111 dst=203.0.113.45 "
                                + "dpt=4444 proto=TCP msg=denied by rule \\= 12\\nsecond line cs1Label=Rule Name "
                                + "cs1=deny-c2-ports dvchost=edge-fw01.corp.example",
                        new ExpectedDecision("2024-03-03T16:07:02Z", Verdict.DENY, "edge-fw01.corp.example",
                                "deny-c2-ports", Transport.TCP, "10.50.1.9", 50111, "203.0.113.45", 4444,
                                Direction.OUTBOUND, null, -1, -1)),
                Arguments.of("IPv6 in the c6a2/c6a3 fields, inbound",
                        "Mar  3 16:08:00 edge-fw01 CEF:0|Acme\\|Networks|Edge FW|2.1|4011|Connection denied|5|"
                                + "rt=1709482080000 act=blocked c6a2Label=Source IPv6 Address c6a2=2001:db8:bad::7 "
                                + "spt=40001 c6a3Label=Destination IPv6 Address c6a3=fd00:50::9 dpt=22 proto=TCP",
                        new ExpectedDecision("2024-03-03T16:08:00Z", Verdict.DENY, "edge-fw01", null, Transport.TCP,
                                "2001:db8:bad::7", 40001, "fd00:50::9", 22, Direction.INBOUND, null, -1, -1)),
                Arguments.of("device time zone (dtz) places a zone-less rt",
                        "Mar  3 16:08:33 edge-fw01 CEF:0|Acme\\|Networks|Edge FW|2.1|4011|Connection denied|5|"
                                + "dtz=Europe/Berlin rt=Mar 03 2024 17:08:33 act=deny src=198.51.100.23 spt=40003 "
                                + "dst=10.50.1.9 dpt=445 proto=TCP",
                        new ExpectedDecision("2024-03-03T16:08:33Z", Verdict.DENY, "edge-fw01", null, Transport.TCP,
                                "198.51.100.23", 40003, "10.50.1.9", 445, Direction.INBOUND, null, -1, -1)),
                Arguments.of("session start preferred over receipt time, with milliseconds",
                        "CEF:0|Acme\\|Networks|Edge FW|2.1|4010|Connection allowed|3|start=Mar 03 2024 16:00:00.250 UTC "
                                + "rt=Mar 03 2024 16:09:00 UTC act=accept src=10.50.1.10 spt=50115 dst=198.51.100.200 "
                                + "dpt=443 proto=TCP",
                        new ExpectedDecision("2024-03-03T16:00:00.250Z", Verdict.ALLOW, null, null, Transport.TCP,
                                "10.50.1.10", 50115, "198.51.100.200", 443, Direction.OUTBOUND, null, -1, -1)),
                Arguments.of("Fortinet close of an accepted session, time from the RFC 5424 header",
                        "<189>1 2024-03-03T17:02:34+01:00 FG100F - - - - CEF:0|Fortinet|Fortigate|v7.2.5|00013|"
                                + "traffic:forward close|3|deviceExternalId=FG100FTK21000000 src=10.30.4.48 spt=53347 "
                                + "dst=203.0.113.45 dpt=8443 proto=6 act=close app=HTTPS out=7512 in=74770",
                        new ExpectedDecision("2024-03-03T16:02:34Z", Verdict.ALLOW, "FG100F", null, Transport.TCP,
                                "10.30.4.48", 53347, "203.0.113.45", 8443, Direction.OUTBOUND, "HTTPS", 74770, 7512)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void mapsCefFirewallEvent(String name, String line, ExpectedDecision expected) {
        expected.assertReadFrom(new CefFormat(), line);
    }

    @Test
    void extensionValuesKeepSpacesUnescapedEqualsAndEscapes() throws RecordRejected {
        String message = "CEF:0|V|P|1|sig|name|5|msg=denied by rule \\= 12\\nnext request=https://x.example/a?b=c&d=e "
                + "path=C:\\\\Windows\\\\Temp act=drop";
        String[] header = new String[7];
        Map<String, String> extension = CefRecord.extension(message, CefRecord.header(message, header));
        assertThat(header).containsExactly("CEF:0", "V", "P", "1", "sig", "name", "5");
        assertThat(extension).containsEntry("msg", "denied by rule = 12\nnext")
                .containsEntry("request", "https://x.example/a?b=c&d=e")
                .containsEntry("path", "C:\\Windows\\Temp")
                .containsEntry("act", "drop")
                .hasSize(4);
    }

    @ParameterizedTest(name = "act={0} is {1}")
    @CsvSource(nullValues = "none", value = {
            "allow, ALLOW", "Accept, ALLOW", "permitted, ALLOW", "close, ALLOW",
            "Drop, DENY", "blocked, DENY", "reset-both, DENY", "REJECT, DENY",
            "alert, none", "quarantined, none",
    })
    void mapsActionWordsToVerdicts(String action, Verdict expected) {
        assertThat(CefRecord.verdict(action)).isEqualTo(expected);
    }

    @Test
    void eventsThatAreNotFirewallDecisionsAreSkippedByDesign() {
        ReaderFixture run = ReaderFixture.read(new CefFormat(), String.join("\n",
                "Mar  3 16:10:00 ids01 CEF:0|Security|threatmanager|1.0|100|worm successfully stopped|10|src=10.0.0.1 "
                        + "dst=2.1.2.2 spt=1232",
                "Mar  3 16:10:01 dc01 CEF:0|Microsoft|Microsoft Windows|2019|4624|An account was successfully logged on."
                        + "|Low|rt=1709482201000 duser=jdoe src=10.30.4.17",
                "Mar  3 16:10:02 ids01 CEF:0|Security|IDS|4.2|2013504|ET POLICY APT User-Agent Outbound|5|"
                        + "rt=1709482202000 act=alert src=10.30.4.17 spt=51000 dst=91.189.91.39 dpt=80 proto=TCP") + "\n");
        assertThat(run.events()).isEmpty();
        assertThat(run.account().skipReasons()).containsOnly(
                org.assertj.core.api.Assertions.entry("CEF event whose action is not an allow or deny verdict", 2L),
                org.assertj.core.api.Assertions.entry("CEF event without a source and a destination", 1L));
    }
}
