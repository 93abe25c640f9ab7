/**
 * JMH benchmarks. Each measures one component beside a baseline in the same run, so that results are read as
 * ratios on the machine at hand rather than as absolute numbers.
 */
package io.stagehunt.bench;
