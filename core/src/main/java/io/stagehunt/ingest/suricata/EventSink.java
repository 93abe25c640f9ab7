package io.stagehunt.ingest.suricata;

import io.stagehunt.event.Event;

/**
 * Where the joining parts of the EVE reader hand finished events: the sink accounts the event's main record as
 * produced and each other record merged into it as skipped by design with {@code joinedReason}.
 */
interface EventSink {

    void emit(Event event, int joinedRecords, String joinedReason);
}
