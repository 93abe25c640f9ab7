package io.stagehunt.ingest.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.ingest.FileAccount.QuarantineEntry;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.ReaderFixture;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Corrupted and hostile Argus input: no exception escapes, every bad line is quarantined where it is. */
class ArgusHostileInputTest {

    private static final String HEADER =
            "StartTime,Dur,Proto,SrcAddr,Sport,Dir,DstAddr,Dport,State,sTos,dTos,TotPkts,TotBytes,SrcBytes,SrcPkts,Label";
    private static final String GOOD =
            "2019/04/04 16:23:00.325010,0.027947,udp,10.8.0.69,48427,  <->,8.8.8.8,53,CON,0,0,2,142,63,1,";

    @Test
    void quarantinesEveryBadLineAndKeepsTheGoodOnes() {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("expected 16 fields", text("2019/04/04 16:23:00.325010,0.027947,udp,10.8.0.69,484"));
        bad.put("Sport 'http' is not a port", text(GOOD.replace(",48427,", ",http,")));
        bad.put("TotBytes '-5' is not a count", text(GOOD.replace(",142,", ",-5,")));
        bad.put("StartTime 'yesterday' is not a time", text(GOOD.replace("2019/04/04 16:23:00.325010", "yesterday")));
        bad.put("StartTime '2019/02/30 16:23:00' is not a time", text(GOOD.replace("2019/04/04 16:23:00.325010",
                "2019/02/30 16:23:00")));
        bad.put("SrcAddr '999.1.1.1' is not an address", text(GOOD.replace("10.8.0.69", "999.1.1.1")));
        bad.put("TotBytes 142 is less than SrcBytes 900", text(GOOD.replace(",63,1,", ",900,1,")));
        bad.put("Dport 70000 is out of range", text(GOOD.replace(",53,CON", ",70000,CON")));
        bad.put("control character 0x00", junk());
        bad.put("invalid UTF-8", concat(text(GOOD), new byte[] {(byte) 0xC3, (byte) 0x28, 'x'}));
        bad.put("State '<script>alert(1)</script>' is not an Argus state",
                text(GOOD.replace(",CON,", ",<script>alert(1)</script>,")));
        bad.put("Proto '$(reboot)' is not a protocol name", text(GOOD.replace(",udp,", ",$(reboot),")));
        bad.put("Dir '; rm -rf /' is not an Argus direction", text(GOOD.replace("  <->", "; rm -rf /")));
        bad.put("control character 0x1b", text(GOOD + "flow=\u001b[31mred"));
        bad.put("exceeds the limit", hugeLine());

        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(text(HEADER + "\n" + GOOD + "\n"));
        Map<Long, String> expectedReasonByLine = new LinkedHashMap<>();
        long line = 2;
        for (Map.Entry<String, byte[]> entry : bad.entrySet()) {
            content.writeBytes(entry.getValue());
            content.write('\n');
            expectedReasonByLine.put(++line, entry.getKey());
            content.writeBytes(text(GOOD.replace("<script>", "<b>") + "flow=<b>bold</b> `whoami` & $HOME\n"));
            line++;
        }

        ReaderFixture run = ReaderFixture.read(new ArgusCsvFormat(), content.toByteArray());

        FileAccount account = run.account();
        assertThat(account.balanced()).isTrue();
        assertThat(account.quarantined()).isEqualTo(bad.size());
        assertThat(account.produced()).isEqualTo(1 + bad.size());
        assertThat(account.samples()).hasSize(bad.size());
        for (QuarantineEntry entry : account.samples()) {
            assertThat(expectedReasonByLine).containsKey(entry.line());
            assertThat(entry.reason()).contains(expectedReasonByLine.get(entry.line()));
            assertThat(entry.excerpt()).doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f]");
        }
    }

    @Test
    void recordsBeforeAnyHeaderAreQuarantined() {
        ReaderFixture run = ReaderFixture.read(new ArgusCsvFormat(), GOOD + "\n" + HEADER + "\n" + GOOD + "\n");
        assertThat(run.account().balanced()).isTrue();
        assertThat(run.account().samples()).singleElement()
                .satisfies(entry -> assertThat(entry.reason()).isEqualTo("record before the Argus header line"));
        assertThat(run.events()).hasSize(1);
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] junk() {
        byte[] bytes = new byte[300];
        new Random(42).nextBytes(bytes);
        bytes[0] = '2';
        bytes[1] = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                bytes[i] = 0;
            }
        }
        return bytes;
    }

    private static byte[] hugeLine() {
        byte[] bytes = new byte[10 * 1024 * 1024];
        Arrays.fill(bytes, (byte) '9');
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
