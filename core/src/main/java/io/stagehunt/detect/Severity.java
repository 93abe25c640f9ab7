package io.stagehunt.detect;

/** OCSF severity ids, kept apart from confidence: how bad it would be, not how sure we are. */
public enum Severity {
    INFORMATIONAL(1), LOW(2), MEDIUM(3), HIGH(4), CRITICAL(5);

    private final int ocsfId;

    Severity(int ocsfId) {
        this.ocsfId = ocsfId;
    }

    public int ocsfId() {
        return ocsfId;
    }

    /** The band a 0..1 risk score falls in. */
    public static Severity ofScore(double score) {
        if (score >= 0.9) {
            return CRITICAL;
        }
        if (score >= 0.7) {
            return HIGH;
        }
        if (score >= 0.4) {
            return MEDIUM;
        }
        if (score >= 0.2) {
            return LOW;
        }
        return INFORMATIONAL;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
