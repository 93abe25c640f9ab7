package io.stagehunt.ingest;

import io.stagehunt.ingest.suricata.SuricataEveFormat;
import io.stagehunt.ingest.zeek.ZeekJsonFormat;
import io.stagehunt.ingest.firewall.CefFormat;
import io.stagehunt.ingest.firewall.FilterlogFormat;
import io.stagehunt.ingest.firewall.NetfilterFormat;
import io.stagehunt.ingest.firewall.PanOsTrafficFormat;
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
                new ZeekJsonFormat(),
                new SuricataEveFormat(),
                new ArgusCsvFormat(),
                new NetfilterFormat(),
                new FilterlogFormat(),
                new PanOsTrafficFormat(),
                new CefFormat()));
    }
}
