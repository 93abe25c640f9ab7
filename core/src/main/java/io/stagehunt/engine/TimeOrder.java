package io.stagehunt.engine;

/**
 * The engine's one order of things in event time: by time, then by a sequence number given when each was added,
 * so that ties leave in the order they came. Shared by the merge, its reorder buffer and the timer heaps.
 */
final class TimeOrder {

    private TimeOrder() {
    }

    static int compare(long time, long sequence, long otherTime, long otherSequence) {
        int byTime = Long.compare(time, otherTime);
        return byTime != 0 ? byTime : Long.compare(sequence, otherSequence);
    }
}
