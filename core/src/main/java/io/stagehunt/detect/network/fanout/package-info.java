/**
 * The {@code fanout} detector: one host contacting many destinations new to it (registered domains it looks
 * up, addresses it connects to without a lookup) within seconds to minutes, as a host does when it hunts for a
 * live stage-2 server among generated domains or a hard-coded address list. Popular destinations and internal
 * traffic are left out; scoring is a pure function in {@link io.stagehunt.detect.network.fanout.FanoutScoring}.
 */
package io.stagehunt.detect.network.fanout;
