package io.stagehunt.ingest.zeek;

/** A field value that does not parse as its type; the record is quarantined with this message as reason. */
final class MalformedFieldException extends Exception {

    MalformedFieldException(String field, String problem) {
        super("field '" + field + "': " + problem);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
