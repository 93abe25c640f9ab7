package io.stagehunt.intel;

/**
 * How fast an indicator of one type loses weight with age, after MISP's polynomial decaying model:
 * {@code weight = 1 - (age / lifetime)^(1 / speed)}, 1 when fresh and 0 from {@code lifetime} on. A speed above
 * 1 loses most weight early (addresses change hands quickly); 1 is linear.
 *
 * @param lifetimeMicros the age at which the weight reaches 0
 * @param speed the decay speed, above 0
 */
public record DecayModel(long lifetimeMicros, double speed) {

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    public DecayModel {
        if (lifetimeMicros <= 0 || !(speed > 0)) {
            throw new IllegalArgumentException("lifetime and speed must be positive");
        }
    }

    public static DecayModel days(long lifetimeDays, double speed) {
        return new DecayModel(lifetimeDays * MICROS_PER_DAY, speed);
    }

    /** The weight 0..1 at an age; ages at or below 0 weigh 1. */
    public double weight(long ageMicros) {
        if (ageMicros <= 0) {
            return 1;
        }
        if (ageMicros >= lifetimeMicros) {
            return 0;
        }
        return 1 - Math.pow((double) ageMicros / lifetimeMicros, 1 / speed);
    }

    public long lifetimeDays() {
        return lifetimeMicros / MICROS_PER_DAY;
    }
}
