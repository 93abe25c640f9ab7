package io.stagehunt.ingest.zeek;

import io.stagehunt.net.IpAddress;
import java.util.List;

/**
 * Typed access to one Zeek record through the field slots of a {@link ZeekLog} (slot = index in its field
 * list). Unset ({@code -}), empty and missing fields read as the "unknown" value of each accessor; values
 * that are present but malformed (or, in JSON, of the wrong type) throw. Implemented once per Zeek writer.
 */
interface ZeekRow {

    /** True when the field exists in this log and is set. */
    boolean present(int slot);

    /** The unescaped text, or null when unset. */
    String text(int slot) throws MalformedFieldException;

    /**
     * {@link #text}, for fields whose values come from a small vocabulary (protocol, connection state, service,
     * type and code names): equal values may come back as one shared string.
     */
    default String symbol(int slot) throws MalformedFieldException {
        return text(slot);
    }

    /** A {@code time} as epoch microseconds; {@link Long#MIN_VALUE} when unset. */
    long time(int slot) throws MalformedFieldException;

    /** An {@code interval} in microseconds; -1 when unset; a negative one is malformed. */
    long interval(int slot) throws MalformedFieldException;

    /** A {@code count}; -1 when unset; a negative value is malformed. */
    long count(int slot) throws MalformedFieldException;

    /** A {@code port}; -1 when unset. */
    int port(int slot) throws MalformedFieldException;

    /** An {@code addr}; null when unset. */
    IpAddress address(int slot) throws MalformedFieldException;

    /** A {@code bool}; {@code fallback} when unset. */
    boolean bool(int slot, boolean fallback) throws MalformedFieldException;

    /** A {@code set} or {@code vector} of text; empty when unset or empty. */
    List<String> list(int slot) throws MalformedFieldException;

    /** A {@code vector[interval]} in seconds; empty when unset or empty. */
    List<Double> seconds(int slot) throws MalformedFieldException;
}
