package io.stagehunt.intel.feed;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * A feed fetched from a URL (a TAXII collection), as opposed to a file. Fetching is kept apart from matching:
 * a URL feed only turns what it fetches into records for a {@link FeedContext}.
 */
public interface UrlFeed {

    /** True when this reader serves the URL. */
    boolean handles(URI url);

    /**
     * Fetches everything the URL names and reads it; one {@link Collection} per collection read. Throws
     * {@link IOException} with a one-line reason when the server cannot be used at all.
     */
    List<Collection> read(URI url, Contexts contexts) throws IOException;

    /** Makes the context, and so the ledger, of one collection. */
    @FunctionalInterface
    interface Contexts {
        FeedContext open(String displayPath, String feedName);
    }

    /** What was read from one collection. */
    record Collection(String displayPath, String feedName) {
    }
}
