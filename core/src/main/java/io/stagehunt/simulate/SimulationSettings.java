package io.stagehunt.simulate;

/**
 * What to simulate. Immutable.
 *
 * @param seed the random seed; the same settings give byte-identical logs
 * @param hosts number of internal workstations
 * @param startMicros start of the simulated period, epoch microseconds
 * @param hours length of the simulated period
 * @param intrusion whether to plant the multi-stage intrusion on one workstation
 * @param maxBytes stop once the logs written reach this many bytes (for benchmark inputs), or 0 for no cap
 */
public record SimulationSettings(long seed, int hosts, long startMicros, int hours, boolean intrusion,
        long maxBytes) {

    /** Monday 11 March 2024, 07:00 UTC: a working day starting. */
    public static final long DEFAULT_START = 1_710_140_400_000_000L;

    public SimulationSettings {
        if (hosts < 1 || hosts > 40_000) {
            throw new IllegalArgumentException("hosts must be 1..40000");
        }
        if (hours < 1) {
            throw new IllegalArgumentException("hours must be at least 1");
        }
    }
}
