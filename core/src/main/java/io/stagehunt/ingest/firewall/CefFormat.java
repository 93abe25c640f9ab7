package io.stagehunt.ingest.firewall;

import io.stagehunt.ingest.DecodedInput;
import io.stagehunt.ingest.Head;
import io.stagehunt.ingest.LogFormat;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import java.io.IOException;
import java.util.Objects;

/**
 * ArcSight Common Event Format records, over syslog or bare, of which firewall decisions are read. Recognized when they are the most common firewall dialect in the head of an input; the reader also
 * reads the other firewall dialects mixed into the same file. Immutable and thread-safe.
 */
public final class CefFormat implements LogFormat {

    public static final String ID = "cef";

    private final FirewallSettings settings;

    public CefFormat() {
        this(FirewallSettings.DEFAULTS);
    }

    public CefFormat(FirewallSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int recognize(Head head) {
        return FirewallDialect.confidence(head, FirewallDialect.CEF);
    }

    @Override
    public RecordReader open(DecodedInput input, ReadContext context) throws IOException {
        return new FirewallLogReader(input.openDecoded(), context, settings);
    }
}
