package io.stagehunt.ingest.netflow;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.Event;
import io.stagehunt.event.EventKinds;
import io.stagehunt.event.Transport;
import io.stagehunt.ingest.LineReader;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import io.stagehunt.net.IpAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Locale;

/**
 * Reads Argus delimited text straight from bytes: the header line names the columns, then every line is one
 * bidirectional flow. A header repeated mid-file (concatenated outputs) starts a new layout. Not thread-safe.
 */
final class ArgusCsvReader implements RecordReader {

    private static final int MAX_EXCERPT = 64;

    private final LineReader lines;
    private final ReadContext context;
    private final ZoneRules zoneRules;
    private final long fixedOffsetSeconds;
    private ArgusHeader header;
    private int[] starts = new int[0];
    private int[] ends = new int[0];
    private byte[] bytes;
    private int cachedDateKey = -1;
    private long cachedEpochDay;

    ArgusCsvReader(InputStream in, ReadContext context, ArgusCsvFormat.Settings settings) {
        this.lines = new LineReader(in, context.account());
        this.context = context;
        ZoneId zone = settings.zone();
        this.zoneRules = zone.getRules();
        this.fixedOffsetSeconds = zoneRules.isFixedOffset() ? zoneRules.getOffset(LocalDateTime.MIN).getTotalSeconds()
                : Long.MIN_VALUE;
    }

    @Override
    public Event next() throws IOException {
        while (lines.next()) {
            long line = lines.lineNumber();
            if (lines.oversized()) {
                context.quarantine(line, "line of " + lines.oversizedLength() + " bytes exceeds the limit of "
                        + lines.maxLine(), lines.oversizedHead());
                continue;
            }
            if (lines.blank()) {
                context.skip("blank line");
                continue;
            }
            bytes = lines.buffer();
            int start = lines.start();
            int end = lines.end();
            try {
                if (isLetter(bytes[start])) {
                    ArgusHeader parsed =
                            ArgusHeader.parse(new String(bytes, start, end - start, StandardCharsets.UTF_8));
                    if (parsed != null) {
                        useHeader(parsed);
                        context.skip("header");
                        continue;
                    }
                }
                if (header == null) {
                    context.quarantine(line, "record before the Argus header line", lines.text());
                    continue;
                }
                String problem = split(start, end);
                if (problem != null) {
                    context.quarantine(line, problem, lines.text());
                    continue;
                }
                Connection connection = map(line);
                context.account().recordProduced();
                return connection;
            } catch (RecordRejected rejected) {
                if (rejected.byDesign()) {
                    context.skip(rejected.getMessage());
                } else {
                    context.quarantine(line, rejected.getMessage(), lines.text());
                }
            } catch (RuntimeException e) {
                context.quarantineFailure(line, e, lines.text());
            }
        }
        return null;
    }

    private void useHeader(ArgusHeader parsed) {
        header = parsed;
        if (starts.length < parsed.columnCount()) {
            starts = new int[parsed.columnCount()];
            ends = new int[parsed.columnCount()];
        }
    }

    /** Splits the line into the header's columns; returns a quarantine reason, or null when well-formed. */
    private String split(int start, int end) {
        byte delimiter = header.delimiter();
        int expected = header.columnCount();
        int column = 0;
        int fieldStart = start;
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b == delimiter) {
                if (column == expected - 1) {
                    return "expected " + expected + " fields, found more";
                }
                starts[column] = fieldStart;
                ends[column] = i;
                column++;
                fieldStart = i + 1;
            } else if (b < 0) {
                ascii = false;
            } else if (b < 0x20 || b == 0x7F) {
                return String.format("control character 0x%02x at byte %d", b, i - start + 1);
            }
        }
        starts[column] = fieldStart;
        ends[column] = end;
        column++;
        if (column != expected) {
            return "expected " + expected + " fields, found " + column + " (truncated line?)";
        }
        if (!ascii && !validUtf8(start, end)) {
            return "invalid UTF-8";
        }
        return null;
    }

    private Connection map(long line) throws RecordRejected {
        String proto = text(ArgusHeader.PROTO).toLowerCase(Locale.ROOT);
        if (!protocolName(proto)) {
            throw RecordRejected.malformed("Proto '" + excerpt(ArgusHeader.PROTO) + "' is not a protocol name");
        }
        if (proto.equals("man")) {
            throw RecordRejected.notModeled("Argus management record");
        }
        if (proto.equals("arp") || proto.equals("rarp")) {
            throw RecordRejected.notModeled("ARP record (not an IP flow)");
        }
        IpAddress originator = address(ArgusHeader.SRC_ADDR, proto);
        IpAddress responder = address(ArgusHeader.DST_ADDR, proto);
        checkDirection();
        String state = text(ArgusHeader.STATE);
        if (!state.isEmpty() && !ArgusState.wellFormed(state)) {
            throw RecordRejected.malformed("State '" + excerpt(ArgusHeader.STATE) + "' is not an Argus state");
        }
        long time = time(ArgusHeader.START_TIME);
        long duration = seconds(ArgusHeader.DURATION);
        Transport transport = Transport.parse(proto);
        int originatorPort = port(ArgusHeader.SPORT);
        int responderPort = port(ArgusHeader.DPORT);
        if (transport == Transport.ICMP && isHex(ArgusHeader.SPORT)) {
            // Argus prints ICMP's type and code as one 16-bit word, code in the high byte, and the echo id
            // as the destination "port"; the type and code are what tell a ping from an unreachable.
            responderPort = originatorPort >>> 8;
            originatorPort = originatorPort & 0xFF;
        }
        long totalPackets = count(ArgusHeader.TOT_PKTS);
        long totalBytes = count(ArgusHeader.TOT_BYTES);
        long originatorPackets = count(ArgusHeader.SRC_PKTS);
        long originatorBytes = count(ArgusHeader.SRC_BYTES);
        long responderPackets = remainder(count(ArgusHeader.DST_PKTS), totalPackets, originatorPackets, "Pkts");
        long responderBytes = remainder(count(ArgusHeader.DST_BYTES), totalBytes, originatorBytes, "Bytes");
        long originatorAppBytes = count(ArgusHeader.SRC_APP_BYTES);
        long responderAppBytes = count(ArgusHeader.DST_APP_BYTES);
        if (originatorAppBytes >= 0) {
            originatorBytes = originatorAppBytes;
        }
        if (responderAppBytes >= 0) {
            responderBytes = responderAppBytes;
        }
        ConnectionOutcome outcome = state.isEmpty() ? ConnectionOutcome.UNKNOWN
                : ArgusState.outcome(state, responderPackets);
        Direction direction = context.direction(originator, responder);
        return new Connection(time, context.host(direction, originator, responder), context.provenance(line),
                null, originator, originatorPort, responder, responderPort, transport, null, duration,
                originatorBytes, responderBytes, originatorPackets, responderPackets, outcome,
                state.isEmpty() ? null : state, direction, false);
    }

    /** The responder's share: its own column when present, else the total less the originator's share. */
    private static long remainder(long responder, long total, long originator, String unit) throws RecordRejected {
        if (responder >= 0 || total < 0 || originator < 0) {
            return responder;
        }
        if (total < originator) {
            throw RecordRejected.malformed("Tot" + unit + " " + total + " is less than Src" + unit + " " + originator);
        }
        return total - originator;
    }

    private IpAddress address(int slot, String proto) throws RecordRejected {
        int column = header.column(slot);
        int from = starts[column];
        int to = ends[column];
        if (from == to) {
            throw RecordRejected.malformed(ArgusHeader.title(slot) + " is empty");
        }
        IpAddress address = IpAddress.tryParse(bytes, from, to);
        if (address == null) {
            if (isMac(from, to)) {
                throw RecordRejected.notModeled("non-IP flow (" + proto + ")");
            }
            throw RecordRejected.malformed(ArgusHeader.title(slot) + " '" + excerpt(slot) + "' is not an address");
        }
        return address;
    }

    /** Argus draws the direction as an arrow ({@code ->}, {@code <->}, {@code <?>}) or writes {@code who}. */
    private void checkDirection() throws RecordRejected {
        int column = header.column(ArgusHeader.DIR);
        if (column < 0) {
            return;
        }
        String direction = text(ArgusHeader.DIR).strip();
        if (direction.equals("who")) {
            return;
        }
        for (int i = 0; i < direction.length(); i++) {
            if ("<>-?|".indexOf(direction.charAt(i)) < 0) {
                throw RecordRejected.malformed("Dir '" + excerpt(ArgusHeader.DIR) + "' is not an Argus direction");
            }
        }
    }

    private long time(int slot) throws RecordRejected {
        int column = header.column(slot);
        int from = starts[column];
        int to = ends[column];
        long micros = to - from >= 19 && (bytes[from + 4] == '/' || bytes[from + 4] == '-')
                ? civilTime(from, to) : epochTime(from, to);
        if (micros == Long.MIN_VALUE) {
            throw RecordRejected.malformed(ArgusHeader.title(slot) + " '" + excerpt(slot) + "' is not a time");
        }
        return micros;
    }

    /** {@code yyyy/MM/dd HH:mm:ss[.ffffff]} (or with dashes and T) in the configured zone. */
    private long civilTime(int from, int to) {
        int year = digits(from, 4);
        int month = digits(from + 5, 2);
        int day = digits(from + 8, 2);
        int hour = digits(from + 11, 2);
        int minute = digits(from + 14, 2);
        int second = digits(from + 17, 2);
        byte dateSeparator = bytes[from + 4];
        byte middle = bytes[from + 10];
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
                || bytes[from + 7] != dateSeparator || (middle != ' ' && middle != 'T')
                || bytes[from + 13] != ':' || bytes[from + 16] != ':' || hour > 23 || minute > 59 || second > 60) {
            return Long.MIN_VALUE;
        }
        long fraction = fraction(from + 19, to);
        if (fraction < 0) {
            return Long.MIN_VALUE;
        }
        int dateKey = (year * 100 + month) * 100 + day;
        if (dateKey != cachedDateKey) {
            try {
                cachedEpochDay = LocalDate.of(year, month, day).toEpochDay();
            } catch (DateTimeException e) {
                return Long.MIN_VALUE;
            }
            cachedDateKey = dateKey;
        }
        long localSeconds = cachedEpochDay * 86_400L + hour * 3600L + minute * 60L + second;
        long offset = fixedOffsetSeconds != Long.MIN_VALUE ? fixedOffsetSeconds
                : zoneRules.getOffset(LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC)).getTotalSeconds();
        return (localSeconds - offset) * 1_000_000L + fraction;
    }

    /** Epoch seconds with an optional fraction, as {@code ra -u} prints them. */
    private long epochTime(int from, int to) {
        long micros = decimalMicros(from, to);
        return micros < 0 ? Long.MIN_VALUE : micros;
    }

    /** Microseconds of {@code .ffffff} at {@code from} (nothing at all means zero), or -1 when malformed. */
    private long fraction(int from, int to) {
        if (from == to) {
            return 0;
        }
        if (bytes[from] != '.' || to - from > 10) {
            return -1;
        }
        long fraction = 0;
        int digits = 0;
        for (int i = from + 1; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            if (digits < 6) {
                fraction = fraction * 10 + digit;
                digits++;
            }
        }
        for (; digits < 6; digits++) {
            fraction *= 10;
        }
        return fraction;
    }

    /** Seconds with an optional fraction, as microseconds; -1 when the column is absent or empty. */
    private long seconds(int slot) throws RecordRejected {
        int column = header.column(slot);
        if (column < 0 || starts[column] == ends[column]) {
            return -1;
        }
        long micros = decimalMicros(starts[column], ends[column]);
        if (micros < 0) {
            throw RecordRejected.malformed(ArgusHeader.title(slot) + " '" + excerpt(slot) + "' is not a duration");
        }
        return micros;
    }

    private long decimalMicros(int from, int to) {
        int point = from;
        while (point < to && bytes[point] != '.') {
            point++;
        }
        if (point == from || point - from > 12) {
            return -1;
        }
        long whole = 0;
        for (int i = from; i < point; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            whole = whole * 10 + digit;
        }
        long fraction = fraction(point, to);
        return fraction < 0 ? -1 : whole * 1_000_000L + fraction;
    }

    /** A count; -1 when the column is absent or empty (Argus leaves counts it has not got empty). */
    private long count(int slot) throws RecordRejected {
        int column = header.column(slot);
        if (column < 0 || starts[column] == ends[column]) {
            return -1;
        }
        int from = starts[column];
        int to = ends[column];
        if (to - from > 18) {
            throw RecordRejected.malformed(ArgusHeader.title(slot) + " '" + excerpt(slot) + "' is not a count");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw RecordRejected.malformed(ArgusHeader.title(slot) + " '" + excerpt(slot) + "' is not a count");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** A port in decimal or, as Argus prints ICMP fields, in hex ({@code 0x0303}); -1 when absent or empty. */
    private int port(int slot) throws RecordRejected {
        int column = header.column(slot);
        if (column < 0 || starts[column] == ends[column]) {
            return -1;
        }
        int from = starts[column];
        int to = ends[column];
        boolean hex = isHex(slot);
        int radix = hex ? 16 : 10;
        int first = hex ? from + 2 : from;
        if (first == to || to - first > 5) {
            throw RecordRejected.malformed(ArgusHeader.title(slot) + " '" + excerpt(slot) + "' is not a port");
        }
        int value = 0;
        for (int i = first; i < to; i++) {
            int digit = Character.digit(bytes[i], radix);
            if (digit < 0) {
                throw RecordRejected.malformed(ArgusHeader.title(slot) + " '" + excerpt(slot) + "' is not a port");
            }
            value = value * radix + digit;
        }
        if (value > 65535) {
            throw RecordRejected.malformed(ArgusHeader.title(slot) + " " + value + " is out of range");
        }
        return value;
    }

    private boolean isHex(int slot) {
        int column = header.column(slot);
        return column >= 0 && ends[column] - starts[column] > 2 && bytes[starts[column]] == '0'
                && (bytes[starts[column] + 1] == 'x' || bytes[starts[column] + 1] == 'X');
    }

    private String text(int slot) {
        int column = header.column(slot);
        if (column < 0) {
            return "";
        }
        return new String(bytes, starts[column], ends[column] - starts[column], StandardCharsets.UTF_8);
    }

    private String excerpt(int slot) {
        int column = header.column(slot);
        int length = Math.min(ends[column] - starts[column], MAX_EXCERPT);
        return new String(bytes, starts[column], length, StandardCharsets.UTF_8);
    }

    private int digits(int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private boolean isMac(int from, int to) {
        if (to - from != 17) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            byte b = bytes[from + i];
            boolean ok = i % 3 == 2 ? b == ':' : Character.digit(b, 16) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean protocolName(String proto) {
        if (proto.isEmpty() || proto.length() > 16) {
            return false;
        }
        for (int i = 0; i < proto.length(); i++) {
            char c = proto.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(byte b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z';
    }

    private boolean validUtf8(int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public EventKinds kinds() {
        return EventKinds.of(Connection.class);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
