/**
 * JMH benchmarks of stagehunt's readers, each next to a baseline measured in the same run over the same bytes,
 * so that results are quoted as ratios on this machine rather than as absolute numbers from elsewhere.
 */
package io.stagehunt.bench;
