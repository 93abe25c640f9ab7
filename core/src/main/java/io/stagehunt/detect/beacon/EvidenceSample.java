package io.stagehunt.detect.beacon;

import io.stagehunt.event.Provenance;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A bounded sample of the raw records behind a channel: the first two and the latest three. */
final class EvidenceSample implements Serializable {

    private static final int FIRST = 2;
    private static final int LATEST = 3;

    private final Provenance[] first = new Provenance[FIRST];
    private final Provenance[] latest = new Provenance[LATEST];
    private int firstCount;
    private long latestCount;

    void add(Provenance provenance) {
        if (provenance == null) {
            return;
        }
        if (firstCount < FIRST) {
            first[firstCount++] = provenance;
            return;
        }
        latest[(int) (latestCount++ % LATEST)] = provenance;
    }

    List<Provenance> toList() {
        List<Provenance> sample = new ArrayList<>(FIRST + LATEST);
        for (int i = 0; i < firstCount; i++) {
            sample.add(first[i]);
        }
        int kept = (int) Math.min(latestCount, LATEST);
        for (int i = 0; i < kept; i++) {
            Provenance provenance = latest[(int) ((latestCount - kept + i) % LATEST)];
            if (!sample.contains(provenance)) {
                sample.add(provenance);
            }
        }
        return sample;
    }
}
