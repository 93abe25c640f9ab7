package io.stagehunt.ingest;

import java.io.IOException;

/**
 * A log format stagehunt reads: it recognizes its own content and opens readers over it. Implementations are
 * stateless and thread-safe; all per-input state lives in the {@link RecordReader}.
 */
public interface LogFormat {

    /** A stable id written to {@code ingest.json}, e.g. {@code zeek-tsv}, {@code suricata-eve}. */
    String id();

    /**
     * How sure this format is that {@code head} (the first bytes of the decompressed input, possibly cut in the
     * middle of a record) is its own: 0 not at all, 100 certain. Must never throw on arbitrary bytes.
     */
    int recognize(Head head);

    /** Opens a reader over the decompressed content; the reader owns and closes the stream. */
    RecordReader open(DecodedInput input, ReadContext context) throws IOException;
}
