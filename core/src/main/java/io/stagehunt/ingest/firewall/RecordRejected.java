package io.stagehunt.ingest.firewall;

/**
 * Why a line gave no event: either by design (another program's line, a log type not modeled) or because it is
 * malformed, in which case it is quarantined with this message as the reason. Carries no stack trace: it is an
 * expected outcome on bad input, not a bug.
 */
final class RecordRejected extends Exception {

    private final boolean byDesign;

    private RecordRejected(String reason, boolean byDesign) {
        super(reason);
        this.byDesign = byDesign;
    }

    static RecordRejected malformed(String reason) {
        return new RecordRejected(reason, false);
    }

    static RecordRejected notModeled(String reason) {
        return new RecordRejected(reason, true);
    }

    boolean byDesign() {
        return byDesign;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
