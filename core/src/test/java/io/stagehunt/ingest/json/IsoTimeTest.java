package io.stagehunt.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2021-06-06T15:59:46.457984+0200, 2021-06-06T13:59:46.457984Z",
            "2020-01-30T18:14:02.279652Z, 2020-01-30T18:14:02.279652Z",
            "2020-01-30T18:14:02Z, 2020-01-30T18:14:02Z",
            "2020-01-30 18:14:02.5, 2020-01-30T18:14:02.500Z",
            "2016-11-29T17:26:49.179383+0000, 2016-11-29T17:26:49.179383Z",
            "2019-12-31T23:30:00.000001-05:30, 2020-01-01T05:00:00.000001Z",
            "2024-02-29T00:00:00.123456789+01, 2024-02-28T23:00:00.123456Z",
            "1969-12-31T23:59:59.999999Z, 1969-12-31T23:59:59.999999Z"})
    void parsesTheSpellingsOfZeekAndSuricata(String text, String expected) {
        Instant instant = Instant.parse(expected);
        long micros = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;

        assertThat(IsoTime.parseMicros(text)).isEqualTo(micros);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "yesterday", "2021-06-06", "2021-06-06T25:00:00Z", "2021-02-29T10:00:00Z",
            "2021-06-06T15:59:46.+0200", "2021-06-06T15:59:46+2", "2021-06-06T15:59:46+02:0",
            "2021-06-06T15:59:46Zjunk", "2021-13-06T15:59:46Z", "2021-06-06X15:59:46Z", "１２３４-06-06T15:59:46Z",
            "2021-06-06T15:59:46+19:00"})
    void refusesWhatIsNotAnIsoDateTime(String text) {
        assertThat(IsoTime.parseMicros(text)).isEqualTo(Long.MIN_VALUE);
    }
}
