/**
 * JMH benchmarks. Each measures stagehunt beside a baseline doing the least possible work on the same bytes
 * in the same run, so that ratios, not absolute numbers from a shared machine, carry the result. Run with
 * {@code java -jar bench/target/benchmarks.jar}.
 */
package io.stagehunt.bench;
