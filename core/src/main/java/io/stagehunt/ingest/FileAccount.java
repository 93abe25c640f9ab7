package io.stagehunt.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger of one input: every record read ends in exactly one of produced, skipped by design or
 * quarantined. {@code read} is counted where records are split off the input, independently of the outcomes,
 * so that {@link #balanced()} is a real check and not a tautology. Not thread-safe.
 */
public final class FileAccount {

    /** Quarantine samples kept per input; the counts stay exact beyond it. */
    public static final int MAX_SAMPLES = 20;
    private static final int MAX_EXCERPT = 200;
    /** Distinct reasons counted by name; reasons beyond it (they may quote values) share one count. */
    private static final int MAX_REASONS = 50;
    private static final String OTHER_REASONS = "(other reasons)";

    private final String path;
    private String format;
    private String note;
    private long read;
    private long produced;
    private long skipped;
    private long quarantined;
    private long events;
    private long bytes;
    private final Map<String, Long> skipReasons = new TreeMap<>();
    private final Map<String, Long> quarantineReasons = new TreeMap<>();
    private final List<QuarantineEntry> samples = new ArrayList<>();

    public FileAccount(String path) {
        this.path = path;
    }

    /** One quarantined record: where it was, why, and the start of its raw text (escaped for display). */
    public record QuarantineEntry(String file, long line, String reason, String excerpt) {
    }

    public void recordRead() {
        read++;
    }

    public void recordProduced() {
        produced++;
        events++;
    }

    /** A record that yielded more than one event: counts once as a record, each time as an event. */
    public void recordExtraEvent() {
        events++;
    }

    public void recordSkipped(String reason) {
        skipped++;
        count(skipReasons, reason);
    }

    public void recordQuarantined(long line, String reason, String excerpt) {
        quarantined++;
        count(quarantineReasons, reason);
        if (samples.size() < MAX_SAMPLES) {
            samples.add(new QuarantineEntry(path, line, reason, printable(excerpt)));
        }
    }

    private static void count(Map<String, Long> counts, String reason) {
        String key = counts.containsKey(reason) || counts.size() < MAX_REASONS ? reason : OTHER_REASONS;
        counts.merge(key, 1L, Long::sum);
    }

    public void addBytes(long count) {
        bytes += count;
    }

    public void format(String id) {
        this.format = id;
    }

    public void note(String text) {
        this.note = text;
    }

    public boolean balanced() {
        return read == produced + skipped + quarantined;
    }

    public String path() {
        return path;
    }

    public String format() {
        return format;
    }

    public String note() {
        return note;
    }

    public long read() {
        return read;
    }

    public long produced() {
        return produced;
    }

    public long skippedByDesign() {
        return skipped;
    }

    public long quarantined() {
        return quarantined;
    }

    public long events() {
        return events;
    }

    public long bytes() {
        return bytes;
    }

    public Map<String, Long> skipReasons() {
        return Collections.unmodifiableMap(skipReasons);
    }

    public Map<String, Long> quarantineReasons() {
        return Collections.unmodifiableMap(quarantineReasons);
    }

    public List<QuarantineEntry> samples() {
        return Collections.unmodifiableList(samples);
    }

    /** Cuts and escapes attacker-controlled bytes so that a sample is safe to print anywhere as plain text. */
    static String printable(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_EXCERPT) + 8);
        for (int i = 0; i < raw.length() && out.length() < MAX_EXCERPT; i++) {
            char c = raw.charAt(i);
            if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFFFD) {
                out.append(String.format("\\x%02x", (int) c & 0xFF));
            } else {
                out.append(c);
            }
        }
        if (raw.length() > MAX_EXCERPT) {
            out.append("...");
        }
        return out.toString();
    }
}
