package io.stagehunt.intel.taxii;

import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.UrlFeed;
import io.stagehunt.intel.stix.StixObjects;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TAXII 2.1 as a feed source. The URL may name a collection ({@code .../<api-root>/collections/<id>/}), an API
 * root (all its readable collections are read), or a discovery endpoint (the default API root, else the first
 * one, is read). Each collection is one ledger, named by its title. Thread-safe.
 */
public final class TaxiiFeed implements UrlFeed {

    public static final String FORMAT = "taxii21";
    private static final Pattern COLLECTION = Pattern.compile("^(.*/)collections/([^/]+)/?(objects/?)?$");

    private final TaxiiClient client;
    private final String addedAfter;

    /** @param addedAfter only objects added after this TAXII timestamp, or null for all */
    public TaxiiFeed(TaxiiClient client, String addedAfter) {
        this.client = client;
        this.addedAfter = addedAfter;
    }

    @Override
    public boolean handles(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    @Override
    public List<Collection> read(URI url, Contexts contexts) throws IOException {
        Matcher collection = COLLECTION.matcher(url.toString());
        if (collection.matches()) {
            URI apiRoot = URI.create(collection.group(1));
            String id = collection.group(2);
            return List.of(readCollection(apiRoot, id, id, contexts));
        }
        TaxiiClient.Discovery discovery = client.discover(url);
        URI apiRoot = discovery.defaultRoot() != null ? discovery.defaultRoot()
                : discovery.apiRoots().isEmpty() ? null : discovery.apiRoots().get(0);
        if (apiRoot == null) {
            throw new TaxiiException("TAXII server at " + url + " lists no API root");
        }
        List<Collection> read = new ArrayList<>();
        for (TaxiiClient.Collection available : client.collections(apiRoot)) {
            if (available.canRead()) {
                String title = available.title() != null ? available.title() : available.id();
                read.add(readCollection(apiRoot, available.id(), title, contexts));
            }
        }
        if (read.isEmpty()) {
            throw new TaxiiException("TAXII API root " + apiRoot + " has no readable collection");
        }
        return read;
    }

    private Collection readCollection(URI apiRoot, String id, String title, Contexts contexts) throws IOException {
        String displayPath = TaxiiClient.directory(apiRoot) + "collections/" + id + "/";
        FeedContext context = contexts.open(displayPath, title);
        context.account().format(FORMAT);
        StixObjects objects = new StixObjects(context, FORMAT);
        long[] position = {0};
        try {
            client.objects(apiRoot, id, addedAfter, object -> objects.accept(object, ++position[0]));
        } finally {
            objects.finish();
        }
        return new Collection(displayPath, title);
    }
}
