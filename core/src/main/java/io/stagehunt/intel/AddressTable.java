package io.stagehunt.intel;

import io.stagehunt.net.IpAddress;
import java.util.Arrays;

/**
 * A map from single IP addresses (both families, held as 128 bits) to one int each, by open addressing over
 * primitive arrays: one probe per lookup and no object per address. Not thread-safe while addresses are added;
 * safe for concurrent lookups afterwards.
 */
final class AddressTable {

    private static final int NONE = -1;

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
        allocateSlots(capacity);
        keyHigh = new long[Math.max(16, expected)];
        keyLow = new long[keyHigh.length];
        values = new int[keyHigh.length];
    }

    int add(IpAddress address, int initialValue) {
        int found = find(address.high(), address.low());
        if (found != NONE) {
            return found;
        }
        if ((count + 1) * 2 > slotId.length) {
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
        insert(address.high(), address.low(), id);
        return id;
    }

    int find(IpAddress address) {
        return find(address.high(), address.low());
    }

    int find(long high, long low) {
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
        int capacity = Integer.highestOneBit(Math.max(16, count * 2 - 1)) << 1;
        if (capacity < slotId.length) {
            rehash(capacity);
        }
    }

    long bytesUsed() {
        return 20L * slotId.length + 20L * keyHigh.length;
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
