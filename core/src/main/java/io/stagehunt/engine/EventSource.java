package io.stagehunt.engine;

import io.stagehunt.event.Event;
import java.io.IOException;

/**
 * A stream of events from one input, roughly in time order, that can be opened late: the merge opens it only
 * when event time reaches {@link #firstTimeMicros()}, so open files are bounded by overlap in time, not by the
 * number of inputs.
 */
public interface EventSource {

    /** Time of the first event, or {@link Long#MIN_VALUE} when unknown (opened at the start). */
    long firstTimeMicros();

    void open() throws IOException;

    /** The next event, or null when the input is done; the source closes itself at its end. */
    Event next() throws IOException;

    /** Closes the source early (on failure or cancellation). */
    void close();

    /** Reports an input that broke off mid-way, so the run goes on with the other inputs. */
    void failed(IOException error);
}
