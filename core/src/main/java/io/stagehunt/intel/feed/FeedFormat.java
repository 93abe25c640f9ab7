package io.stagehunt.intel.feed;

import io.stagehunt.ingest.Head;
import java.io.IOException;

/**
 * A threat-intelligence file format: it recognizes its own content and reads it into a {@link FeedContext}.
 * Implementations are stateless and thread-safe.
 */
public interface FeedFormat {

    /** A stable id for reports ({@code stix21}, {@code urlhaus-csv}). */
    String id();

    /** What an analyst calls it ({@code STIX 2.1 bundle}, {@code abuse.ch URLhaus CSV}). */
    String label();

    /**
     * How sure this format is that {@code head} (the first bytes of the decompressed file) is its own: 0 not at
     * all, 100 certain. Must never throw on arbitrary bytes.
     */
    int recognize(Head head);

    /**
     * Reads the whole input, reporting each record's outcome to the context. Throws {@link IOException} only
     * when the input cannot be read any further (the records before stay loaded).
     */
    void read(FeedInput input, FeedContext context) throws IOException;
}
