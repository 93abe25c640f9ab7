package io.stagehunt.ingest.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.Direction;
import io.stagehunt.event.FirewallDecision.Verdict;
import io.stagehunt.event.Transport;
import io.stagehunt.ingest.ReaderFixture;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PanOsTrafficMappingTest {

    /** A PAN-OS 10.1 traffic record in the documented field order; tests change single fields of it. */
    private static final String END_RECORD = "1,2024/03/03 15:00:55,013201001234,TRAFFIC,end,2561,"
            + "2024/03/03 15:00:55,10.20.1.15,203.0.113.45,192.0.2.50,203.0.113.45,allow-web-out,corp\\jdoe,,ssl,"
            + "vsys1,trust,untrust,ethernet1/2,ethernet1/1,default,2024/03/03 15:00:55,481286,1,61517,8443,35984,8443,"
            + "0x400019,tcp,allow,91869,4204,87665,69,2024/03/03 14:59:40,75,unknown,0,7200000000000481286,"
            + "0x8000000000000000,10.0.0.0-10.255.255.255,United States,0,20,49,tcp-fin,0,0,0,0,,pa-fw01,from-policy,,,"
            + "0,,0,,N/A,0,0,0,0,8c2f1a3e-5b7d-4e2a-9c1f-0d3b6a7e8f90,0,0,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,"
            + "2024-03-03T14:59:40.805+01:00,,,encrypted-tunnel,networking,browser-based,4,,,ssl,no,no,0";

    static String with(int index, String value) {
        String[] fields = END_RECORD.split(",", -1);
        fields[index] = value;
        return String.join(",", fields);
    }

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("end of an allowed session, BSD header: start time in the offset of field 102",
                        "Mar  3 15:00:55 pa-fw01.corp.example " + END_RECORD,
                        new ExpectedDecision("2024-03-03T13:59:40Z", Verdict.ALLOW, "013201001234", "allow-web-out",
                                Transport.TCP, "10.20.1.15", 61517, "203.0.113.45", 8443, Direction.OUTBOUND, "ssl",
                                4204, 87665)),
                Arguments.of("reset-both is a denial; PRI and BSD header",
                        "<14>Mar  3 15:00:55 pa-fw01 " + with(30, "reset-both").replace("allow-web-out", "block-c2"),
                        new ExpectedDecision("2024-03-03T13:59:40Z", Verdict.DENY, "013201001234", "block-c2",
                                Transport.TCP, "10.20.1.15", 61517, "203.0.113.45", 8443, Direction.OUTBOUND, "ssl",
                                4204, 87665)),
                Arguments.of("drop of an inbound probe, IETF header, App-ID not-applicable",
                        "<14>1 2024-03-03T15:01:00+01:00 pa-fw01 - - - - " + with(30, "drop").replace(
                                "10.20.1.15,203.0.113.45,192.0.2.50,203.0.113.45",
                                "198.51.100.23,10.20.9.80,0.0.0.0,0.0.0.0").replace(",ssl,vsys1", ",not-applicable,vsys1"),
                        new ExpectedDecision("2024-03-03T13:59:40Z", Verdict.DENY, "013201001234", "allow-web-out",
                                Transport.TCP, "198.51.100.23", 61517, "10.20.9.80", 8443, Direction.INBOUND, null,
                                4204, 87665)),
                Arguments.of("IPv6 session, bare CSV without a syslog header",
                        END_RECORD.replace("10.20.1.15,203.0.113.45,192.0.2.50,203.0.113.45",
                                "fd00:20::15,2001:db8:beef::45,,"),
                        new ExpectedDecision("2024-03-03T13:59:40Z", Verdict.ALLOW, "013201001234", "allow-web-out",
                                Transport.TCP, "fd00:20::15", 61517, "2001:db8:beef::45", 8443, Direction.OUTBOUND,
                                "ssl", 4204, 87665)),
                Arguments.of("PAN-OS 9.1 record (75 fields, no high resolution timestamp): configured zone, UTC",
                        "Mar  3 15:00:55 pa-fw01 " + String.join(",",
                                Arrays.copyOf(END_RECORD.split(",", -1), 75)),
                        new ExpectedDecision("2024-03-03T14:59:40Z", Verdict.ALLOW, "013201001234", "allow-web-out",
                                Transport.TCP, "10.20.1.15", 61517, "203.0.113.45", 8443, Direction.OUTBOUND, "ssl",
                                4204, 87665)),
                Arguments.of("a quoted field holding commas does not shift the fields after it",
                        "Mar  3 15:00:55 pa-fw01 " + with(99, "\"dag-workstations,dag-finance\""),
                        new ExpectedDecision("2024-03-03T13:59:40Z", Verdict.ALLOW, "013201001234", "allow-web-out",
                                Transport.TCP, "10.20.1.15", 61517, "203.0.113.45", 8443, Direction.OUTBOUND, "ssl",
                                4204, 87665)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void mapsPanOsTrafficRecord(String name, String line, ExpectedDecision expected) {
        expected.assertReadFrom(new PanOsTrafficFormat(), line);
    }

    @Test
    void otherLogTypesAreSkippedByDesign() {
        ReaderFixture run = ReaderFixture.read(new PanOsTrafficFormat(), "Mar  3 15:01:00 pa-fw01 "
                + "1,2024/03/03 15:01:00,013201001234,SYSTEM,general,2561,2024/03/03 15:01:00,,general,,0,0,general,"
                + "informational,\"User admin logged in via Web from 10.20.1.5 using https, method: password\",1288812,"
                + "0x0,0,0,0,0,,pa-fw01,0,0,2024-03-03T15:01:00.221+01:00\n");
        assertThat(run.events()).isEmpty();
        assertThat(run.account().skipReasons()).containsOnlyKeys("PAN-OS SYSTEM log not modeled");
    }

    @Test
    void unknownActionIsQuarantined() {
        ReaderFixture run = ReaderFixture.read(new PanOsTrafficFormat(), with(30, "teleport") + "\n");
        assertThat(run.account().samples()).singleElement()
                .satisfies(entry -> assertThat(entry.reason()).isEqualTo("unknown PAN-OS action 'teleport'"));
    }
}
