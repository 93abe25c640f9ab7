package io.stagehunt.ingest;

import java.util.List;

/**
 * The formats a run can read, asked in order; the most confident one that is at least
 * {@link #MIN_CONFIDENCE} sure wins, and earlier formats win ties. Immutable.
 */
public final class FormatRegistry {

    public static final int MIN_CONFIDENCE = 50;

    private final List<LogFormat> formats;

    public FormatRegistry(List<LogFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    public List<LogFormat> formats() {
        return formats;
    }

    /** The format of this content, or null when none is sure enough. */
    public LogFormat recognize(Head head) {
        LogFormat best = null;
        int bestConfidence = MIN_CONFIDENCE - 1;
        for (LogFormat format : formats) {
            int confidence;
            try {
                confidence = format.recognize(head);
            } catch (RuntimeException e) {
                confidence = 0;
            }
            if (confidence > bestConfidence) {
                best = format;
                bestConfidence = confidence;
            }
        }
        return best;
    }
}
