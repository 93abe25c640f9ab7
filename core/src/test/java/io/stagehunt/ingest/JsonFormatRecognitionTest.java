package io.stagehunt.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recognition by content: each JSON format claims its own records and nobody else's, neither the other's nor
 * the JSON lines of other tools.
 */
class JsonFormatRecognitionTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("contents")
    void recognizesByContentAlone(String name, String content, String expectedFormat) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);

        LogFormat format = StandardFormats.registry().recognize(new Head(bytes, bytes.length, true));

        assertThat(format == null ? null : format.id()).isEqualTo(expectedFormat);
    }

    static Stream<Arguments> contents() {
        return Stream.of(
                Arguments.of("Zeek JSON, dotted names", """
                        {"ts":1709650801.123456,"uid":"CmES5u32sYpV7JYN1","id.orig_h":"10.20.4.17","id.orig_p":49732,\
                        "id.resp_h":"203.0.113.45","id.resp_p":443,"proto":"tcp","conn_state":"SF"}
                        {"ts":1709650803.500001,"uid":"C3knYv1Xb8Cs2H7Pq","id.orig_h":"10.20.4.17","id.orig_p":53211,\
                        "id.resp_h":"10.20.0.2","id.resp_p":53,"proto":"udp","conn_state":"SF"}
                        """, "zeek-json"),
                Arguments.of("Zeek JSON, OTRF underscore names and ISO time", """
                        {"@stream":"dns","@system":"sensor-lab-01","@proc":"zeek","ts":"2024-03-05T15:00:10.031337Z",\
                        "uid":"CgQp4Q1Jkw2cF7vUe2","id_orig_h":"10.20.4.17","query":"example.org"}
                        """, "zeek-json"),
                Arguments.of("Zeek JSON x509 without uid", """
                        {"ts":1709650801.15,"id":"FfK3Fo2rIYYGu5yBpb","certificate.version":3,\
                        "certificate.subject":"CN=updates.example-cdn.net"}
                        """, "zeek-json"),
                Arguments.of("Zeek loaded_scripts.log", """
                        {"name":"/usr/local/zeek/share/zeek/base/init-bare.zeek"}
                        {"name":"  /usr/local/zeek/share/zeek/base/bif/const.bif.zeek"}
                        """, "zeek-json"),
                Arguments.of("Suricata EVE", """
                        {"timestamp":"2021-06-06T15:59:46.457984+0200","flow_id":1374195536821504,\
                        "event_type":"alert","src_ip":"78.36.196.213","src_port":51698,"dest_ip":"192.168.1.129",\
                        "dest_port":445,"proto":"TCP"}
                        {"timestamp":"2021-06-06T16:00:00.000000+0200","event_type":"stats","stats":{"uptime":60}}
                        """, "suricata-eve"),
                Arguments.of("Zeek TSV stays Zeek TSV", """
                        #separator \\x09
                        #fields\tts\tuid
                        """, "zeek-tsv"),
                Arguments.of("Sysmon JSON lines", """
                        {"EventID": 3, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "WORKSTATION5",\
                         "UtcTime": "2020-09-04 16:09:47.123", "SourceIp": "172.18.39.5",\
                         "DestinationIp": "10.10.10.5", "DestinationPort": "80"}
                        {"EventID": 1, "Channel": "Microsoft-Windows-Sysmon/Operational", "Computer": "WORKSTATION5",\
                         "Image": "C:\\\\Windows\\\\System32\\\\wscript.exe"}
                        """, null),
                Arguments.of("Windows events shipped with @timestamp and EventType", """
                        {"@timestamp":"2019-12-05T01:49:34.041Z","EventTime":"2019-12-04 20:49:31",\
                        "EventType":"INFO","EventID":4624,"host":"wec01"}
                        """, null),
                Arguments.of("application log with a timestamp but no event_type", """
                        {"timestamp":"2024-03-05T15:00:00Z","level":"info","msg":"user logged in","ts":"yesterday"}
                        """, null),
                Arguments.of("JSON with event_type but no timestamp", """
                        {"event_type":"flow","src_ip":"10.0.0.1"}
                        """, null),
                Arguments.of("pretty-printed JSON document", """
                        {
                          "type": "bundle",
                          "objects": []
                        }
                        """, null),
                Arguments.of("mostly junk with one Zeek-looking line", """
                        hello world
                        not json at all
                        {"ts":1709650801.1,"uid":"C1"}
                        more text
                        """, null));
    }
}
