package io.stagehunt.ingest.netflow;

import io.stagehunt.ingest.DecodedInput;
import io.stagehunt.ingest.Head;
import io.stagehunt.ingest.LogFormat;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Argus bidirectional NetFlow as delimited text ({@code StartTime,Dur,Proto,SrcAddr,Sport,Dir,DstAddr,...}),
 * recognized by its header line. Immutable and thread-safe.
 */
public final class ArgusCsvFormat implements LogFormat {

    public static final String ID = "argus-csv";

    /**
     * How to read what the records leave unsaid.
     *
     * @param zone the zone of the zone-less {@code StartTime} values: the zone of the machine that ran
     *             {@code ra}, which the file does not record
     */
    public record Settings(ZoneId zone) {

        public static final Settings DEFAULTS = new Settings(ZoneOffset.UTC);

        public Settings {
            Objects.requireNonNull(zone, "zone");
        }
    }

    private final Settings settings;

    public ArgusCsvFormat() {
        this(Settings.DEFAULTS);
    }

    public ArgusCsvFormat(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int recognize(Head head) {
        List<String> lines = head.lines(1);
        if (lines.isEmpty()) {
            return 0;
        }
        return ArgusHeader.parse(lines.get(0)) != null ? 95 : 0;
    }

    @Override
    public RecordReader open(DecodedInput input, ReadContext context) throws IOException {
        return new ArgusCsvReader(input.openDecoded(), context, settings);
    }
}
