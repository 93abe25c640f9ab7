package io.stagehunt.ingest.suricata;

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

/**
 * Suricata's EVE JSON: one object per line with a string {@code event_type}, an ISO-8601 {@code timestamp},
 * and the flow's {@code src_ip} or {@code flow_id} (or {@code stats} for the engine's own counters).
 * Recognized when most of the first lines are such objects. Stateless and thread-safe.
 */
public final class SuricataEveFormat implements LogFormat {

    public static final String ID = "suricata-eve";

    private static final int LINES_EXAMINED = 10;

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
        for (String line : lines) {
            Map<String, String> keys = JsonHead.topLevel(line);
            if (keys != null && isEveRecord(keys)) {
                fitting++;
            }
        }
        return fitting > 0 && fitting * 5 >= lines.size() * 4 ? 95 : 0;
    }

    private static boolean isEveRecord(Map<String, String> keys) {
        String type = keys.get("event_type");
        String timestamp = keys.get("timestamp");
        if (type == null || type.equals(JsonHead.COMPOSITE) || timestamp == null
                || IsoTime.parseMicros(timestamp) == Long.MIN_VALUE) {
            return false;
        }
        return keys.containsKey("src_ip") || keys.containsKey("flow_id") || type.equals("stats");
    }

    @Override
    public RecordReader open(DecodedInput input, ReadContext context) throws IOException {
        return new EveReader(input.openDecoded(), context);
    }
}
