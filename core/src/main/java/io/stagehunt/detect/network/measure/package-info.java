/**
 * Bounded measuring instruments that the network detectors keep inside their per-key state: sets of
 * fingerprints with a hard size cap, a two-generation recency filter for "seen lately", a ring of per-window
 * counts with robust (median and MAD) baselines, the lexical shape of DNS names, and a bounded evidence
 * sample. Every type here has a fixed upper bound on its memory, so detector state built from them is
 * bounded by construction; none reads a clock or a global.
 */
package io.stagehunt.detect.network.measure;
