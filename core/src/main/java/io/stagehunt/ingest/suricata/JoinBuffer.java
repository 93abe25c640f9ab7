package io.stagehunt.ingest.suricata;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records waiting for their partners (a DNS query for its answer, one half of a netflow pair for the other),
 * keyed by what they share, bounded in size and in age. An entry leaves when its owner completes it, when it
 * is both older than the time window (in event time) and further back than {@code minRecords} records (EVE
 * files need not be in time order, but partners are written close together), when the buffer is full (oldest
 * first), or at the end of the input; whatever leaves is handed to the release callback. Not thread-safe.
 *
 * @param <E> the entry type
 */
final class JoinBuffer<E extends JoinBuffer.Pending> {

    /** An entry's place in time and in the input, fixed when it was created. */
    interface Pending {
        long firstMicros();

        long firstRecord();
    }

    private final LinkedHashMap<String, E> entries = new LinkedHashMap<>();
    private final int capacity;
    private final long windowMicros;
    private final long minRecords;
    private final Consumer<E> release;

    JoinBuffer(int capacity, long windowMicros, long minRecords, Consumer<E> release) {
        this.capacity = capacity;
        this.windowMicros = windowMicros;
        this.minRecords = minRecords;
        this.release = release;
    }

    E get(String key) {
        return entries.get(key);
    }

    /** Adds an entry, or replaces one (which then counts as the newest); a full buffer releases its oldest. */
    void put(String key, E entry) {
        if (entries.remove(key) == null && entries.size() >= capacity) {
            Iterator<E> oldest = entries.values().iterator();
            E evicted = oldest.next();
            oldest.remove();
            release.accept(evicted);
        }
        entries.put(key, entry);
    }

    /** Removes an entry without releasing it. */
    E remove(String key) {
        return entries.remove(key);
    }

    int size() {
        return entries.size();
    }

    /** Releases the entries that aged out, given the newest event time and the current record number. */
    void expire(long newestMicros, long record) {
        Iterator<Map.Entry<String, E>> iterator = entries.entrySet().iterator();
        while (iterator.hasNext()) {
            E entry = iterator.next().getValue();
            boolean old = newestMicros - entry.firstMicros() > windowMicros
                    && record - entry.firstRecord() > minRecords;
            if (!old) {
                return;
            }
            iterator.remove();
            release.accept(entry);
        }
    }

    /** Releases every entry, oldest first. */
    void drain() {
        Iterator<E> iterator = entries.values().iterator();
        while (iterator.hasNext()) {
            E entry = iterator.next();
            iterator.remove();
            release.accept(entry);
        }
    }
}
