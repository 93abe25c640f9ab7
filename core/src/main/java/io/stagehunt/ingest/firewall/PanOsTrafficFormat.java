package io.stagehunt.ingest.firewall;

import io.stagehunt.ingest.DecodedInput;
import io.stagehunt.ingest.Head;
import io.stagehunt.ingest.LogFormat;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import java.io.IOException;
import java.util.Objects;

/**
 * Palo Alto Networks PAN-OS logs in the syslog CSV format, of which TRAFFIC logs are read. Recognized when they are the most common firewall dialect in the head of an input; the reader also
 * reads the other firewall dialects mixed into the same file. Immutable and thread-safe.
 */
public final class PanOsTrafficFormat implements LogFormat {

    public static final String ID = "panos-traffic";

    private final FirewallSettings settings;

    public PanOsTrafficFormat() {
        this(FirewallSettings.DEFAULTS);
    }

    public PanOsTrafficFormat(FirewallSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int recognize(Head head) {
        return FirewallDialect.confidence(head, FirewallDialect.PANOS);
    }

    @Override
    public RecordReader open(DecodedInput input, ReadContext context) throws IOException {
        return new FirewallLogReader(input.openDecoded(), context, settings);
    }
}
