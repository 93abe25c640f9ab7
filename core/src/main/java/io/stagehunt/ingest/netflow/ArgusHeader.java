package io.stagehunt.ingest.netflow;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The column layout of an Argus text file, taken from its header line: the delimiter, the number of columns,
 * and where each field stagehunt reads sits. Immutable.
 */
final class ArgusHeader {

    static final int START_TIME = 0;
    static final int DURATION = 1;
    static final int PROTO = 2;
    static final int SRC_ADDR = 3;
    static final int SPORT = 4;
    static final int DIR = 5;
    static final int DST_ADDR = 6;
    static final int DPORT = 7;
    static final int STATE = 8;
    static final int TOT_PKTS = 9;
    static final int TOT_BYTES = 10;
    static final int SRC_BYTES = 11;
    static final int SRC_PKTS = 12;
    static final int DST_BYTES = 13;
    static final int DST_PKTS = 14;
    static final int SRC_APP_BYTES = 15;
    static final int DST_APP_BYTES = 16;

    /** Argus' column titles for the fields above, by slot; headers are matched without regard to case. */
    private static final List<String> TITLES = List.of("StartTime", "Dur", "Proto", "SrcAddr", "Sport", "Dir",
            "DstAddr", "Dport", "State", "TotPkts", "TotBytes", "SrcBytes", "SrcPkts", "DstBytes", "DstPkts",
            "SAppBytes", "DAppBytes");
    private static final List<String> LOWER_TITLES =
            TITLES.stream().map(title -> title.toLowerCase(Locale.ROOT)).toList();
    private static final byte[] DELIMITERS = {',', '\t', ';', '|'};

    private final byte delimiter;
    private final int columnCount;
    private final int[] columnOfSlot;

    private ArgusHeader(byte delimiter, int columnCount, int[] columnOfSlot) {
        this.delimiter = delimiter;
        this.columnCount = columnCount;
        this.columnOfSlot = columnOfSlot;
    }

    /**
     * The layout named by {@code line}, or null when it is not an Argus header: it must name at least
     * {@code StartTime}, {@code Proto}, {@code SrcAddr} and {@code DstAddr}.
     */
    static ArgusHeader parse(String line) {
        ArgusHeader best = null;
        int bestKnown = 0;
        for (byte delimiter : DELIMITERS) {
            String[] names = line.split(Pattern.quote(String.valueOf((char) delimiter)), -1);
            int[] slots = new int[TITLES.size()];
            Arrays.fill(slots, -1);
            int known = 0;
            for (int column = 0; column < names.length; column++) {
                int slot = LOWER_TITLES.indexOf(names[column].strip().toLowerCase(Locale.ROOT));
                if (slot >= 0 && slots[slot] < 0) {
                    slots[slot] = column;
                    known++;
                }
            }
            if (known > bestKnown) {
                bestKnown = known;
                best = new ArgusHeader(delimiter, names.length, slots);
            }
        }
        if (best == null || best.column(START_TIME) < 0 || best.column(PROTO) < 0 || best.column(SRC_ADDR) < 0
                || best.column(DST_ADDR) < 0) {
            return null;
        }
        return best;
    }

    byte delimiter() {
        return delimiter;
    }

    int columnCount() {
        return columnCount;
    }

    /** The column holding a slot's field, or -1 when the file does not have it. */
    int column(int slot) {
        return columnOfSlot[slot];
    }

    static String title(int slot) {
        return TITLES.get(slot);
    }
}
