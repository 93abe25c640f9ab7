/**
 * DNS-side detectors: {@code dns-tunnel} (data carried inside DNS names and answers, per host and registered
 * domain) and {@code dns-surge} (a host's DNS suddenly much busier or much more diverse than its own
 * baseline). Scoring lives in pure functions ({@link io.stagehunt.detect.network.dns.TunnelScoring},
 * {@link io.stagehunt.detect.network.dns.SurgeScoring}) over measurement records, separate from the keyed
 * state that gathers the measurements.
 */
package io.stagehunt.detect.network.dns;
