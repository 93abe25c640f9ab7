package io.stagehunt.ingest.zeek;

import io.stagehunt.ingest.json.JsonSchema;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Zeek JSON keeps the fields the log mappings read. One schema serves every log, because a record names
 * its log only by {@code _path} or {@code @stream}, which may come last, or not at all. Each canonical dotted
 * field is found under three spellings: the literal dotted key Zeek's JSON writer uses ({@code id.orig_h}),
 * the underscore key of OTRF/Mordor exports ({@code id_orig_h}), and nested objects ({@code "id":
 * {"orig_h": ...}}). Immutable and thread-safe.
 */
final class ZeekJsonFields {

    static final ZeekJsonFields INSTANCE = new ZeekJsonFields();

    private final JsonSchema schema;
    private final int path;
    private final int stream;
    private final Map<String, Integer> slotByName = new HashMap<>();
    private final Map<ZeekLog, int[]> slotsByLog = new IdentityHashMap<>();
    private final Map<ZeekLog, int[]> requiredByLog = new IdentityHashMap<>();

    private ZeekJsonFields() {
        JsonSchema.Builder builder = JsonSchema.builder();
        path = builder.field("_path");
        stream = builder.field("@stream");
        for (ZeekLog log : ZeekLog.all()) {
            List<String> fields = log.fields();
            int[] slots = new int[fields.size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = slotByName.computeIfAbsent(fields.get(i), name -> register(builder, name));
            }
            slotsByLog.put(log, slots);
            requiredByLog.put(log, log.required().stream().mapToInt(slotByName::get).toArray());
        }
        schema = builder.build();
    }

    private static int register(JsonSchema.Builder builder, String name) {
        int slot = builder.field(name.split("\\."));
        if (name.indexOf('.') >= 0) {
            builder.alias(name, slot);
            builder.alias(name.replace('.', '_'), slot);
        }
        return slot;
    }

    JsonSchema schema() {
        return schema;
    }

    int pathSlot() {
        return path;
    }

    int streamSlot() {
        return stream;
    }

    /** The record slots of a log's fields, by the log's own field slot. */
    int[] slots(ZeekLog log) {
        return slotsByLog.get(log);
    }

    /** The record slots of a log's required fields, in the order of {@link ZeekLog#required()}. */
    int[] requiredSlots(ZeekLog log) {
        return requiredByLog.get(log);
    }

    /** The record slot of a canonical field name, or -1 when no modeled log reads it. */
    int slotOf(String name) {
        Integer slot = slotByName.get(name);
        return slot == null ? -1 : slot;
    }
}
