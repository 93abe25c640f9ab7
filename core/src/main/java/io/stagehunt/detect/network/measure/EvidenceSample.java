package io.stagehunt.detect.network.measure;

import io.stagehunt.event.Provenance;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The first {@code capacity} raw records behind an observation, so a finding can point at them without the
 * state growing with the traffic. The first records are kept (not a random sample) because they show how the
 * behaviour began, and because the same input then always gives the same evidence. Not thread-safe.
 */
public final class EvidenceSample implements Serializable {

    private final int capacity;
    private final List<Provenance> records;
    private long offered;

    public EvidenceSample(int capacity) {
        this.capacity = capacity;
        this.records = new ArrayList<>(Math.min(capacity, 4));
    }

    public void offer(Provenance provenance) {
        offered++;
        if (provenance != null && records.size() < capacity) {
            records.add(provenance);
        }
    }

    /** The kept records, in the order offered. */
    public List<Provenance> records() {
        return List.copyOf(records);
    }

    /** How many records were offered in all, kept or not. */
    public long offered() {
        return offered;
    }

    public void clear() {
        records.clear();
        offered = 0;
    }
}
