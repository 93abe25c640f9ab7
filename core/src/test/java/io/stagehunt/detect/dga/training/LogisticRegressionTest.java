package io.stagehunt.detect.dga.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    /**
     * Two features that rise together with the class: fitted freely, the noisier copy takes a negative weight to
     * correct the other; told that it may only raise the logit, it is left out instead.
     */
    @Test
    void leavesOutAFeatureWhoseWeightComesOutAgainstItsSign() {
        Random random = new Random(7);
        int n = 2000;
        double[][] rows = new double[n][];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = i % 2 == 0;
            double signal = (positive[i] ? 1 : -1) + random.nextGaussian();
            rows[i] = new double[] {signal, 0.8 * signal + 0.2 * random.nextGaussian() - 0.3 * (positive[i] ? 1 : -1)};
        }

        LogisticRegression free = LogisticRegression.fit(rows, positive, 1e-3);
        LogisticRegression signed = LogisticRegression.fitWithSigns(rows, positive, 1e-3, new int[] {1, 1});

        assertThat(free.weights()[1]).isNegative();
        assertThat(signed.weights()[1]).isZero();
        assertThat(signed.weights()[0]).isPositive();
    }

    @Test
    void keepsEveryWeightWhenTheSignsAgree() {
        double[][] rows = {{2, -1}, {1.5, -2}, {-1, 1}, {-2, 0.5}, {0.5, -0.5}, {-0.5, 0.2}};
        boolean[] positive = {true, true, false, false, true, false};

        LogisticRegression free = LogisticRegression.fit(rows, positive, 1e-2);
        LogisticRegression signed = LogisticRegression.fitWithSigns(rows, positive, 1e-2, new int[] {1, 0});

        assertThat(signed.weights()).containsExactly(free.weights());
        assertThat(signed.intercept()).isEqualTo(free.intercept());
    }
}
