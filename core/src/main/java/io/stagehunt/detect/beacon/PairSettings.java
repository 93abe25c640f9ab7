package io.stagehunt.detect.beacon;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the pair detectors (beacon, strobe, long connection) keep per-pair state; shared by all three.
 *
 * @param window how far back a report looks: RITA's one day
 * @param idleTimeout a channel silent this long is reported a last time and forgotten
 * @param reportEvery a channel that never falls silent is reported at least this often
 * @param nameWait how long a flow record waits for the HTTP or TLS record that names it; the naming record
 *     follows the flow's start by moments, and the pipeline delivers records in time order
 * @param flowWait how long a naming record waits for its flow record, which sensors write when the flow ends
 *     (as long as the pipeline's reorder window)
 * @param joinMemory how long a settled flow is remembered, to recognise later requests on the same flow
 * @param labelRetention how long a DNS answer names an address the host has not (yet) contacted
 * @param maxChannelsPerPair named channels per pair (a proxy carries many); the stalest is reported and
 *     dropped to make room
 * @param maxRecentFlows flows per pair held for joining: enough for a busy channel's records to meet although
 *     flow records come minutes late (a check-in every 2 s, flow records written 4 minutes after their start)
 */
public record PairSettings(Duration window, Duration idleTimeout, Duration reportEvery, Duration nameWait,
        Duration flowWait, Duration joinMemory, Duration labelRetention, int maxChannelsPerPair, int maxRecentFlows)
        implements Serializable {

    public static final PairSettings DEFAULTS = new PairSettings(Duration.ofHours(24), Duration.ofHours(24),
            Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofHours(1), 256, 256);

    public PairSettings {
        if (window.isNegative() || window.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()
                || reportEvery.isNegative() || reportEvery.isZero() || nameWait.isNegative() || flowWait.isNegative()
                || joinMemory.isNegative() || labelRetention.isNegative() || maxChannelsPerPair < 1
                || maxRecentFlows < 1) {
            throw new IllegalArgumentException("invalid pair settings: " + this);
        }
    }

    long windowMicros() {
        return micros(window);
    }

    long idleMicros() {
        return micros(idleTimeout);
    }

    long reportEveryMicros() {
        return micros(reportEvery);
    }

    long nameWaitMicros() {
        return micros(nameWait);
    }

    long flowWaitMicros() {
        return micros(flowWait);
    }

    long joinMemoryMicros() {
        return micros(joinMemory);
    }

    long labelRetentionMicros() {
        return micros(labelRetention);
    }

    static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }
}
