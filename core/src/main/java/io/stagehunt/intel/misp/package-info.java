/**
 * MISP: events and attribute lists in MISP's JSON (single events, event lists, REST search answers, single
 * attributes, with object attributes), MISP feed folders ({@code manifest.json}, {@code hashes.csv},
 * {@code <uuid>.json}), and MISP warninglists, which become benign lists. Attributes not meant for detection
 * ({@code to_ids} false) and deleted ones are skipped by design.
 */
package io.stagehunt.intel.misp;
