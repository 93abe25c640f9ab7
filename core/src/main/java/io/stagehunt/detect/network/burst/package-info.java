/**
 * The {@code burst-then-sustained} detector: a short burst of failed or cut-short connection attempts from a
 * host, followed within minutes by sustained communication (regular repeated connections, or one long
 * connection) from the same host, to the same or another destination: the playbook's "initial short burst of
 * connection attempts followed by more sustained communication". A per-host state machine with timers;
 * scoring is a pure function in {@link io.stagehunt.detect.network.burst.BurstScoring}.
 */
package io.stagehunt.detect.network.burst;
