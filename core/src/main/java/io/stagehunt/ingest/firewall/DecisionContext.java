package io.stagehunt.ingest.firewall;

import io.stagehunt.event.Direction;
import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.Transport;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.net.IpAddress;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What a dialect needs to turn a parsed line into an event: the input's read context (provenance, network
 * scope), its time resolver and the current line number. Not thread-safe: one per reader.
 */
final class DecisionContext {

    private final ReadContext read;
    private final TimeResolver times;
    private long line;

    DecisionContext(ReadContext read, TimeResolver times) {
        this.read = read;
        this.times = times;
    }

    void line(long number) {
        this.line = number;
    }

    long micros(LocalStamp stamp, ZoneOffset offset, ZoneId zone) throws RecordRejected {
        return times.micros(stamp, offset, zone);
    }

    /** An epoch time in milliseconds, as microseconds; it also dates later year-less times of the input. */
    long epochMillis(long millis) throws RecordRejected {
        if (millis > 253_402_300_799_999L) {
            throw RecordRejected.malformed("epoch milliseconds " + millis + " are past the year 9999");
        }
        return times.observed(millis * 1000L);
    }

    /** The time of the line's syslog header; rejected when the line has none. */
    long headerTime(SyslogLine syslog) throws RecordRejected {
        if (syslog.stamp() == null) {
            throw RecordRejected.malformed("no timestamp");
        }
        return times.micros(syslog.stamp(), syslog.offset(), null);
    }

    /** The event, with direction and host decided by the run's network scope. */
    FirewallDecision decision(long time, String device, FirewallDecision.Verdict verdict, String rule,
            Transport transport, IpAddress source, int sourcePort, IpAddress destination, int destinationPort,
            String application, long bytesOut, long bytesIn) {
        Direction direction = read.direction(source, destination);
        return new FirewallDecision(time, read.host(direction, source, destination), read.provenance(line),
                device, verdict, rule, transport, source, sourcePort, destination, destinationPort, direction,
                application, bytesOut, bytesIn);
    }

    /** An address field; rejected when absent or not an address. */
    static IpAddress address(String field, String value) throws RecordRejected {
        if (value == null || value.isEmpty()) {
            throw RecordRejected.malformed(field + " is missing");
        }
        IpAddress address = IpAddress.tryParse(value);
        if (address == null) {
            throw RecordRejected.malformed(field + " '" + abbreviate(value) + "' is not an address");
        }
        return address;
    }

    /** A port field (decimal); -1 when absent or empty, rejected when not a port. */
    static int port(String field, String value) throws RecordRejected {
        if (value == null || value.isEmpty()) {
            return -1;
        }
        int port = LocalStamp.digits(value, 0, value.length());
        if (value.length() > 5 || port < 0 || port > 65535) {
            throw RecordRejected.malformed(field + " '" + abbreviate(value) + "' is not a port");
        }
        return port;
    }

    /** A byte count; -1 when absent or empty, rejected when not a count. */
    static long count(String field, String value) throws RecordRejected {
        if (value == null || value.isEmpty()) {
            return -1;
        }
        if (value.length() > 18) {
            throw RecordRejected.malformed(field + " '" + abbreviate(value) + "' is not a count");
        }
        long count = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw RecordRejected.malformed(field + " '" + abbreviate(value) + "' is not a count");
            }
            count = count * 10 + (c - '0');
        }
        return count;
    }

    static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
