package io.stagehunt.detect.network.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecencyFilterTest {

    @Test
    void remembersAValueForOneRotationAndForgetsItAfterTwo() {
        RecencyFilter filter = new RecencyFilter(1 << 12);
        long value = Fingerprints.of("evil.example");

        assertThat(filter.add(value)).isTrue();
        assertThat(filter.add(value)).isFalse();
        filter.rotate();
        assertThat(filter.mightContain(value)).isTrue();
        filter.rotate();
        assertThat(filter.mightContain(value)).isFalse();
    }

    @Test
    void falsePositivesStayRareAtItsDesignLoad() {
        RecencyFilter filter = new RecencyFilter(1 << 15);
        for (int i = 0; i < 2000; i++) {
            filter.add(Fingerprints.of("seen" + i));
        }
        int falsePositives = 0;
        for (int i = 0; i < 10_000; i++) {
            if (filter.mightContain(Fingerprints.of("unseen" + i))) {
                falsePositives++;
            }
        }

        assertThat(falsePositives).isLessThan(200);
    }

    @Test
    void absorbsAnotherFiltersValues() {
        RecencyFilter memory = new RecencyFilter(1 << 10);
        RecencyFilter meanwhile = new RecencyFilter(1 << 10);
        meanwhile.add(42);
        meanwhile.rotate();
        meanwhile.add(43);

        memory.absorb(meanwhile);

        // both generations of the other, the older one included
        assertThat(memory.mightContain(42)).isTrue();
        assertThat(memory.mightContain(43)).isTrue();
        assertThatThrownBy(() -> memory.absorb(new RecencyFilter(1 << 11)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
