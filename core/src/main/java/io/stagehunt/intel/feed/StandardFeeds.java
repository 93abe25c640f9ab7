package io.stagehunt.intel.feed;

import io.stagehunt.intel.abusech.FeodoJsonFormat;
import io.stagehunt.intel.abusech.IpBlocklistCsvFormat;
import io.stagehunt.intel.abusech.MalwareBazaarCsvFormat;
import io.stagehunt.intel.abusech.SslblCertificateCsvFormat;
import io.stagehunt.intel.abusech.SslblJa3CsvFormat;
import io.stagehunt.intel.abusech.ThreatFoxJsonFormat;
import io.stagehunt.intel.abusech.UrlhausCsvFormat;
import io.stagehunt.intel.misp.MispEventFormat;
import io.stagehunt.intel.misp.MispHashesFormat;
import io.stagehunt.intel.misp.MispManifestFormat;
import io.stagehunt.intel.misp.WarninglistFormat;
import io.stagehunt.intel.plain.BambenekFormat;
import io.stagehunt.intel.plain.PlainListFormat;
import io.stagehunt.intel.plain.TopListFormat;
import io.stagehunt.intel.plain.ViriBackCsvFormat;
import io.stagehunt.intel.stix.StixBundleFormat;
import io.stagehunt.net.PublicSuffixList;
import java.util.List;

/**
 * Every feed format stagehunt reads, in the order recognition asks them (earlier ones win ties). Stateless.
 */
public final class StandardFeeds {

    private StandardFeeds() {
    }

    public static List<FeedFormat> formats() {
        return List.of(
                new StixBundleFormat(),
                new MispEventFormat(),
                new MispManifestFormat(),
                new MispHashesFormat(),
                new WarninglistFormat(),
                new ThreatFoxJsonFormat(),
                new FeodoJsonFormat(),
                new UrlhausCsvFormat(),
                new IpBlocklistCsvFormat(),
                new SslblCertificateCsvFormat(),
                new SslblJa3CsvFormat(),
                new MalwareBazaarCsvFormat(),
                new ViriBackCsvFormat(),
                new BambenekFormat(),
                new TopListFormat(),
                new PlainListFormat());
    }

    /** A loader of files and folders in every standard format, and of the given URL feeds. */
    public static FeedLoader loader(List<UrlFeed> urlFeeds) {
        return new FeedLoader(formats(), urlFeeds, PublicSuffixList.bundled());
    }
}
