package io.stagehunt.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benign destinations of the simulated office, with Zipf-like popularity: a few sites take most visits,
 * as in every real proxy log. Addresses are derived from the names, so they are stable across runs.
 */
final class DomainCatalog {

    /** A destination: its name, addresses, and whether browsers reach it over plain HTTP. */
    record Site(String name, List<String> addresses, boolean plainHttp) {
    }

    private static final String[] NAMES = {
        "www.google.com", "outlook.office365.com", "teams.microsoft.com", "login.microsoftonline.com",
        "www.youtube.com", "fonts.googleapis.com", "www.gstatic.com", "acme.sharepoint.com", "graph.microsoft.com",
        "github.com", "api.github.com", "stackoverflow.com", "cdn.sstatic.net", "en.wikipedia.org",
        "upload.wikimedia.org", "www.linkedin.com", "static.licdn.com", "app.slack.com", "slack.com", "zoom.us",
        "www.bing.com", "i.ytimg.com", "acme.atlassian.net", "id.atlassian.com", "www.office.com",
        "acme-my.sharepoint.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com", "ajax.googleapis.com",
        "www.amazon.com", "images-na.ssl-images-amazon.com", "login.salesforce.com", "acme.my.salesforce.com",
        "www.dropbox.com", "www.reddit.com", "www.nytimes.com", "www.bbc.co.uk", "news.ycombinator.com",
        "docs.python.org", "d2x3xhvgiqkx42.cloudfront.net", "s3.amazonaws.com", "www.paypal.com", "abs.twimg.com",
        "www.adobe.com", "acrobat.adobe.com", "mail.google.com", "docs.google.com", "drive.google.com",
        "apis.google.com", "www.atlassian.com", "status.slack-edge.com", "a.slack-edge.com", "www.wikipedia.org",
        "www.weather.com", "www.theguardian.com", "assets.guim.co.uk", "www.cnn.com", "edition.cnn.com",
        "www.mozilla.org", "support.microsoft.com", "learn.microsoft.com", "portal.azure.com",
        "management.azure.com", "console.aws.amazon.com", "signin.aws.amazon.com", "www.notion.so",
        "miro.com", "www.figma.com", "static.figma.com", "www.canva.com", "www.duckduckgo.com",
        "www.booking.com", "www.ebay.com", "ir.ebaystatic.com", "www.imdb.com", "m.media-amazon.com",
        "www.spotify.com", "open.spotify.com", "i.scdn.co", "www.twitch.tv", "static.twitchcdn.net",
        "example.com", "www.iana.org", "developer.mozilla.org", "www.w3.org", "jquery.com", "code.jquery.com",
        "www.php.net", "pypi.org", "files.pythonhosted.org", "registry.npmjs.org", "www.npmjs.com",
        "repo.maven.apache.org", "www.oracle.com", "www.ibm.com", "www.cisco.com", "www.intel.com"};

    /** Public ranges of large hosting and CDN providers, used as plausible homes for the sites. */
    private static final int[][] PREFIXES = {
        {142, 250}, {172, 217}, {52, 96}, {52, 113}, {13, 107}, {20, 190}, {140, 82}, {151, 101}, {104, 16},
        {104, 18}, {185, 199}, {99, 86}, {18, 160}, {3, 5}, {23, 32}, {199, 232}, {162, 247}, {34, 120}};

    private final List<Site> sites = new ArrayList<>();
    private final double[] cumulative;

    DomainCatalog() {
        double total = 0;
        cumulative = new double[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            String name = NAMES[i];
            Random derived = new Random(name.hashCode() * 31L + 7);
            int[] prefix = PREFIXES[derived.nextInt(PREFIXES.length)];
            List<String> addresses = new ArrayList<>();
            int count = 1 + derived.nextInt(2);
            for (int a = 0; a < count; a++) {
                addresses.add(prefix[0] + "." + prefix[1] + "." + derived.nextInt(256) + "." + (1 + derived.nextInt(254)));
            }
            boolean plain = name.startsWith("www.") && derived.nextInt(5) == 0 || name.equals("example.com");
            sites.add(new Site(name, addresses, plain));
            total += 1.0 / Math.pow(i + 1, 0.9);
            cumulative[i] = total;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
    }

    /** A site drawn by popularity. */
    Site pick(Random random) {
        double draw = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (draw <= cumulative[i]) {
                return sites.get(i);
            }
        }
        return sites.get(sites.size() - 1);
    }

    Site named(String name) {
        for (Site site : sites) {
            if (site.name().equals(name)) {
                return site;
            }
        }
        throw new IllegalArgumentException("no site " + name);
    }
}
