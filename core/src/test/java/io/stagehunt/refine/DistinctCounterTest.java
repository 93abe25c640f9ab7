package io.stagehunt.refine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DistinctCounterTest {

    @ParameterizedTest(name = "{0} distinct values")
    @ValueSource(ints = {0, 1, 2, 7, 32})
    void countsExactlyUpToTheCap(int distinct) {
        DistinctCounter counter = new DistinctCounter(32);
        for (int round = 0; round < 3; round++) {
            for (int value = 0; value < distinct; value++) {
                counter.add(DistinctCounter.hash("host-" + value));
            }
        }
        assertThat(counter.exact()).isTrue();
        assertThat(counter.count()).isEqualTo(distinct);
    }

    @ParameterizedTest(name = "{0} distinct values, seed {1}")
    @CsvSource({"100, 1", "1000, 2", "20000, 3", "200000, 4"})
    void estimatesWithinTenPercentBeyondTheCap(int distinct, long seed) {
        DistinctCounter counter = new DistinctCounter(32);
        SplittableRandom random = new SplittableRandom(seed);
        for (int value = 0; value < distinct; value++) {
            long hash = random.nextLong();
            counter.add(hash);
            counter.add(hash);
        }
        assertThat(counter.exact()).isFalse();
        assertThat((double) counter.count()).isBetween(distinct * 0.9, distinct * 1.1);
    }
}
