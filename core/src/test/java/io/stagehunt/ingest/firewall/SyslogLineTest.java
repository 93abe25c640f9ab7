package io.stagehunt.ingest.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyslogLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " ¦ ", nullValues = "none", value = {
            "BSD, space-padded day ¦ Mar  3 09:00:04 web01 kernel: hello ¦ true ¦ 3-9-0-4-0 ¦ none ¦ web01 ¦ kernel ¦ hello",
            "BSD with PRI, no host ¦ <134>Mar 13 13:05:00 filterlog[63920]: 5,,, ¦ true ¦ 13-13-5-0-0 ¦ none ¦ none ¦ filterlog ¦ 5,,,",
            "journald short-precise ¦ Mar 03 11:03:07.239996 web01 kernel: x ¦ true ¦ 3-11-3-7-239996 ¦ none ¦ web01 ¦ kernel ¦ x",
            "BSD, host then message without tag ¦ Mar  3 15:00:08 pa-fw01.corp.example 1,2024/03/03 ¦ true ¦ 3-15-0-8-0 ¦ none ¦ pa-fw01.corp.example ¦ none ¦ 1,2024/03/03",
            "BSD, CEF right after the host ¦ Mar  3 16:00:11 cp-mgmt CEF:0|a ¦ true ¦ 3-16-0-11-0 ¦ none ¦ cp-mgmt ¦ none ¦ CEF:0|a",
            "rsyslog ISO ¦ 2024-03-03T10:00:19.389505+01:00 gw01 sshd[4771]: Accepted ¦ true ¦ 3-10-0-19-389505 ¦ +01:00 ¦ gw01 ¦ sshd ¦ Accepted",
            "journald short-iso ¦ 2024-03-03T11:00:00+0100 web01 kernel: y ¦ true ¦ 3-11-0-0-0 ¦ +01:00 ¦ web01 ¦ kernel ¦ y",
            "RFC 5424, nil structured data ¦ <4>1 2024-03-03T12:00:30.141Z edge02 kernel - - - NFT-DROP IN= ¦ true ¦ 3-12-0-30-141000 ¦ Z ¦ edge02 ¦ kernel ¦ NFT-DROP IN=",
            "RFC 5424, structured data with a quoted bracket ¦ <134>1 2024-03-03T14:00:09+01:00 OPN filterlog 87321 - [meta a=\"x\\]y\"] 96,, ¦ true ¦ 3-14-0-9-0 ¦ +01:00 ¦ OPN ¦ filterlog ¦ 96,,",
            "RFC 5424, nil everything ¦ <14>1 - - - - - - msg ¦ true ¦ none ¦ none ¦ none ¦ none ¦ msg",
            "bare CEF ¦ CEF:0|Acme|FW|1|2|n|3|act=drop ¦ false ¦ none ¦ none ¦ none ¦ none ¦ CEF:0|Acme|FW|1|2|n|3|act=drop",
            "truncated timestamp ¦ Mar  3 16:2 ¦ false ¦ none ¦ none ¦ none ¦ none ¦ Mar  3 16:2",
            "JSON ¦ {\"ts\":1} ¦ false ¦ none ¦ none ¦ none ¦ none ¦ {\"ts\":1}",
    })
    void splitsHeaderFromMessage(String name, String line, boolean header, String stamp, String offset, String host,
            String program, String message) {
        SyslogLine syslog = SyslogLine.parse(line);
        assertThat(syslog.hasHeader()).isEqualTo(header);
        LocalStamp time = syslog.stamp();
        assertThat(time == null ? null : time.day() + "-" + time.hour() + "-" + time.minute() + "-" + time.second()
                + "-" + time.micros()).isEqualTo(stamp);
        assertThat(syslog.offset() == null ? null : syslog.offset().getId()).isEqualTo(offset);
        assertThat(syslog.host()).isEqualTo(host);
        assertThat(syslog.program()).isEqualTo(program);
        assertThat(syslog.message()).isEqualTo(message);
    }
}
