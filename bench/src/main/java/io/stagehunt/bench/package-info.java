/**
 * JMH benchmarks. Each benchmark measures its subject beside a baseline in the same run, so that results are
 * quoted as ratios that hold across machines.
 */
package io.stagehunt.bench;
