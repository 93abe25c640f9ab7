package io.stagehunt.intel.abusech;

import io.stagehunt.intel.FeedText;

/** How SSLBL names families in its listing reasons. */
final class Sslbl {

    private Sslbl() {
    }

    /** {@code AsyncRAT C&C} → {@code AsyncRAT}; other reasons as they are; null when empty. */
    static String family(String reason) {
        String label = FeedText.label(reason);
        if (label == null) {
            return null;
        }
        for (String suffix : new String[] {" C&C", " C2", " botnet C&C"}) {
            if (label.endsWith(suffix) && label.length() > suffix.length()) {
                return label.substring(0, label.length() - suffix.length());
            }
        }
        return label;
    }
}
