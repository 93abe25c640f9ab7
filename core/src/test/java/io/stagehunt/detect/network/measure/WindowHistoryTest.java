package io.stagehunt.detect.network.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowHistoryTest {

    @Test
    void keepsOnlyTheLatestWindows() {
        WindowHistory history = new WindowHistory(3);
        for (int value : new int[] {100, 1, 2, 3}) {
            history.push(value);
        }

        assertThat(history.size()).isEqualTo(3);
        assertThat(history.sum()).isEqualTo(6);
        assertThat(history.median()).isEqualTo(2);
        assertThat(history.max()).isEqualTo(3);
    }

    @Test
    void quietGapsPushAtMostAFullHistoryOfZeros() {
        WindowHistory history = new WindowHistory(4);
        history.push(7);

        history.pushZeros(1_000_000_000L);

        assertThat(history.size()).isEqualTo(4);
        assertThat(history.sum()).isZero();
    }
}
