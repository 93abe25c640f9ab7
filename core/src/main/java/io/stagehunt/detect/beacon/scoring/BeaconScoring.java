package io.stagehunt.detect.beacon.scoring;

import java.io.Serializable;
import java.util.Arrays;

/**
 * stagehunt's own beacon score: how strongly the check-ins keep a schedule, for how many beats, and how alike
 * the check-ins are in size. Periodicity gates everything: persistence and size regularity only count in
 * proportion to the periodicity evidence, so that a busy but irregular channel earns nothing from being busy.
 *
 * <pre>
 *   q           = regularity x significance                       (from {@link Periodicity})
 *   periodicity = wPeriodicity x q
 *   persistence = wPersistence x q x (1 - exp(-evidence / persistenceScale))
 *   sizes       = wSizes       x q x share of check-ins within ±max(10 %, 16 B) of the median size
 *   score       = periodicity + persistence + sizes
 * </pre>
 *
 * The evidence is the number of on-schedule intervals, a request on a connection already open counting less
 * than a new connection (see {@link Periodicity.Estimate#evidence()}). When no sizes are known (e.g. TLS
 * records without flows) the size share is taken as 0.5, neither for nor against. Stateless and thread-safe.
 */
public final class BeaconScoring {

    /** Sizes within this share of the median count as the same check-in size. */
    private static final double SIZE_TOLERANCE = 0.10;
    /** ... or within this many bytes, for small check-ins where 10 % is a few bytes. */
    private static final long SIZE_TOLERANCE_BYTES = 16;
    private static final double UNKNOWN_SIZE_SHARE = 0.5;

    private BeaconScoring() {
    }

    /**
     * Weights of the three parts; they sum to 1 so that a clockwork beacon of constant size that kept its
     * schedule long enough scores 1.
     *
     * @param persistenceScale on-schedule check-ins that earn 63 % (1 - 1/e) of the persistence weight
     */
    public record Settings(double periodicityWeight, double persistenceWeight, double sizeWeight,
            double persistenceScale) implements Serializable {

        public static final Settings DEFAULTS = new Settings(0.5, 0.3, 0.2, 15);

        public Settings {
            if (Math.abs(periodicityWeight + persistenceWeight + sizeWeight - 1) > 1e-9 || periodicityWeight < 0
                    || persistenceWeight < 0 || sizeWeight < 0 || persistenceScale <= 0) {
                throw new IllegalArgumentException("invalid beacon score settings: " + this);
            }
        }
    }

    /**
     * The score and each part's contribution.
     *
     * @param persistence 0..1 before weighting
     * @param sizeShare share of check-ins of the typical size, NaN when no size was known
     * @param typicalSize the median size in bytes, -1 when unknown
     */
    public record Breakdown(double periodicity, double persistence, double sizes, double persistenceShare,
            double sizeShare, long typicalSize, double score) {
    }

    public static Breakdown score(Periodicity.Estimate estimate, long[] sizes, Settings settings) {
        double evidence = estimate.strength();
        double persistence = 1 - Math.exp(-estimate.evidence() / settings.persistenceScale());
        double sizeShare = sizeConsistency(sizes);
        double sizeFactor = Double.isNaN(sizeShare) ? UNKNOWN_SIZE_SHARE : sizeShare;
        double periodicityPart = settings.periodicityWeight() * evidence;
        double persistencePart = settings.persistenceWeight() * evidence * persistence;
        double sizePart = settings.sizeWeight() * evidence * sizeFactor;
        return new Breakdown(periodicityPart, persistencePart, sizePart, persistence, sizeShare, typicalSize(sizes),
                periodicityPart + persistencePart + sizePart);
    }

    /** Share of sizes within tolerance of their median; NaN when fewer than three sizes are known. */
    public static double sizeConsistency(long[] sizes) {
        if (sizes.length < 3) {
            return Double.NaN;
        }
        long median = typicalSize(sizes);
        double tolerance = Math.max(SIZE_TOLERANCE * median, SIZE_TOLERANCE_BYTES);
        int alike = 0;
        for (long size : sizes) {
            if (Math.abs(size - median) <= tolerance) {
                alike++;
            }
        }
        return (double) alike / sizes.length;
    }

    /** The median size (lower middle for an even count), -1 when none is known. */
    static long typicalSize(long[] sizes) {
        if (sizes.length == 0) {
            return -1;
        }
        long[] sorted = sizes.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
