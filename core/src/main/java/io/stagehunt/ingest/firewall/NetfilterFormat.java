package io.stagehunt.ingest.firewall;

import io.stagehunt.ingest.DecodedInput;
import io.stagehunt.ingest.Head;
import io.stagehunt.ingest.LogFormat;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import java.io.IOException;
import java.util.Objects;

/**
 * Linux netfilter (iptables, nftables, UFW, firewalld) packet logs in a kernel or ulogd syslog stream. Recognized when they are the most common firewall dialect in the head of an input; the reader also
 * reads the other firewall dialects mixed into the same file. Immutable and thread-safe.
 */
public final class NetfilterFormat implements LogFormat {

    public static final String ID = "netfilter-syslog";

    private final FirewallSettings settings;

    public NetfilterFormat() {
        this(FirewallSettings.DEFAULTS);
    }

    public NetfilterFormat(FirewallSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int recognize(Head head) {
        return FirewallDialect.confidence(head, FirewallDialect.NETFILTER);
    }

    @Override
    public RecordReader open(DecodedInput input, ReadContext context) throws IOException {
        return new FirewallLogReader(input.openDecoded(), context, settings);
    }
}
