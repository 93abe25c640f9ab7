package io.stagehunt.ingest.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.EventTime;
import io.stagehunt.event.Transport;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.Head;
import io.stagehunt.ingest.ReaderFixture;
import io.stagehunt.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArgusCsvMappingTest {

    private static final String SLIPS_HEADER =
            "StartTime,Dur,Proto,SrcAddr,Sport,Dir,DstAddr,Dport,State,sTos,dTos,TotPkts,TotBytes,SrcBytes,SrcPkts,Label";

    /** One expected flow: what an analyst reads off the Argus line. */
    record Expected(String time, String originator, int originatorPort, String responder, int responderPort,
            Transport transport, long durationMicros, long originatorBytes, long responderBytes,
            long originatorPackets, long responderPackets, ConnectionOutcome outcome, Direction direction) {
    }

    static Stream<Arguments> flows() {
        return Stream.of(
                Arguments.of("UDP DNS answered (CON)", SLIPS_HEADER,
                        "2019/04/04 16:23:00.325010,0.027947,udp,10.8.0.69,48427,  <->,8.8.8.8,53,CON,0,0,2,142,63,1,",
                        new Expected("2019-04-04T16:23:00.325010Z", "10.8.0.69", 48427, "8.8.8.8", 53, Transport.UDP,
                                27_947, 63, 79, 1, 1, ConnectionOutcome.ESTABLISHED, Direction.OUTBOUND)),
                Arguments.of("TCP SYN answered by RST (S_RA) is rejected", SLIPS_HEADER,
                        "2018/12/18 14:00:00.527012,0.699716,tcp,216.73.23.146,52798,   ->,147.32.81.58,445,S_RA,0,0,2,134,70,1,",
                        new Expected("2018-12-18T14:00:00.527012Z", "216.73.23.146", 52798, "147.32.81.58", 445,
                                Transport.TCP, 699_716, 70, 64, 1, 1, ConnectionOutcome.REJECTED, Direction.EXTERNAL)),
                Arguments.of("TCP unanswered SYN (S_)", SLIPS_HEADER,
                        "2018/12/18 14:00:00.075359,0.000000,tcp,10.0.0.7,52691,   ->,147.32.81.57,445,S_,0,0,1,70,70,1,",
                        new Expected("2018-12-18T14:00:00.075359Z", "10.0.0.7", 52691, "147.32.81.57", 445,
                                Transport.TCP, 0, 70, 0, 1, 0, ConnectionOutcome.NO_REPLY, Direction.OUTBOUND)),
                Arguments.of("ICMP port unreachable in hex: type 3, code 3", SLIPS_HEADER,
                        "2019/04/04 16:49:22.840553,0.000000,icmp,10.8.0.69,0x0303,   ->,211.233.40.78,0x97af,URP,192,,1,104,104,1,",
                        new Expected("2019-04-04T16:49:22.840553Z", "10.8.0.69", 3, "211.233.40.78", 3,
                                Transport.ICMP, 0, 104, 0, 1, 0, ConnectionOutcome.UNKNOWN, Direction.OUTBOUND)),
                Arguments.of("ICMP echo request in hex, answered: type 8, code 0", SLIPS_HEADER,
                        "2019/04/04 17:28:40.275229,0.000781,icmp,10.8.0.69,0x0008,  <->,8.8.8.8,0x0100,ECO,0,0,2,168,84,1,",
                        new Expected("2019-04-04T17:28:40.275229Z", "10.8.0.69", 8, "8.8.8.8", 0, Transport.ICMP,
                                781, 84, 84, 1, 1, ConnectionOutcome.ESTABLISHED, Direction.OUTBOUND)),
                Arguments.of("IGMP without ports", SLIPS_HEADER,
                        "2019/04/04 16:25:28.874773,891.366760,igmp,10.8.0.69,,   ->,224.0.0.1,,INT,192,,15,600,600,15,",
                        new Expected("2019-04-04T16:25:28.874773Z", "10.8.0.69", -1, "224.0.0.1", -1, Transport.OTHER,
                                891_366_760, 600, 0, 15, 0, ConnectionOutcome.NO_REPLY, Direction.OUTBOUND)),
                Arguments.of("IPv6 TCP, midstream (PA_PA), unknown direction arrow", SLIPS_HEADER,
                        "2018/12/18 14:00:40.736752,0.000151,tcp,2001:718:2:1634:4833:8e9c:e7f9:3ae7,45726,  <?>,"
                                + "2a00:1450:400c:c00::10,993,PA_PA,184,77,2,858,105,1,",
                        new Expected("2018-12-18T14:00:40.736752Z", "2001:718:2:1634:4833:8e9c:e7f9:3ae7", 45726,
                                "2a00:1450:400c:c00::10", 993, Transport.TCP, 151, 105, 753, 1, 1,
                                ConnectionOutcome.PARTIAL, Direction.EXTERNAL)),
                Arguments.of("tab-separated with a Label",
                        SLIPS_HEADER.replace(',', '\t'),
                        "2018/05/10 10:52:50.101010\t0.045010\tudp\t10.0.2.15\t53344\t  <->\t10.0.2.3\t53\tCON\t0\t0\t2\t190\t75\t1\tflow=Background-UDP-Established",
                        new Expected("2018-05-10T10:52:50.101010Z", "10.0.2.15", 53344, "10.0.2.3", 53, Transport.UDP,
                                45_010, 75, 115, 1, 1, ConnectionOutcome.ESTABLISHED, Direction.INTERNAL)),
                Arguments.of("other ra field set: columns reordered, DstBytes and DstPkts printed",
                        "SrcAddr;DstAddr;Proto;Sport;Dport;StartTime;State;SrcPkts;DstPkts;SrcBytes;DstBytes",
                        "192.168.1.20;93.184.216.34;tcp;50100;443;2024-03-03 10:00:00.5;FSPA_FSPA;12;10;1800;24000",
                        new Expected("2024-03-03T10:00:00.500Z", "192.168.1.20", 50100, "93.184.216.34", 443,
                                Transport.TCP, -1, 1800, 24000, 12, 10, ConnectionOutcome.ESTABLISHED,
                                Direction.OUTBOUND)),
                Arguments.of("application bytes preferred over wire bytes, epoch start time (ra -u)",
                        "StartTime,Proto,SrcAddr,Sport,Dir,DstAddr,Dport,State,TotBytes,SrcBytes,SAppBytes,DAppBytes",
                        "1709460000.250000,tcp,192.168.1.20,50101,   ->,198.51.100.7,8443,FSPA_FSPA,5000,1000,400,3600",
                        new Expected("2024-03-03T10:00:00.250Z", "192.168.1.20", 50101, "198.51.100.7", 8443,
                                Transport.TCP, -1, 400, 3600, -1, -1, ConnectionOutcome.ESTABLISHED,
                                Direction.OUTBOUND)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void mapsArgusFlowToConnection(String name, String header, String line, Expected expected) {
        ReaderFixture run = ReaderFixture.read(new ArgusCsvFormat(), header + "\n" + line + "\n");

        assertThat(run.account().balanced()).isTrue();
        assertThat(run.account().quarantineReasons()).isEmpty();
        Connection flow = (Connection) run.events().get(0);
        assertThat(EventTime.iso(flow.timeMicros())).isEqualTo(expected.time());
        assertThat(flow.originator()).isEqualTo(IpAddress.parse(expected.originator()));
        assertThat(flow.originatorPort()).isEqualTo(expected.originatorPort());
        assertThat(flow.responder()).isEqualTo(IpAddress.parse(expected.responder()));
        assertThat(flow.responderPort()).isEqualTo(expected.responderPort());
        assertThat(flow.transport()).isEqualTo(expected.transport());
        assertThat(flow.durationMicros()).isEqualTo(expected.durationMicros());
        assertThat(flow.originatorBytes()).isEqualTo(expected.originatorBytes());
        assertThat(flow.responderBytes()).isEqualTo(expected.responderBytes());
        assertThat(flow.originatorPackets()).isEqualTo(expected.originatorPackets());
        assertThat(flow.responderPackets()).isEqualTo(expected.responderPackets());
        assertThat(flow.outcome()).isEqualTo(expected.outcome());
        assertThat(flow.direction()).isEqualTo(expected.direction());
        assertThat(flow.provenance().record()).isEqualTo(2);
        assertThat(flow.uid()).isNull();
        assertThat(flow.open()).isFalse();
    }

    @Test
    void internalHostIsTheResponderOfInboundFlows() {
        ReaderFixture run = ReaderFixture.read(new ArgusCsvFormat(), SLIPS_HEADER + "\n"
                + "2019/04/04 21:29:18.748099,0.000000,tcp,212.138.72.43,51000,   ->,10.8.0.69,22,S_RA,0,,2,120,60,1,\n");
        Connection flow = (Connection) run.events().get(0);
        assertThat(flow.direction()).isEqualTo(Direction.INBOUND);
        assertThat(flow.host().ip()).isEqualTo(IpAddress.parse("10.8.0.69"));
        assertThat(flow.remote()).isEqualTo(IpAddress.parse("212.138.72.43"));
    }

    @Test
    void zonelessTimesAreReadInTheConfiguredZone() {
        String content = SLIPS_HEADER + "\n"
                + "2019/04/04 16:23:00.325010,0.027947,udp,10.8.0.69,48427,  <->,8.8.8.8,53,CON,0,0,2,142,63,1,\n"
                + "2019/01/04 16:23:00.000000,0.027947,udp,10.8.0.69,48428,  <->,8.8.8.8,53,CON,0,0,2,142,63,1,\n";
        ArgusCsvFormat prague = new ArgusCsvFormat(new ArgusCsvFormat.Settings(ZoneId.of("Europe/Prague")));
        ReaderFixture run = ReaderFixture.read(prague, content.getBytes(StandardCharsets.UTF_8));
        assertThat(run.events()).extracting(event -> EventTime.iso(event.timeMicros()))
                .containsExactly("2019-04-04T14:23:00.325010Z", "2019-01-04T15:23:00Z");
    }

    @Test
    void repeatedHeaderOfConcatenatedOutputsIsSkippedAndCounted() {
        String line = "2019/04/04 16:23:00.325010,0.027947,udp,10.8.0.69,48427,  <->,8.8.8.8,53,CON,0,0,2,142,63,1,";
        ReaderFixture run = ReaderFixture.read(new ArgusCsvFormat(),
                SLIPS_HEADER + "\n" + line + "\n\n" + SLIPS_HEADER + "\n" + line + "\n");
        FileAccount account = run.account();
        assertThat(account.produced()).isEqualTo(2);
        assertThat(account.skipReasons()).containsEntry("header", 2L).containsEntry("blank line", 1L);
        assertThat(account.balanced()).isTrue();
    }

    @Test
    void pipeDelimitedOutputIsRecognizedAndRead() {
        String content = "StartTime|Dur|Proto|SrcAddr|Sport|Dir|DstAddr|Dport|State|TotPkts|TotBytes|SrcBytes\n"
                + "2019/04/04 16:23:00.325010|0.027947|udp|10.8.0.69|48427|  <->|8.8.8.8|53|CON|2|142|63\n";
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);

        assertThat(new ArgusCsvFormat().recognize(new Head(bytes, bytes.length, true))).isPositive();
        ReaderFixture run = ReaderFixture.read(new ArgusCsvFormat(), bytes);
        assertThat(run.account().quarantineReasons()).isEmpty();
        assertThat(run.account().balanced()).isTrue();
        Connection flow = (Connection) run.events().get(0);
        assertThat(flow.responder()).isEqualTo(IpAddress.parse("8.8.8.8"));
        assertThat(flow.responderPort()).isEqualTo(53);
        assertThat(flow.responderBytes()).isEqualTo(79);
    }
}
