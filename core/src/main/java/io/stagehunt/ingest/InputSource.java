package io.stagehunt.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * One readable input: a file, or a member of an archive, named as an analyst would find it
 * ({@code logs/2024-01-02.zip!/conn.log}). {@link #open()} returns the raw bytes as stored; decompression is
 * decided from content by {@link InputDiscovery}.
 */
public interface InputSource {

    String displayPath();

    /** The stored size in bytes, or -1 when unknown without reading (archive members). */
    long sizeBytes();

    InputStream open() throws IOException;
}
