package io.stagehunt.intel;

import java.util.List;

/**
 * Who lists an indicator and what they attribute it to. Many indicators share one attribution (a feed file
 * lists thousands of values of a few families), so the index stores each distinct attribution once.
 *
 * @param feed the feed's name as the analyst loaded it (a file name, a TAXII collection title)
 * @param format the feed format's id ({@code stix21}, {@code urlhaus-csv} ...)
 * @param malware the malware family or infrastructure the feed names, null when it names none
 * @param tags the feed's own labels (threat types, indicator types, tags), possibly empty
 */
public record Attribution(String feed, String format, String malware, List<String> tags) {

    public Attribution {
        tags = List.copyOf(tags);
    }

    public static Attribution of(String feed, String format) {
        return new Attribution(feed, format, null, List.of());
    }

    public Attribution withMalware(String family) {
        return new Attribution(feed, format, family, tags);
    }

    public Attribution withTags(List<String> labels) {
        return new Attribution(feed, format, malware, labels);
    }
}
