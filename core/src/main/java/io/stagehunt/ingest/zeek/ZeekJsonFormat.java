package io.stagehunt.ingest.zeek;

import io.stagehunt.ingest.DecodedInput;
import io.stagehunt.ingest.Head;
import io.stagehunt.ingest.LogFormat;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import io.stagehunt.ingest.json.IsoTime;
import io.stagehunt.ingest.json.JsonHead;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Zeek's JSON writer: one JSON object per line with a {@code ts} (epoch seconds, milliseconds or ISO-8601),
 * dotted ({@code id.orig_h}) or underscore ({@code id_orig_h}) field names, and the log named by
 * {@code _path}, by {@code @stream}, or only by the file. Recognized when the first lines are such objects and
 * carry neither of the {@code event_type}/{@code timestamp} keys of Suricata EVE; Zeek's
 * {@code loaded_scripts.log}, whose records have no time, is recognized by its single {@code name} key.
 * Stateless and thread-safe.
 */
public final class ZeekJsonFormat implements LogFormat {

    public static final String ID = "zeek-json";

    private static final int LINES_EXAMINED = 10;
    private static final Set<String> ZEEK_KEYS = Set.of("_path", "@stream", "uid", "uids", "fuid", "id.orig_h",
            "id_orig_h", "id", "conn_uids", "certificate.subject", "certificate_subject", "note");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int recognize(Head head) {
        List<String> lines = head.lines(LINES_EXAMINED);
        if (lines.isEmpty()) {
            return 0;
        }
        int fitting = 0;
        boolean typical = false;
        for (String line : lines) {
            Map<String, String> keys = JsonHead.topLevel(line);
            if (keys == null) {
                continue;
            }
            if (isZeekRecord(keys)) {
                fitting++;
                typical |= keys.keySet().stream().anyMatch(ZEEK_KEYS::contains);
            } else if (isLoadedScript(keys)) {
                fitting++;
                typical = true;
            }
        }
        if (fitting == 0 || fitting * 5 < lines.size() * 4) {
            return 0;
        }
        return typical ? 95 : 75;
    }

    private static boolean isZeekRecord(Map<String, String> keys) {
        if (keys.containsKey("event_type") || keys.containsKey("timestamp")) {
            return false;
        }
        String ts = keys.get("ts");
        return ts != null && (JsonHead.isNumber(ts) || IsoTime.parseMicros(ts) != Long.MIN_VALUE);
    }

    private static boolean isLoadedScript(Map<String, String> keys) {
        String name = keys.size() == 1 ? keys.get("name") : null;
        if (name == null) {
            return false;
        }
        String script = name.strip();
        return script.endsWith(".zeek") || script.endsWith(".bro");
    }

    @Override
    public RecordReader open(DecodedInput input, ReadContext context) throws IOException {
        return new ZeekJsonReader(input.openDecoded(), context);
    }
}
