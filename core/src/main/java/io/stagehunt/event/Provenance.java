package io.stagehunt.event;

import java.io.Serializable;

/**
 * Where an event came from: the source file (or archive entry) and the record's 1-based line or record number
 * in it, so that every piece of evidence leads back to its raw record.
 */
public record Provenance(SourceFile source, long record) implements Serializable {

    @Override
    public String toString() {
        return source.path() + ":" + record;
    }
}
