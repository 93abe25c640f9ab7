package io.stagehunt.detect.network.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FingerprintSetTest {

    @ParameterizedTest(name = "capacity {0}, {1} distinct values: size {2}, saturated {3}")
    @CsvSource({
        "1,    1,    1,    false",
        "1,    2,    1,    true",
        "8,    5,    5,    false",
        "100,  100,  100,  false",
        "100,  101,  100,  true",
        "1024, 5000, 1024, true",
    })
    void holdsAtMostItsCapacityAndSaysWhenItTurnedValuesAway(int capacity, int values, int size, boolean saturated) {
        FingerprintSet set = new FingerprintSet(capacity);
        for (int i = 0; i < values; i++) {
            set.add(Fingerprints.of("name-" + i));
        }

        assertThat(set.size()).isEqualTo(size);
        assertThat(set.saturated()).isEqualTo(saturated);
        assertThat(set.slotCount()).isLessThanOrEqualTo(Math.max(8, 4 * capacity));
    }

    @Test
    void addsEachValueOnce() {
        FingerprintSet set = new FingerprintSet(16);

        assertThat(set.add(Fingerprints.of("a.example"))).isTrue();
        assertThat(set.add(Fingerprints.of("a.example"))).isFalse();
        assertThat(set.contains(Fingerprints.of("a.example"))).isTrue();
        assertThat(set.contains(Fingerprints.of("b.example"))).isFalse();
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void keepsEverythingAcrossGrowth() {
        FingerprintSet set = new FingerprintSet(1000);
        for (int i = 0; i < 1000; i++) {
            set.add(Fingerprints.of("host" + i));
        }

        for (int i = 0; i < 1000; i++) {
            assertThat(set.contains(Fingerprints.of("host" + i))).as("host%d", i).isTrue();
        }
    }

    @Test
    void clearingForgetsValuesAndSaturation() {
        FingerprintSet set = new FingerprintSet(1);
        set.add(1);
        set.add(2);

        set.clear();

        assertThat(set.size()).isZero();
        assertThat(set.saturated()).isFalse();
        assertThat(set.add(2)).isTrue();
    }
}
