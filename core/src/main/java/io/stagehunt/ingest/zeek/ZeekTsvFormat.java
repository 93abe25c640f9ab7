package io.stagehunt.ingest.zeek;

import io.stagehunt.ingest.DecodedInput;
import io.stagehunt.ingest.Head;
import io.stagehunt.ingest.LogFormat;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import java.io.IOException;

/** Zeek's tab-separated writer: a {@code #separator} line, then {@code #fields}/{@code #types} headers. */
public final class ZeekTsvFormat implements LogFormat {

    public static final String ID = "zeek-tsv";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int recognize(Head head) {
        String first = head.lines(1).isEmpty() ? "" : head.lines(1).get(0).stripLeading();
        if (first.startsWith("#separator ")) {
            return 100;
        }
        return first.startsWith("#fields\t") ? 90 : 0;
    }

    @Override
    public RecordReader open(DecodedInput input, ReadContext context) throws IOException {
        return new ZeekTsvReader(input.openDecoded(), context);
    }
}
