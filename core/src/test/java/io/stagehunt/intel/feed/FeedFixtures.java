package io.stagehunt.intel.feed;

import io.stagehunt.ingest.FileAccount;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** The feed samples under {@code src/test/resources/io/stagehunt/intel}, and loading them. */
public final class FeedFixtures {

    private FeedFixtures() {
    }

    public static Path path(String relative) {
        URL url = FeedFixtures.class.getResource("/io/stagehunt/intel/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LoadedIntel load(String... relatives) {
        return StandardFeeds.loader(List.of()).load(java.util.Arrays.stream(relatives)
                .map(relative -> path(relative).toString()).toList());
    }

    /** The ledger of the one file loaded. */
    public static FileAccount account(LoadedIntel intel) {
        if (intel.files().size() != 1) {
            throw new IllegalStateException("expected one file, got " + intel.files().size());
        }
        return intel.files().get(0);
    }
}
