package io.stagehunt.intel.feed;

import io.stagehunt.ingest.FileAccount;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.IndicatorIndex;
import java.util.List;

/**
 * The result of loading feeds: the indicators, the benign lists, and one ledger per file or collection read.
 * Immutable apart from the ledgers, which nothing changes after loading.
 */
public record LoadedIntel(IndicatorIndex indicators, BenignList benign, List<FileAccount> files) {

    public LoadedIntel {
        files = List.copyOf(files);
    }

    public static LoadedIntel empty() {
        return new LoadedIntel(IndicatorIndex.empty(), BenignList.empty(), List.of());
    }

    /** Files that no format could read, or that failed before yielding anything. */
    public List<FileAccount> refusedFiles() {
        return files.stream().filter(account -> account.format() == null).toList();
    }
}
