package io.stagehunt.detect.dga.training;

/**
 * L2-regularized logistic regression fitted by Newton's method for a fixed number of steps, in strict
 * floating point so that the same data give the same weights on every machine. Sized for a handful of
 * features; not thread-safe while fitting, immutable once fitted.
 */
public final class LogisticRegression {

    private static final int STEPS = 30;

    private final double[] weights;
    private final double intercept;

    private LogisticRegression(double[] weights, double intercept) {
        this.weights = weights;
        this.intercept = intercept;
    }

    /**
     * Fits {@code P(positive | x)}; rows are feature vectors (already standardized), {@code positive[i]} their
     * classes. Each class carries half the total weight, whatever its size.
     */
    public static LogisticRegression fit(double[][] rows, boolean[] positive, double l2) {
        int features = rows[0].length;
        int dimension = features + 1;
        long positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        long negatives = rows.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("both classes are needed");
        }
        double positiveWeight = 0.5 * rows.length / positives;
        double negativeWeight = 0.5 * rows.length / negatives;
        double[] beta = new double[dimension];
        for (int step = 0; step < STEPS; step++) {
            double[] gradient = new double[dimension];
            double[][] hessian = new double[dimension][dimension];
            for (int i = 0; i < rows.length; i++) {
                double[] x = rows[i];
                double z = beta[features];
                for (int j = 0; j < features; j++) {
                    z += beta[j] * x[j];
                }
                double p = 1 / (1 + StrictMath.exp(-z));
                double weight = positive[i] ? positiveWeight : negativeWeight;
                double residual = weight * ((positive[i] ? 1 : 0) - p);
                double curvature = weight * p * (1 - p);
                for (int j = 0; j < dimension; j++) {
                    double xj = j < features ? x[j] : 1;
                    gradient[j] += residual * xj;
                    for (int k = 0; k <= j; k++) {
                        double xk = k < features ? x[k] : 1;
                        hessian[j][k] += curvature * xj * xk;
                    }
                }
            }
            for (int j = 0; j < dimension; j++) {
                for (int k = 0; k < j; k++) {
                    hessian[k][j] = hessian[j][k];
                }
                if (j < features) {
                    gradient[j] -= l2 * rows.length * beta[j];
                    hessian[j][j] += l2 * rows.length;
                }
                hessian[j][j] += 1e-9 * rows.length;
            }
            double[] delta = solve(hessian, gradient);
            for (int j = 0; j < dimension; j++) {
                beta[j] += delta[j];
            }
        }
        double[] weights = new double[features];
        System.arraycopy(beta, 0, weights, 0, features);
        return new LogisticRegression(weights, beta[features]);
    }

    /**
     * Fits as {@link #fit}, with the sign of some weights fixed in advance: {@code signs[j]} is {@code +1} when
     * a larger value of feature {@code j} may only raise the logit, {@code -1} when it may only lower it, and
     * {@code 0} when either is allowed. A feature whose fitted weight comes out against its sign is left out
     * (weight 0) and the rest refitted, the most contrary first, until every weight agrees.
     */
    public static LogisticRegression fitWithSigns(double[][] rows, boolean[] positive, double l2, int[] signs) {
        int features = rows[0].length;
        if (signs.length != features) {
            throw new IllegalArgumentException("expected " + features + " signs");
        }
        boolean[] active = new boolean[features];
        java.util.Arrays.fill(active, true);
        while (true) {
            double[][] kept = new double[rows.length][];
            int count = 0;
            for (boolean on : active) {
                count += on ? 1 : 0;
            }
            for (int i = 0; i < rows.length; i++) {
                kept[i] = new double[count];
                for (int j = 0, k = 0; j < features; j++) {
                    if (active[j]) {
                        kept[i][k++] = rows[i][j];
                    }
                }
            }
            LogisticRegression fitted = fit(kept, positive, l2);
            double[] weights = new double[features];
            int worst = -1;
            for (int j = 0, k = 0; j < features; j++) {
                if (active[j]) {
                    weights[j] = fitted.weights[k++];
                    if (weights[j] * signs[j] < 0 && (worst < 0 || Math.abs(weights[j]) > Math.abs(weights[worst]))) {
                        worst = j;
                    }
                }
            }
            if (worst < 0) {
                return new LogisticRegression(weights, fitted.intercept);
            }
            active[worst] = false;
        }
    }

    public double[] weights() {
        return weights.clone();
    }

    public double intercept() {
        return intercept;
    }

    public double logit(double[] x) {
        double z = intercept;
        for (int j = 0; j < weights.length; j++) {
            z += weights[j] * x[j];
        }
        return z;
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting; {@code a} is overwritten. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[] x = b.clone();
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int row = column + 1; row < n; row++) {
                if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) {
                    pivot = row;
                }
            }
            double[] swapRow = a[column];
            a[column] = a[pivot];
            a[pivot] = swapRow;
            double swapValue = x[column];
            x[column] = x[pivot];
            x[pivot] = swapValue;
            for (int row = column + 1; row < n; row++) {
                double factor = a[row][column] / a[column][column];
                x[row] -= factor * x[column];
                for (int k = column; k < n; k++) {
                    a[row][k] -= factor * a[column][k];
                }
            }
        }
        for (int row = n - 1; row >= 0; row--) {
            double sum = x[row];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }
}
