package io.stagehunt.ingest.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.event.ConnectionOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgusStateTest {

    @ParameterizedTest(name = "{0} with {1} responder packets is {2}")
    @CsvSource({
            // state words
            "CON, 1, ESTABLISHED",
            "FIN, 4, ESTABLISHED",
            "CLO, 4, ESTABLISHED",
            "INT, 0, NO_REPLY",
            "REQ, 0, NO_REPLY",
            "RST, 1, REJECTED",
            "TIM, 0, UNKNOWN",
            "ECO, 1, ESTABLISHED",
            "ECO, 0, NO_REPLY",
            "URP, 0, UNKNOWN",
            "NNS, 0, UNKNOWN",
            // TCP flags sent by each side
            "S_, 0, NO_REPLY",
            "S_RA, 1, REJECTED",
            "S_R, 1, REJECTED",
            "SR_SA, 1, ESTABLISHED",
            "S_SA, 1, ESTABLISHED",
            "FSPA_FSPA, 12, ESTABLISHED",
            "SRPA_FSPA, 9, ESTABLISHED",
            "FSPA_SRA, 3, ESTABLISHED",
            "SRPA_, 0, PARTIAL",
            "FSA_, 0, PARTIAL",
            "PA_PA, 3, PARTIAL",
            "FPA_PA, 2, PARTIAL",
            "RPA_PA, 2, PARTIAL",
    })
    void mapsArgusStatesLikeZeekConnStates(String state, long responderPackets, ConnectionOutcome expected) {
        assertThat(ArgusState.outcome(state, responderPackets)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' well-formed: {1}")
    @CsvSource({
            "CON, true",
            "FSPA_FSRPA, true",
            "S_, true",
            "con, false",
            "S_RA_X, false",
            "<b>CON</b>, false",
            "CON;rm -rf, false",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ, false",
    })
    void acceptsOnlyArgusStateShapes(String state, boolean expected) {
        assertThat(ArgusState.wellFormed(state)).isEqualTo(expected);
    }
}
