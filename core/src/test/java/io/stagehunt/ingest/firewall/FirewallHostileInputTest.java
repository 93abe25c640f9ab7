package io.stagehunt.ingest.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.ingest.FileAccount.QuarantineEntry;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.LogFormat;
import io.stagehunt.ingest.ReaderFixture;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Corrupted and hostile input for each firewall dialect: truncated lines, wrong types, binary junk, a 10 MB line,
 * invalid UTF-8, control characters, markup and shell metacharacters in the text fields an event keeps. No
 * exception escapes, every bad line is quarantined where it is, every good line still gives its event.
 */
class FirewallHostileInputTest {

    private static final String NETFILTER = "2024-03-03T10:01:03.765061+01:00 gw01 kernel: FWD-DROP: IN=ens19 "
            + "OUT=ens18 SRC=10.0.8.23 DST=203.0.113.45 LEN=60 TOS=0x00 PREC=0x00 TTL=63 ID=7 DF PROTO=TCP SPT=46040 "
            + "DPT=4444 WINDOW=64240 RES=0x00 SYN URGP=0 ";
    private static final String FILTERLOG = "<134>1 2024-03-03T14:00:16+01:00 OPNsense.localdomain filterlog 87321 - "
            + "- 112,,,fae559338f65e11c53669fc3642c93c2,vtnet1,match,pass,in,4,0x0,,64,28882,0,DF,6,tcp,60,10.20.1.15,"
            + "203.0.113.45,51310,8443,0,S,3415405599,,64240,,mss;sackOK;TS;nop;wscale";
    private static final String PANOS = "Mar  3 15:00:55 pa-fw01 " + PanOsTrafficMappingTest.with(0, "1");
    private static final String CEF = "Mar  3 16:07:02 edge-fw01 CEF:0|Acme\\|Networks|Edge FW|2.1|4011|Denied|5|"
            + "rt=1709482022000 act=blocked src=10.50.1.9 spt=50111 dst=203.0.113.45 dpt=4444 proto=TCP "
            + "cs1Label=Rule Name cs1=deny-c2-ports dvchost=edge-fw01.corp.example";

    static Stream<Arguments> dialects() {
        return Stream.of(
                Arguments.of("netfilter", new NetfilterFormat(), NETFILTER, Map.of(
                        "DST '203.0' is not an address", NETFILTER.substring(0, NETFILTER.indexOf("DST=") + 9),
                        "SRC is missing", NETFILTER.substring(0, NETFILTER.indexOf(" SRC=")),
                        "SPT 'http' is not a port", NETFILTER.replace("SPT=46040", "SPT=http"),
                        "SRC '999.1.1.1' is not an address", NETFILTER.replace("SRC=10.0.8.23", "SRC=999.1.1.1"),
                        "log prefix holds a character names do not have: '<'",
                        NETFILTER.replace("FWD-DROP:", "<script>alert('DROP')</script>"),
                        "log prefix holds a character names do not have: '$'",
                        NETFILTER.replace(" gw01 kernel:", " $(reboot) kernel:"))),
                Arguments.of("filterlog", new FilterlogFormat(), FILTERLOG, Map.of(
                        "at least 20 expected", FILTERLOG.substring(0, FILTERLOG.indexOf(",10.20.1.15")),
                        "protocol id 'tcp' is not a number", FILTERLOG.replace(",DF,6,tcp,", ",DF,tcp,tcp,"),
                        "destination port 'http' is not a port", FILTERLOG.replace(",8443,", ",http,"),
                        "IP version '7' is neither 4 nor 6", FILTERLOG.replace(",in,4,", ",in,7,"),
                        "rule holds a character names do not have: '<'",
                        FILTERLOG.replace("fae559338f65e11c53669fc3642c93c2", "<img src=x onerror=alert(1)>"),
                        "action holds a character names do not have: ';'",
                        FILTERLOG.replace(",pass,", ",pass;reboot,"))),
                Arguments.of("PAN-OS", new PanOsTrafficFormat(), PANOS, Map.of(
                        "at least 34 expected", PANOS.substring(0, PANOS.indexOf(",tcp,allow")),
                        "unterminated quoted field", PANOS.replace(",vsys1,", ",\"vsys1,"),
                        "PAN-OS record has 3 fields, no log type",
                        "Mar  3 15:00:55 pa-fw01 1,2024/03/03 15:00:55,\"007051000113358,TRAFFIC,end\"",
                        "source port 'http' is not a port", PANOS.replace(",61517,", ",http,"),
                        "source address '999.1.1.1' is not an address", PANOS.replace(",10.20.1.15,", ",999.1.1.1,"),
                        "rule holds a character names do not have: '<'",
                        PANOS.replace("allow-web-out", "<script>alert(1)</script>"),
                        "application holds a character names do not have: '`'", PANOS.replace(",ssl,vsys1,", ",`id`,vsys1,"))),
                Arguments.of("CEF", new CefFormat(), CEF, Map.of(
                        "CEF header has 2 of 7 fields", CEF.substring(0, CEF.indexOf("|2.1|")),
                        "src '999.1.1.1' is not an address", CEF.replace("src=10.50.1.9", "src=999.1.1.1"),
                        "dpt 'http' is not a port", CEF.replace("dpt=4444", "dpt=http"),
                        "time 'yesterday' is not a CEF time", CEF.replace("rt=1709482022000", "rt=yesterday"),
                        "rule holds a character names do not have: 0x0a", CEF.replace("cs1=deny-c2-ports", "cs1=deny\\nrule"),
                        "rule holds a character names do not have: '<'",
                        CEF.replace("cs1=deny-c2-ports", "cs1=<script>alert(1)</script>"),
                        "device holds a character names do not have: ';'",
                        CEF.replace("dvchost=edge-fw01.corp.example", "dvchost=fw;rm -rf /"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void quarantinesEveryBadLineAndKeepsTheGoodOnes(String name, LogFormat format, String good,
            Map<String, String> specific) {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        specific.forEach((reason, line) -> bad.put(reason, text(line)));
        bad.put("neither a syslog line nor a firewall record", text("hello <b>world</b> && curl x | sh"));
        bad.put("control character 0x00", junk());
        bad.put("invalid UTF-8", concat(text(good), new byte[] {(byte) 0xC3, (byte) 0x28}));
        bad.put("control character 0x1b", text(good.replace("10.", "\u001b[2J10.")));
        bad.put("exceeds the limit", hugeLine());

        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(text(good + "\n"));
        Map<Long, String> expectedReasonByLine = new LinkedHashMap<>();
        long line = 1;
        for (Map.Entry<String, byte[]> entry : bad.entrySet()) {
            content.writeBytes(entry.getValue());
            content.write('\n');
            expectedReasonByLine.put(++line, entry.getKey());
            content.writeBytes(text(good + "\n"));
            line++;
        }

        ReaderFixture run = ReaderFixture.read(format, content.toByteArray());

        FileAccount account = run.account();
        assertThat(account.balanced()).isTrue();
        assertThat(account.produced()).isEqualTo(1 + bad.size());
        assertThat(account.quarantined()).isEqualTo(bad.size());
        assertThat(account.samples()).hasSize(bad.size());
        for (QuarantineEntry entry : account.samples()) {
            assertThat(expectedReasonByLine).containsKey(entry.line());
            assertThat(entry.reason()).contains(expectedReasonByLine.get(entry.line()));
            assertThat(entry.excerpt()).doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f]");
        }
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] junk() {
        byte[] bytes = new byte[300];
        new Random(7).nextBytes(bytes);
        bytes[0] = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                bytes[i] = 0;
            }
        }
        return bytes;
    }

    private static byte[] hugeLine() {
        byte[] bytes = new byte[10 * 1024 * 1024];
        Arrays.fill(bytes, (byte) 'A');
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
