/**
 * The arithmetic of beacon scoring as pure functions over arrays: RITA v5's published score
 * ({@link io.stagehunt.detect.beacon.scoring.RitaScoring}), stagehunt's period estimate
 * ({@link io.stagehunt.detect.beacon.scoring.Periodicity}) and its own composite score
 * ({@link io.stagehunt.detect.beacon.scoring.BeaconScoring}). Nothing here knows events, keys or time; the
 * detectors in {@code io.stagehunt.detect.beacon} feed it.
 */
package io.stagehunt.detect.beacon.scoring;
