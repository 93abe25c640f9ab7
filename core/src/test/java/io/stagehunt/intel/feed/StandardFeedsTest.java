package io.stagehunt.intel.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.ingest.FileAccount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every format on a small sample written after its vendor's documentation: recognized by content, counted. */
class StandardFeedsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // file,                          format,            read, produced, entries, skipped, refused
            "feeds/stix-bundle.json,          stix21,              17,  6,  8,  9, 2",
            "feeds/misp-event.json,           misp-event,          10,  6,  7,  3, 1",
            "feeds/warninglist-hostname.json, misp-warninglist,     4,  3,  3,  0, 1",
            "feeds/warninglist-cidr.json,     misp-warninglist,     3,  3,  3,  0, 0",
            "feeds/warninglist-dynamic-dns.json, misp-warninglist,  2,  2,  2,  0, 0",
            "feeds/urlhaus.csv,               urlhaus-csv,         14,  3,  3,  9, 2",
            "feeds/feodo.csv,                 abusech-ip-csv,      12,  2,  2,  9, 1",
            "feeds/sslbl-ip.csv,              abusech-ip-csv,      11,  2,  2,  9, 0",
            "feeds/feodo.json,                feodo-json,           2,  1,  1,  0, 1",
            "feeds/threatfox.json,            threatfox-json,       4,  3,  3,  0, 1",
            "feeds/threatfox-api.json,        threatfox-json,       1,  1,  1,  0, 0",
            "feeds/sslbl-sha1.csv,            sslbl-sha1-csv,      12,  2,  2,  9, 1",
            "feeds/sslbl-ja3.csv,             sslbl-ja3-csv,       11,  2,  2,  9, 0",
            "feeds/malwarebazaar.csv,         malwarebazaar-csv,   11,  1,  3,  9, 1",
            "feeds/plain-list.txt,            plain-list,          13,  8,  8,  4, 1",
            "feeds/bambenek.txt,              bambenek-csv,        13,  3,  3, 10, 0",
            "feeds/viriback.csv,              viriback-csv,         3,  1,  2,  1, 1",
            "feeds/toplist.csv,               top-list-csv,         4,  4,  4,  0, 0",
            "misp-feed/manifest.json,         misp-manifest,        2,  0,  0,  1, 1",
            "misp-feed/hashes.csv,            misp-hashes,          2,  0,  0,  2, 0",
    })
    void recognizesEachFormatByContentAndAccountsForEveryRecord(String file, String format, long read,
            long produced, long entries, long skipped, long refused) {
        FileAccount account = FeedFixtures.account(FeedFixtures.load(file));
        assertThat(account.format()).isEqualTo(format);
        assertThat(account.note()).isNull();
        assertThat(new long[] {account.read(), account.produced(), account.events(), account.skippedByDesign(),
                account.quarantined()}).containsExactly(read, produced, entries, skipped, refused);
        assertThat(account.balanced()).isTrue();
        assertThat(account.quarantineReasons().keySet()).allSatisfy(reason -> assertThat(reason).doesNotContain("\n"));
    }
}
