package io.stagehunt.ingest.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a reader wants from each JSON record, as a tree of object keys whose leaves are numbered slots in
 * a {@link JsonRecord}. Everything not in the schema is skipped unread. Besides plain values (a scalar or an
 * array of scalars), a schema can ask for columns of an array of objects ({@code answers[].rdata}) and for the
 * arrays of an object keyed by arbitrary names ({@code grouped.A}, {@code grouped.CNAME}). A key may be both a
 * leaf and an object: which one applies is decided by the value found. Immutable and thread-safe once built.
 */
public final class JsonSchema {

    private final Node root;
    private final List<String> slotNames;

    private JsonSchema(Node root, List<String> slotNames) {
        this.root = root;
        this.slotNames = List.copyOf(slotNames);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int slotCount() {
        return slotNames.size();
    }

    /** The dotted path of a slot, for messages. */
    public String slotName(int slot) {
        return slotNames.get(slot);
    }

    Node root() {
        return root;
    }

    /** One object key of the schema tree; not mutated after {@link Builder#build()}. */
    static final class Node {
        final Map<String, Node> children = new HashMap<>();
        /** Slot of the value held at this key, or -1 when the key only leads to nested fields. */
        int slot = -1;
        /** True for leaves inside array elements: their values are appended, one per element. */
        boolean column;
        /** Schema of each element when this key holds an array of objects. */
        Node elements;
        int[] columns = new int[0];
        /** Slots of the values, and of the key of each value, when this key holds an object of arrays. */
        int groupValues = -1;
        int groupKeys = -1;
    }

    /** Collects paths and hands out slots. Not thread-safe. */
    public static final class Builder {

        private final Node root = new Node();
        private final List<String> names = new ArrayList<>();
        private boolean built;

        private Builder() {
        }

        /** The value at a path of object keys; asking for the same path twice gives the same slot. */
        public int field(String... keys) {
            Node node = walk(root, keys);
            if (node.slot < 0) {
                node.slot = newSlot(String.join(".", keys));
            }
            return node.slot;
        }

        /** Another top-level key, such as {@code id_orig_h} or a literal {@code id.orig_h}, filling {@code slot}. */
        public Builder alias(String key, int slot) {
            Node node = root.children.computeIfAbsent(key, ignored -> new Node());
            if (node.slot >= 0 && node.slot != slot) {
                throw new IllegalArgumentException("key '" + key + "' already fills slot " + names.get(node.slot));
            }
            node.slot = slot;
            return this;
        }

        /**
         * The values of {@code field} in each element of the array of objects at {@code arrayPath}, in element
         * order, null where an element lacks it.
         */
        public int column(String[] arrayPath, String... field) {
            Node array = walk(root, arrayPath);
            if (array.elements == null) {
                array.elements = new Node();
            }
            Node leaf = walk(array.elements, field);
            if (leaf.slot < 0) {
                leaf.slot = newSlot(String.join(".", arrayPath) + "[]." + String.join(".", field));
                leaf.column = true;
                array.columns = Arrays.copyOf(array.columns, array.columns.length + 1);
                array.columns[array.columns.length - 1] = leaf.slot;
            }
            return leaf.slot;
        }

        /**
         * The arrays held by the object at {@code objectPath} under any key: returns two slots, the values of all
         * arrays in order (null for a value that is itself an object or array) and, for each value, the key it
         * was under.
         */
        public int[] groupedArrays(String... objectPath) {
            Node node = walk(root, objectPath);
            if (node.groupValues < 0) {
                String name = String.join(".", objectPath);
                node.groupValues = newSlot(name + ".*");
                node.groupKeys = newSlot(name + ".*(key)");
            }
            return new int[] {node.groupValues, node.groupKeys};
        }

        public JsonSchema build() {
            if (built) {
                throw new IllegalStateException("schema already built");
            }
            built = true;
            return new JsonSchema(root, names);
        }

        private int newSlot(String name) {
            if (built) {
                throw new IllegalStateException("schema already built");
            }
            names.add(name);
            return names.size() - 1;
        }

        private static Node walk(Node from, String... keys) {
            if (keys.length == 0) {
                throw new IllegalArgumentException("empty path");
            }
            Node node = from;
            for (String key : keys) {
                node = node.children.computeIfAbsent(key, ignored -> new Node());
            }
            return node;
        }
    }
}
