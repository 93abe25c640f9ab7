package io.stagehunt.intel;

import io.stagehunt.net.IpAddress;
import java.util.Arrays;

/**
 * A map from single IP addresses (both families) to one int each, by open addressing over primitive arrays and
 * no object per address. IPv4 addresses, the bulk of every feed, live in their own table whose slots pack the
 * address with its id, so a lookup costs one memory access. Not thread-safe while addresses are added; safe for
 * concurrent lookups afterwards.
 */
final class AddressTable {

    private static final int NONE = -1;

    private long[] v4Slots;
    private int v4Mask;
    private int v4Count;

    private long[] slotHigh;
    private long[] slotLow;
    private int[] slotId;
    private int mask;
    private long[] keyHigh;
    private long[] keyLow;
    private int[] values;
    private int count;

    AddressTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        v4Slots = new long[capacity];
        v4Mask = capacity - 1;
        allocateSlots(16);
        keyHigh = new long[Math.max(16, expected)];
        keyLow = new long[keyHigh.length];
        values = new int[keyHigh.length];
    }

    int add(IpAddress address, int initialValue) {
        int found = find(address);
        if (found != NONE) {
            return found;
        }
        boolean v4 = address.isV4();
        if (v4 && (v4Count + 1) * 2 > v4Slots.length) {
            rehashV4(v4Slots.length * 2);
        } else if (!v4 && (count - v4Count + 1) * 2 > slotId.length) {
            rehash(slotId.length * 2);
        }
        if (count == keyHigh.length) {
            keyHigh = Arrays.copyOf(keyHigh, count * 2);
            keyLow = Arrays.copyOf(keyLow, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        int id = count++;
        keyHigh[id] = address.high();
        keyLow[id] = address.low();
        values[id] = initialValue;
        if (v4) {
            v4Count++;
            insertV4(address.v4(), id);
        } else {
            insert(address.high(), address.low(), id);
        }
        return id;
    }

    int find(IpAddress address) {
        if (address.isV4()) {
            int v4 = address.v4();
            int index = KeyTable.mix(v4) & v4Mask;
            while (true) {
                long slot = v4Slots[index];
                if (slot == 0) {
                    return NONE;
                }
                if ((int) (slot >>> 32) == v4) {
                    return (int) slot - 1;
                }
                index = (index + 1) & v4Mask;
            }
        }
        return find(address.high(), address.low());
    }

    private int find(long high, long low) {
        int index = slotOf(high, low);
        while (true) {
            int id = slotId[index];
            if (id == 0) {
                return NONE;
            }
            if (slotLow[index] == low && slotHigh[index] == high) {
                return id - 1;
            }
            index = (index + 1) & mask;
        }
    }

    IpAddress key(int id) {
        return new IpAddress(keyHigh[id], keyLow[id]);
    }

    int value(int id) {
        return values[id];
    }

    void setValue(int id, int value) {
        values[id] = value;
    }

    int size() {
        return count;
    }

    void trim() {
        keyHigh = Arrays.copyOf(keyHigh, count);
        keyLow = Arrays.copyOf(keyLow, count);
        values = Arrays.copyOf(values, count);
        int v4Capacity = Integer.highestOneBit(Math.max(16, v4Count * 2 - 1)) << 1;
        if (v4Capacity < v4Slots.length) {
            rehashV4(v4Capacity);
        }
        int v6Capacity = Integer.highestOneBit(Math.max(16, (count - v4Count) * 2 - 1)) << 1;
        if (v6Capacity < slotId.length) {
            rehash(v6Capacity);
        }
    }

    long bytesUsed() {
        return 8L * v4Slots.length + 20L * slotId.length + 20L * keyHigh.length;
    }

    private void insertV4(int v4, int id) {
        int index = KeyTable.mix(v4) & v4Mask;
        while (v4Slots[index] != 0) {
            index = (index + 1) & v4Mask;
        }
        v4Slots[index] = ((long) v4 << 32) | ((id + 1) & 0xFFFF_FFFFL);
    }

    private void rehashV4(int capacity) {
        long[] old = v4Slots;
        v4Slots = new long[capacity];
        v4Mask = capacity - 1;
        for (long slot : old) {
            if (slot != 0) {
                insertV4((int) (slot >>> 32), (int) slot - 1);
            }
        }
    }

    private int slotOf(long high, long low) {
        long h = (high * 0x9E3779B97F4A7C15L) ^ low;
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29) ^ (h >>> 43)) & mask;
    }

    private void insert(long high, long low, int id) {
        int index = slotOf(high, low);
        while (slotId[index] != 0) {
            index = (index + 1) & mask;
        }
        slotHigh[index] = high;
        slotLow[index] = low;
        slotId[index] = id + 1;
    }

    private void allocateSlots(int capacity) {
        slotHigh = new long[capacity];
        slotLow = new long[capacity];
        slotId = new int[capacity];
        mask = capacity - 1;
    }

    private void rehash(int capacity) {
        long[] oldHigh = slotHigh;
        long[] oldLow = slotLow;
        int[] oldId = slotId;
        allocateSlots(capacity);
        for (int i = 0; i < oldId.length; i++) {
            if (oldId[i] != 0) {
                insert(oldHigh[i], oldLow[i], oldId[i] - 1);
            }
        }
    }
}
