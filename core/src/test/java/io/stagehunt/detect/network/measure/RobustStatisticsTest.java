package io.stagehunt.detect.network.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RobustStatisticsTest {

    @ParameterizedTest(name = "[{0}] median {1} mad {2}")
    @CsvSource(delimiter = ';', value = {
        "5;             5;   0",
        "1 2 3;         2;   1",
        "1 2 3 4;       2.5; 1",
        "30 31 29 30 1000; 30; 1",
        "0 0 0 0 9;     0;   0",
        "4 1 3 2;       2.5; 1",
    })
    void medianAndMadIgnoreOneOutlier(String values, double median, double mad) {
        double[] numbers = Arrays.stream(values.trim().split(" +")).mapToDouble(Double::parseDouble).toArray();

        assertThat(RobustStatistics.median(numbers, numbers.length)).isCloseTo(median, within(1e-9));
        assertThat(RobustStatistics.mad(numbers, numbers.length, median)).isCloseTo(mad, within(1e-9));
    }

    @ParameterizedTest(name = "value {0} median {1} mad {2} floor {3}: z {4}")
    @CsvSource({
        "30,  30, 2, 1,  0",
        "60,  30, 2, 1,  10.117",
        "60,  30, 0, 5,  6",
        "10,  30, 2, 1,  -6.745",
    })
    void robustZUsesTheScaledMadButNeverLessThanTheFloor(double value, double median, double mad, double floor,
            double z) {
        assertThat(RobustStatistics.robustZ(value, median, mad, floor)).isCloseTo(z, within(0.001));
    }
}
