package io.stagehunt.ingest.suricata;

/** An EVE record that cannot be mapped; the record is quarantined with this message as reason. */
final class MalformedEveException extends Exception {

    MalformedEveException(String field, String problem) {
        super("field '" + field + "': " + problem);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
