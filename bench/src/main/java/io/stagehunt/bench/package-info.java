/**
 * JMH benchmarks. Each reports its subject beside a baseline measured in the same run, so that ratios, not
 * absolute numbers from a shared machine, are what gets quoted.
 */
package io.stagehunt.bench;
