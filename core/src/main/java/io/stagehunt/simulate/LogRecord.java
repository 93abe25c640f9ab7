package io.stagehunt.simulate;

/** One simulated log line waiting to be written in time order within its log. */
record LogRecord(long timeMicros, SimulatedLog log, String line) {
}
