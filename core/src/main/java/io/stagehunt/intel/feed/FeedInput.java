package io.stagehunt.intel.feed;

import io.stagehunt.ingest.Head;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * One feed file, past any compression.
 *
 * @param displayPath the path as the analyst gave it, for reports
 * @param feedName the feed's name in findings: the file name
 * @param file the file on disk, for formats that look at their siblings (a MISP feed manifest); null when the
 *     content does not come from a plain file
 * @param head the first bytes, as recognition saw them (CSV feeds find their column names there)
 */
public record FeedInput(String displayPath, String feedName, Path file, Opener opener, Head head) {

    /** Opens the decompressed content; each call starts from the beginning. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }
}
