package io.stagehunt.ingest;

import io.stagehunt.event.Event;
import io.stagehunt.event.EventKinds;
import java.io.Closeable;
import java.io.IOException;

/**
 * Reads one input record by record. For every record it consumes, a reader reports exactly one outcome to its
 * {@link ReadContext}: produced, skipped by design, or quarantined. Not thread-safe.
 */
public interface RecordReader extends Closeable {

    /**
     * The next event, or null at the end of the input. Records that produce no event are accounted for and
     * passed over. Throws {@link IOException} only when the input itself can no longer be read.
     */
    Event next() throws IOException;

    /**
     * The kinds of events this input can produce, as far as what has been read of it tells (a Zeek log's header
     * names its log); {@link EventKinds#ANY} when its format cannot tell, as with a mixed Suricata EVE file.
     */
    default EventKinds kinds() {
        return EventKinds.ANY;
    }
}
