package io.stagehunt.detect;

import java.io.Serializable;

/**
 * One named reason in a score: what was observed, against what baseline, and how many points (0..1 of the
 * whole score) it added. A finding's score is the sum of its signals' contributions.
 *
 * @param observed the measured value as an analyst would read it ({@code "every 60.2 s ±1.3 s"})
 * @param baseline what normal looks like, or null when the signal is absolute
 */
public record Signal(String name, String observed, String baseline, double contribution) implements Serializable {
}
