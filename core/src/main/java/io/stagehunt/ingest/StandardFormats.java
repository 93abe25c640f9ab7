package io.stagehunt.ingest;

import io.stagehunt.ingest.netflow.ArgusCsvFormat;
import io.stagehunt.ingest.zeek.ZeekTsvFormat;
import java.util.List;

/** Every format stagehunt reads, in the order recognition asks them. */
public final class StandardFormats {

    private StandardFormats() {
    }

    public static FormatRegistry registry() {
        return new FormatRegistry(List.of(
                new ZeekTsvFormat(),
                new ArgusCsvFormat()));
    }
}
