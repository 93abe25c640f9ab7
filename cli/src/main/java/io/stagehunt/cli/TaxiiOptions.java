package io.stagehunt.cli;

import io.stagehunt.intel.feed.FeedLoader;
import io.stagehunt.intel.feed.StandardFeeds;
import io.stagehunt.intel.taxii.TaxiiAuth;
import io.stagehunt.intel.taxii.TaxiiClient;
import io.stagehunt.intel.taxii.TaxiiFeed;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How feeds given as TAXII URLs are fetched. Credentials come from the environment, never from the command
 * line where other users could read them: {@code STAGEHUNT_TAXII_TOKEN} (bearer), or
 * {@code STAGEHUNT_TAXII_USER} and {@code STAGEHUNT_TAXII_PASSWORD} (basic).
 */
final class TaxiiOptions {

    @Option(names = "--taxii-added-after", paramLabel = "TIME",
            description = "Only TAXII objects added after this time (e.g. 2024-01-01T00:00:00Z).")
    private String addedAfter;

    /** A loader of every standard feed format and of TAXII URLs, authenticated from {@code environment}. */
    FeedLoader loader(Map<String, String> environment) {
        return StandardFeeds.loader(List.of(new TaxiiFeed(TaxiiClient.create(auth(environment)), addedAfter)));
    }

    static TaxiiAuth auth(Map<String, String> environment) {
        String token = environment.get("STAGEHUNT_TAXII_TOKEN");
        if (token != null && !token.isBlank()) {
            return TaxiiAuth.bearer(token.strip());
        }
        String user = environment.get("STAGEHUNT_TAXII_USER");
        if (user != null && !user.isBlank()) {
            return TaxiiAuth.basic(user, environment.getOrDefault("STAGEHUNT_TAXII_PASSWORD", ""));
        }
        return TaxiiAuth.NONE;
    }
}
