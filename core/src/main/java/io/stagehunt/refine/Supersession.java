package io.stagehunt.refine;

import io.stagehunt.detect.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops findings that a later report of the same detector about the same host and destination has superseded.
 * Detectors that watch a live stream report a long-lived channel more than once (a beacon every 24 h, and again
 * when it ends); over a finished input the analyst wants the last, fullest view of each channel, not every
 * interim one. Consecutive reports of a channel abut rather than overlap (each covers the check-ins since the one
 * before), so a report that begins within {@link #ABUTTING_GAP_MICROS} of an earlier one's end continues it;
 * reports further apart stay apart: they are separate episodes. Stateless.
 */
public final class Supersession {

    /** How far apart two reports may be and still be views of one episode: a beacon's period is mostly less. */
    static final long ABUTTING_GAP_MICROS = 3_600_000_000L;

    private Supersession() {
    }

    /** The findings without those superseded, in their original order. */
    public static List<Finding> latestViews(List<Finding> findings) {
        Map<String, List<Finding>> byChannel = new HashMap<>();
        for (Finding finding : findings) {
            byChannel.computeIfAbsent(channel(finding), ignored -> new ArrayList<>()).add(finding);
        }
        List<Finding> superseded = new ArrayList<>();
        for (List<Finding> reports : byChannel.values()) {
            reports.sort(Comparator.comparingLong(Finding::lastSeenMicros));
            for (int i = 0; i < reports.size() - 1; i++) {
                Finding earlier = reports.get(i);
                for (int j = i + 1; j < reports.size(); j++) {
                    if (reports.get(j).firstSeenMicros() <= earlier.lastSeenMicros() + ABUTTING_GAP_MICROS) {
                        superseded.add(earlier);
                        break;
                    }
                }
            }
        }
        if (superseded.isEmpty()) {
            return findings;
        }
        List<Finding> kept = new ArrayList<>(findings);
        kept.removeAll(superseded);
        return kept;
    }

    private static String channel(Finding finding) {
        return finding.detectorId() + '|' + finding.host().label() + '|' + finding.destination().label();
    }
}
