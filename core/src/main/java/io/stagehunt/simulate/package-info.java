/**
 * A seeded simulator of an office network's Zeek logs, with an optional multi-stage intrusion planted in
 * it: the bundled sample data, realistic load for benchmarks of any size, and traffic for tests. Output is
 * deterministic for a given seed.
 */
package io.stagehunt.simulate;
