package io.stagehunt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.ingest.firewall.CefFormat;
import io.stagehunt.ingest.firewall.FilterlogFormat;
import io.stagehunt.ingest.firewall.NetfilterFormat;
import io.stagehunt.ingest.firewall.PanOsTrafficFormat;
import io.stagehunt.ingest.netflow.ArgusCsvFormat;
import io.stagehunt.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recognition of the NetFlow and firewall formats by content: each claims its own samples, none claims
 * another's, nor Zeek or Suricata content.
 */
class FlowFormatRecognitionTest {

    private static final List<LogFormat> FLOW_FORMATS = List.of(new ArgusCsvFormat(), new NetfilterFormat(),
            new FilterlogFormat(), new PanOsTrafficFormat(), new CefFormat());

    private static final String ARGUS = "StartTime,Dur,Proto,SrcAddr,Sport,Dir,DstAddr,Dport,State,sTos,dTos,TotPkts,"
            + "TotBytes,SrcBytes,SrcPkts,Label\n"
            + "2019/04/04 16:23:00.325010,0.027947,udp,10.8.0.69,48427,  <->,8.8.8.8,53,CON,0,0,2,142,63,1,\n";
    private static final String ZEEK_TSV = "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n"
            + "#unset_field\t-\n#path\tconn\n#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\n"
            + "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\n"
            + "1709460000.123456\tCk3Xq81\t10.0.0.5\t51000\t203.0.113.45\t8443\ttcp\n";
    private static final String ZEEK_JSON = "{\"ts\":1709460000.123456,\"uid\":\"Ck3Xq81\",\"id.orig_h\":\"10.0.0.5\","
            + "\"id.orig_p\":51000,\"id.resp_h\":\"203.0.113.45\",\"id.resp_p\":8443,\"proto\":\"tcp\"}\n";
    private static final String SURICATA_EVE = "{\"timestamp\":\"2024-03-03T10:00:00.123456+0000\",\"flow_id\":1234,"
            + "\"event_type\":\"alert\",\"src_ip\":\"10.0.0.5\",\"src_port\":51000,\"dest_ip\":\"203.0.113.45\","
            + "\"dest_port\":8443,\"proto\":\"TCP\",\"alert\":{\"signature\":\"ET POLICY CEF:0|x| IN= OUT= SRC=\"}}\n";
    private static final String PLAIN_SYSLOG = "Mar  3 09:00:12 web01 sshd[811]: Accepted publickey for ops\n"
            + "Mar  3 09:00:13 web01 CRON[812]: (root) CMD (true)\n";

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("argus", text(ARGUS), ArgusCsvFormat.ID),
                Arguments.of("netfilter-ufw-kern.log", resource("netfilter-ufw-kern.log"), NetfilterFormat.ID),
                Arguments.of("netfilter-rsyslog-mixed.log", resource("netfilter-rsyslog-mixed.log"), NetfilterFormat.ID),
                Arguments.of("netfilter-journal.txt", resource("netfilter-journal.txt"), NetfilterFormat.ID),
                Arguments.of("netfilter-rfc5424.log", resource("netfilter-rfc5424.log"), NetfilterFormat.ID),
                Arguments.of("filterlog-pfsense.log", resource("filterlog-pfsense.log"), FilterlogFormat.ID),
                Arguments.of("filterlog-opnsense.log", resource("filterlog-opnsense.log"), FilterlogFormat.ID),
                Arguments.of("panos-traffic.log", resource("panos-traffic.log"), PanOsTrafficFormat.ID),
                Arguments.of("cef-firewalls.log", resource("cef-firewalls.log"), CefFormat.ID),
                Arguments.of("zeek tsv", text(ZEEK_TSV), null),
                Arguments.of("zeek json", text(ZEEK_JSON), null),
                Arguments.of("suricata eve with firewall words in a string", text(SURICATA_EVE), null),
                Arguments.of("syslog without firewall lines", text(PLAIN_SYSLOG), null),
                Arguments.of("binary", new byte[] {0x1f, (byte) 0x8b, 0, 1, 2, 3, (byte) 0xff, '\n'}, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void onlyTheOwnFormatClaimsASample(String name, byte[] content, String owner) {
        Head head = new Head(content, content.length, true);
        for (LogFormat format : FLOW_FORMATS) {
            int confidence = format.recognize(head);
            if (format.id().equals(owner)) {
                assertThat(confidence).as(format.id()).isGreaterThanOrEqualTo(FormatRegistry.MIN_CONFIDENCE);
            } else {
                assertThat(confidence).as(format.id()).isZero();
            }
        }
    }

    @Test
    void noFlowFormatClaimsTheRealZeekOrSuricataData() {
        Path zeek = SharedData.path("zeek");
        Path suricata = SharedData.path("suricata");
        List<DiscoveredInput> inputs = new InputDiscovery(new FormatRegistry(FLOW_FORMATS))
                .discover(List.of(zeek, suricata));
        assertThat(inputs).hasSizeGreaterThan(50);
        assertThat(inputs).allSatisfy(input -> assertThat(input.format()).as(input.displayPath()).isNull());
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = CefFormat.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
