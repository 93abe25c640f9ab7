package io.stagehunt.detect.intel;

import io.stagehunt.detect.Destination;
import io.stagehunt.intel.Freshness;
import io.stagehunt.intel.IntelMatch;

/**
 * One listed value seen in one event: where, what was observed, the indicator it matched, and how much that
 * indicator still counts at the event's time. Immutable.
 *
 * @param destination the far end the event names, for the finding
 */
public record Sighting(SeenIn where, IntelMatch match, Freshness freshness, Destination destination) {
}
