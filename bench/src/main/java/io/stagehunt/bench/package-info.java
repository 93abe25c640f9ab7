/**
 * JMH benchmarks. Each reader benchmark runs next to a raw line-read baseline over the same bytes in the same
 * run, so that the ratio between them, not the absolute figure of one machine, is what is compared.
 */
package io.stagehunt.bench;
