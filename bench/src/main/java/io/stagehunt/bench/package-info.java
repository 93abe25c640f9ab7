/**
 * JMH benchmarks. Each compares stagehunt's code with a plain baseline measured in the same run, so that the
 * reported numbers are ratios on one machine rather than absolute claims.
 */
package io.stagehunt.bench;
