package io.stagehunt.detect.dga;

/**
 * A small lossy memo of domain scores, because DNS logs ask for the same names again and again. Direct-mapped:
 * a name's slot holds the last name scored there, so memory is fixed and nothing is ever evicted by hand.
 * Scores are a pure function of the name, so the memo changes no result, only the time taken.
 *
 * <p>Thread-safe: entries are immutable and published by a single reference write, so a reader sees either a
 * whole entry or another one, never a torn one.
 */
final class ScoreMemo {

    private record Entry(String text, DomainScore score) {
    }

    private final DomainScorer scorer;
    private final Entry[] entries;

    ScoreMemo(DomainScorer scorer, int size) {
        this.scorer = scorer;
        this.entries = new Entry[Integer.highestOneBit(Math.max(16, size))];
    }

    DomainScore score(String text) {
        if (text == null) {
            return scorer.score(null);
        }
        int slot = mix(text.hashCode()) & (entries.length - 1);
        Entry entry = entries[slot];
        if (entry != null && entry.text().equals(text)) {
            return entry.score();
        }
        DomainScore score = scorer.score(text);
        entries[slot] = new Entry(text, score);
        return score;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
