package io.stagehunt.ingest.json;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The values of one JSON record, by schema slot: what kind of JSON value each slot held and the value itself,
 * with numbers already converted (integers exactly, decimals to millionths, so epoch seconds become
 * microseconds without a detour through {@code double}). Reused from line to line: a generation stamp per slot
 * makes clearing free. Also remembers the record's top-level keys, for readers that infer a log type from them.
 * Not thread-safe.
 */
public final class JsonRecord {

    /** What a slot held in the current record. */
    public enum Kind {
        /** The key was not in the record. */
        ABSENT,
        NULL,
        STRING,
        /** An integer that fits a {@code long}. */
        INTEGER,
        /** A number with a fraction or an exponent, held in millionths. */
        DECIMAL,
        /** A number beyond what a {@code long} (or a {@code long} of millionths) holds. */
        TOO_LARGE,
        TRUE,
        FALSE,
        /** An array, or the values of a column or of grouped arrays; its items are kept as text. */
        ARRAY,
        /** An object where a value was expected. */
        OBJECT
    }

    private static final int MAX_KEYS = 256;

    private final JsonSchema schema;
    private final Kind[] kinds;
    private final int[] stamps;
    private final String[] texts;
    private final long[] numbers;
    private final List<String>[] arrays;
    private final boolean[] irregular;
    private int stamp = 1;
    private final String[] keys = new String[MAX_KEYS];
    private int keyCount;
    private final Set<String> keyView = new KeyView();

    @SuppressWarnings("unchecked")
    public JsonRecord(JsonSchema schema) {
        this.schema = schema;
        int slots = schema.slotCount();
        kinds = new Kind[slots];
        Arrays.fill(kinds, Kind.ABSENT);
        stamps = new int[slots];
        texts = new String[slots];
        numbers = new long[slots];
        arrays = new List[slots];
        irregular = new boolean[slots];
    }

    public JsonSchema schema() {
        return schema;
    }

    public Kind kind(int slot) {
        return stamps[slot] == stamp ? kinds[slot] : Kind.ABSENT;
    }

    /** True when the slot holds a value other than {@code null}. */
    public boolean has(int slot) {
        Kind kind = kind(slot);
        return kind != Kind.ABSENT && kind != Kind.NULL;
    }

    /** The text of a {@link Kind#STRING} slot; null for any other kind. */
    public String string(int slot) {
        return kind(slot) == Kind.STRING ? texts[slot] : null;
    }

    /** The value of an {@link Kind#INTEGER} slot, or the millionths of a {@link Kind#DECIMAL} one. */
    public long number(int slot) {
        return numbers[slot];
    }

    /** The items of an {@link Kind#ARRAY} slot as text (numbers as written, null for JSON null); empty otherwise. */
    public List<String> array(int slot) {
        return kind(slot) == Kind.ARRAY ? Collections.unmodifiableList(arrays[slot]) : List.of();
    }

    /** True when an {@link Kind#ARRAY} slot met an item of the wrong shape (an object or array among values). */
    public boolean irregular(int slot) {
        return kind(slot) == Kind.ARRAY && irregular[slot];
    }

    /** The top-level keys of the record (as written), up to 256 of them. */
    public Set<String> topLevelKeys() {
        return keyView;
    }

    /** A short description of a slot's kind for messages: "a string", "an object" ... */
    public String describe(int slot) {
        return switch (kind(slot)) {
            case ABSENT -> "nothing";
            case NULL -> "null";
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case DECIMAL -> "a decimal number";
            case TOO_LARGE -> "a number out of range";
            case TRUE, FALSE -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }

    void clear() {
        stamp++;
        if (stamp == 0) {
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
        keyCount = 0;
    }

    void addKey(String key) {
        if (keyCount < MAX_KEYS) {
            keys[keyCount++] = key;
        }
    }

    void set(int slot, Kind kind) {
        stamps[slot] = stamp;
        kinds[slot] = kind;
    }

    void setString(int slot, String text) {
        set(slot, Kind.STRING);
        texts[slot] = text;
    }

    void setNumber(int slot, Kind kind, long value) {
        set(slot, kind);
        numbers[slot] = value;
    }

    /** Starts an empty array in the slot, replacing anything held before in this record. */
    List<String> startArray(int slot) {
        set(slot, Kind.ARRAY);
        irregular[slot] = false;
        List<String> items = new ArrayList<>(4);
        arrays[slot] = items;
        return items;
    }

    /** The array of a column slot, started empty on first use in this record. */
    List<String> column(int slot) {
        return kind(slot) == Kind.ARRAY ? arrays[slot] : startArray(slot);
    }

    void markIrregular(int slot) {
        if (kind(slot) != Kind.ARRAY) {
            startArray(slot);
        }
        irregular[slot] = true;
    }

    /** A read-only view of the top-level keys; {@code contains} is a short linear scan. */
    private final class KeyView extends AbstractSet<String> {
        @Override
        public boolean contains(Object key) {
            for (int i = 0; i < keyCount; i++) {
                if (keys[i].equals(key)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.asList(keys).subList(0, keyCount).iterator();
        }

        @Override
        public int size() {
            return keyCount;
        }
    }
}
