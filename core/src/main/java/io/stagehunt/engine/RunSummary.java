package io.stagehunt.engine;

import io.stagehunt.ingest.FileAccount;
import io.stagehunt.net.Cidr;
import io.stagehunt.net.NetworkScope;
import java.util.List;

/**
 * What a pipeline run did: the ledger of every input, the scope it settled on, how orderly the inputs were,
 * and what each detector held at its peak and at the end (nothing, when state expires as it must).
 *
 * @param internalSeen whether any probed record held an internal address under the given scope
 * @param sensorAddresses addresses taken as internal because the logs held none (an internet-facing sensor)
 */
public record RunSummary(
        List<FileAccount> accounts, NetworkScope scope, boolean internalSeen, List<Cidr> sensorAddresses,
        long events, long lateEvents, int peakBuffered, long firstEventMicros, long lastEventMicros,
        List<DetectorStats> detectors) {

    /** One detector's load: events it took, most keys held at once, keys left after the end (0 expected). */
    public record DetectorStats(String id, long events, long peakKeys, long keysLeft) {
    }

    public boolean balanced() {
        return accounts.stream().allMatch(FileAccount::balanced);
    }
}
