package io.stagehunt.refine;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.event.EventTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops findings that a later report of the same detector about the same host and destination has superseded.
 * Detectors that watch a live stream report a long-lived channel more than once (a beacon every 24 h, and again
 * when it ends); over a finished input the analyst wants the last, fullest view of each channel, not every
 * interim one. Consecutive reports of a channel abut rather than overlap (each covers the check-ins since the one
 * before), so a report that begins within {@link #ABUTTING_GAP_MICROS} of an earlier one's end continues it;
 * reports further apart stay apart: they are separate episodes. The view kept says, in an {@code episode}
 * signal worth no points, how many reports it replaced and since when the channel has been seen. Stateless.
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
        Map<Finding, Finding> replaced = new IdentityHashMap<>();
        for (List<Finding> reports : byChannel.values()) {
            if (reports.size() > 1) {
                replaceWithinEpisodes(reports, replaced);
            }
        }
        if (replaced.isEmpty()) {
            return findings;
        }
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            if (replaced.containsKey(finding)) {
                Finding latest = replaced.get(finding);
                if (latest != null) {
                    kept.add(latest);
                }
            } else {
                kept.add(finding);
            }
        }
        return kept;
    }

    /**
     * Maps each superseded report to null and each view kept in its place to that view with its episode signal.
     * A report is superseded by the first later one that continues it; the episode ends at the report nothing
     * continues.
     */
    private static void replaceWithinEpisodes(List<Finding> reports, Map<Finding, Finding> replaced) {
        reports.sort(Comparator.comparingLong(Finding::lastSeenMicros));
        int[] successor = new int[reports.size()];
        for (int i = 0; i < reports.size(); i++) {
            successor[i] = -1;
            for (int j = i + 1; j < reports.size(); j++) {
                if (reports.get(j).firstSeenMicros() <= reports.get(i).lastSeenMicros() + ABUTTING_GAP_MICROS) {
                    successor[i] = j;
                    break;
                }
            }
        }
        int[] earlier = new int[reports.size()];
        long[] since = new long[reports.size()];
        for (int i = 0; i < reports.size(); i++) {
            since[i] = reports.get(i).firstSeenMicros();
        }
        // successors come later in the order, so one forward pass carries each report's history to its end
        for (int i = 0; i < reports.size(); i++) {
            int next = successor[i];
            if (next >= 0) {
                earlier[next] += earlier[i] + 1;
                since[next] = Math.min(since[next], since[i]);
                replaced.put(reports.get(i), null);
            } else if (earlier[i] > 0) {
                replaced.put(reports.get(i), withEpisode(reports.get(i), earlier[i], since[i]));
            }
        }
    }

    private static Finding withEpisode(Finding latest, int earlierReports, long sinceMicros) {
        List<Signal> signals = new ArrayList<>(latest.signals());
        signals.add(new Signal("episode", "reported " + (earlierReports + 1) + " times; channel seen since "
                + EventTime.iso(sinceMicros), "this is the latest report; the earlier ones covered the time before",
                0));
        return new Finding(latest.uid(), latest.detectorId(), latest.title(), latest.techniques(), latest.host(),
                latest.destination(), latest.firstSeenMicros(), latest.lastSeenMicros(), latest.score(),
                latest.confidence(), latest.reason(), signals, latest.evidence());
    }

    private static String channel(Finding finding) {
        return finding.detectorId() + '|' + finding.host().label() + '|' + finding.destination().label();
    }
}
