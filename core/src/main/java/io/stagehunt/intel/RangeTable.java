package io.stagehunt.intel;

import io.stagehunt.net.Cidr;
import io.stagehunt.net.IpAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CIDR ranges (both families in one 128-bit space) with one int each, answering "which ranges hold this
 * address" by binary search over sorted elementary segments, not by a scan. CIDR blocks are either nested or
 * disjoint, so each segment needs only its innermost range; the enclosing ones follow by parent links.
 * Immutable and thread-safe once built.
 */
final class RangeTable {

    static final int NONE = -1;

    private final Cidr[] ranges;
    private final int[] values;
    private final int[] parents;
    private final long[] segmentHigh;
    private final long[] segmentLow;
    private final int[] segmentOwner;
    private final V4Segments v4;

    private RangeTable(Cidr[] ranges, int[] values, int[] parents, long[] segmentHigh, long[] segmentLow,
            int[] segmentOwner) {
        this.ranges = ranges;
        this.values = values;
        this.parents = parents;
        this.segmentHigh = segmentHigh;
        this.segmentLow = segmentLow;
        this.segmentOwner = segmentOwner;
        this.v4 = ranges.length == 0 ? null : new V4Segments(this);
    }

    /** The innermost range holding the address, or -1. */
    int innermost(IpAddress address) {
        if (v4 == null) {
            return NONE;
        }
        return address.isV4() ? v4.innermost(address.v4()) : innermost(address.high(), address.low());
    }

    int innermost(long high, long low) {
        int lowIndex = 0;
        int highIndex = segmentOwner.length - 1;
        int found = -1;
        while (lowIndex <= highIndex) {
            int middle = (lowIndex + highIndex) >>> 1;
            int order = compare(segmentHigh[middle], segmentLow[middle], high, low);
            if (order <= 0) {
                found = middle;
                lowIndex = middle + 1;
            } else {
                highIndex = middle - 1;
            }
        }
        return found < 0 ? NONE : segmentOwner[found];
    }

    /** The range directly enclosing {@code range}, or -1. */
    int parent(int range) {
        return parents[range];
    }

    Cidr key(int range) {
        return ranges[range];
    }

    int value(int range) {
        return values[range];
    }

    int size() {
        return ranges.length;
    }

    long bytesUsed() {
        return 48L * ranges.length + 20L * segmentOwner.length + (v4 == null ? 0 : v4.bytesUsed());
    }

    /**
     * The segments within the IPv4-mapped space as unsigned 32-bit starts, with a first-level table by the top
     * 16 bits of the address, so that an IPv4 lookup searches only the few segments of its /16.
     */
    private static final class V4Segments {
        private static final long V4_PREFIX = 0xFFFFL << 32;
        private static final int BUCKETS = 1 << 16;

        private final int[] starts;
        private final int[] owners;
        private final int[] buckets;

        V4Segments(RangeTable table) {
            int total = table.segmentOwner.length;
            int[] collectedStarts = new int[total + 1];
            int[] collectedOwners = new int[total + 1];
            int count = 0;
            int covering = table.innermost(0, V4_PREFIX);
            collectedStarts[count] = 0;
            collectedOwners[count++] = covering;
            for (int i = 0; i < total; i++) {
                long high = table.segmentHigh[i];
                long low = table.segmentLow[i];
                if (high == 0 && (low >>> 32) == 0xFFFFL) {
                    int start = (int) low;
                    if (start == 0) {
                        collectedOwners[0] = table.segmentOwner[i];
                    } else {
                        collectedStarts[count] = start;
                        collectedOwners[count++] = table.segmentOwner[i];
                    }
                }
            }
            starts = Arrays.copyOf(collectedStarts, count);
            owners = Arrays.copyOf(collectedOwners, count);
            buckets = new int[BUCKETS + 1];
            int segment = 0;
            for (int bucket = 0; bucket <= BUCKETS; bucket++) {
                long bucketStart = (long) bucket << 16;
                while (segment + 1 < count && Integer.toUnsignedLong(starts[segment + 1]) <= bucketStart) {
                    segment++;
                }
                buckets[bucket] = segment;
            }
        }

        int innermost(int address) {
            int bucket = address >>> 16;
            int lowIndex = buckets[bucket];
            int highIndex = buckets[bucket + 1];
            while (lowIndex < highIndex) {
                int middle = (lowIndex + highIndex + 1) >>> 1;
                if (Integer.compareUnsigned(starts[middle], address) <= 0) {
                    lowIndex = middle;
                } else {
                    highIndex = middle - 1;
                }
            }
            return owners[lowIndex];
        }

        long bytesUsed() {
            return 4L * (starts.length + owners.length + buckets.length);
        }
    }

    private static int compare(long highA, long lowA, long highB, long lowB) {
        int byHigh = Long.compareUnsigned(highA, highB);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(lowA, lowB);
    }

    /** Collects ranges; identical ranges share one id. Not thread-safe. */
    static final class Builder {
        private final List<Cidr> ranges = new ArrayList<>();
        private final Map<Cidr, Integer> ids = new HashMap<>();
        private int[] values = new int[16];

        int add(Cidr range, int initialValue) {
            Integer existing = ids.get(range);
            if (existing != null) {
                return existing;
            }
            int id = ranges.size();
            ranges.add(range);
            ids.put(range, id);
            if (id == values.length) {
                values = Arrays.copyOf(values, id * 2);
            }
            values[id] = initialValue;
            return id;
        }

        int value(int id) {
            return values[id];
        }

        void setValue(int id, int value) {
            values[id] = value;
        }

        int size() {
            return ranges.size();
        }

        RangeTable build() {
            int count = ranges.size();
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                Cidr first = ranges.get(a);
                Cidr second = ranges.get(b);
                int byStart = first.first().compareTo(second.first());
                return byStart != 0 ? byStart : Integer.compare(first.prefixLength(), second.prefixLength());
            });
            int[] parents = new int[count];
            Segments segments = new Segments(count * 2 + 1);
            Deque<Integer> open = new ArrayDeque<>();
            for (Integer id : order) {
                Cidr range = ranges.get(id);
                while (!open.isEmpty() && ranges.get(open.peek()).last().compareTo(range.first()) < 0) {
                    close(open, segments);
                }
                parents[id] = open.isEmpty() ? NONE : open.peek();
                segments.add(range.first().high(), range.first().low(), id);
                open.push(id);
            }
            while (!open.isEmpty()) {
                close(open, segments);
            }
            return new RangeTable(ranges.toArray(new Cidr[0]), Arrays.copyOf(values, count), parents,
                    Arrays.copyOf(segments.high, segments.count), Arrays.copyOf(segments.low, segments.count),
                    Arrays.copyOf(segments.owner, segments.count));
        }

        /** Ends the innermost open range: the addresses after it belong to the range enclosing it, if any. */
        private void close(Deque<Integer> open, Segments segments) {
            IpAddress last = ranges.get(open.pop()).last();
            if (last.high() == -1L && last.low() == -1L) {
                return;
            }
            long low = last.low() + 1;
            long high = low == 0 ? last.high() + 1 : last.high();
            segments.add(high, low, open.isEmpty() ? NONE : open.peek());
        }
    }

    /** Segment starts in ascending order; a segment starting where the previous one does replaces it. */
    private static final class Segments {
        long[] high;
        long[] low;
        int[] owner;
        int count;

        Segments(int capacity) {
            high = new long[capacity];
            low = new long[capacity];
            owner = new int[capacity];
        }

        void add(long startHigh, long startLow, int range) {
            if (count > 0 && high[count - 1] == startHigh && low[count - 1] == startLow) {
                owner[count - 1] = range;
                return;
            }
            if (count == owner.length) {
                high = Arrays.copyOf(high, count * 2);
                low = Arrays.copyOf(low, count * 2);
                owner = Arrays.copyOf(owner, count * 2);
            }
            high[count] = startHigh;
            low[count] = startLow;
            owner[count] = range;
            count++;
        }
    }
}
