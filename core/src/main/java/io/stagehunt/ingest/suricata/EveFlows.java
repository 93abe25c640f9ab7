package io.stagehunt.ingest.suricata;

import io.stagehunt.event.Connection;
import io.stagehunt.event.ConnectionOutcome;
import io.stagehunt.event.Direction;
import io.stagehunt.event.Transport;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.net.IpAddress;

/**
 * EVE {@code flow} and {@code netflow} records as {@link Connection}s.
 *
 * <p>A {@code flow} record is bidirectional and maps one to one: {@code src} is the originator, time is
 * {@code flow.start}, duration runs to {@code flow.end}, the outcome comes from the TCP flags each side sent
 * ({@link FlowOutcome}), and a flow still tracked when Suricata logged it ({@code reason} shutdown or forced,
 * state not closed) is marked open, its duration a lower bound. Suricata counts whole packets, headers
 * included, where Zeek counts payload: byte counts are the sensor's and not comparable across sensors.
 *
 * <p>A {@code netflow} record is one direction of a flow; Suricata writes the to-server half, then the
 * to-client half (with the addresses swapped) only when the responder sent packets. The halves are joined on
 * {@code flow_id} into one connection, the first half seen being the originator's; a half left alone is
 * released when it ages out, as a connection whose responder sent nothing. When an input also holds
 * {@code flow} records (both loggers on), netflow records describe the same flows again and are skipped as
 * duplicates: those after the first flow record at once, and any half still waiting when the flow record of
 * its flow arrives. Not thread-safe.
 */
final class EveFlows {

    static final long WINDOW_MICROS = 30_000_000L;
    static final long MIN_RECORDS = 1_000;
    static final int CAPACITY = 20_000;
    static final String JOINED = "netflow half joined to its other half";
    static final String DUPLICATE = "netflow record duplicates a flow record";

    private final ReadContext context;
    private final EventSink sink;
    private final JoinBuffer<Pair> pairs;
    private boolean flowRecordsSeen;

    EveFlows(ReadContext context, EventSink sink) {
        this.context = context;
        this.sink = sink;
        this.pairs = new JoinBuffer<>(CAPACITY, WINDOW_MICROS, MIN_RECORDS, this::released);
    }

    /** The connection of one {@code flow} record. */
    Connection flow(EveRecord eve, long line, long timestamp) throws MalformedEveException {
        IpAddress originator = eve.requiredAddress(EveFields.SRC_IP);
        IpAddress responder = eve.requiredAddress(EveFields.DEST_IP);
        Transport transport = Transport.parse(eve.text(EveFields.PROTO));
        int originatorPort = sourcePort(eve, transport);
        int responderPort = destinationPort(eve, transport);
        long start = eve.time(EveFields.FLOW_START);
        long end = eve.time(EveFields.FLOW_END);
        long packetsToServer = eve.count(EveFields.FLOW_PKTS_TOSERVER);
        long packetsToClient = eve.count(EveFields.FLOW_PKTS_TOCLIENT);
        long bytesToServer = eve.count(EveFields.FLOW_BYTES_TOSERVER);
        long bytesToClient = eve.count(EveFields.FLOW_BYTES_TOCLIENT);
        int flagsToServer = eve.flags(EveFields.TCP_FLAGS_TS);
        int flagsToClient = eve.flags(EveFields.TCP_FLAGS_TC);
        String flowState = eve.text(EveFields.FLOW_STATE);
        String tcpState = eve.text(EveFields.TCP_STATE);
        String reason = eve.text(EveFields.FLOW_REASON);
        String service = service(eve.text(EveFields.APP_PROTO));
        long flowId = eve.count(EveFields.FLOW_ID);

        flowRecordsSeen = true;
        if (flowId >= 0) {
            Pair duplicate = pairs.remove(Long.toString(flowId));
            if (duplicate != null) {
                for (int i = 0; i < duplicate.records(); i++) {
                    context.skip(DUPLICATE);
                }
            }
        }
        long time = start != Long.MIN_VALUE ? start : timestamp;
        boolean open = ("shutdown".equals(reason) || "forced".equals(reason)) && !"closed".equals(flowState);
        Direction direction = context.direction(originator, responder);
        return new Connection(time, context.host(direction, originator, responder), context.provenance(line),
                flowId < 0 ? null : Long.toString(flowId), originator, originatorPort, responder, responderPort,
                transport, service, duration(time, end), bytesToServer, bytesToClient, packetsToServer,
                packetsToClient, FlowOutcome.of(transport, flagsToServer, flagsToClient, packetsToClient, flowState),
                state(flowState, tcpState, flagsToServer, flagsToClient), direction, open);
    }

    /**
     * The source port; for ICMP, which EVE logs with its type and code in fields of their own, the type (Zeek and
     * Argus also put the type in the originator port): it tells a ping from an unreachable.
     */
    private static int sourcePort(EveRecord eve, Transport transport) throws MalformedEveException {
        int port = eve.port(EveFields.SRC_PORT);
        return port < 0 && transport == Transport.ICMP ? icmpField(eve, EveFields.ICMP_TYPE) : port;
    }

    /** The destination port; for ICMP the code. */
    private static int destinationPort(EveRecord eve, Transport transport) throws MalformedEveException {
        int port = eve.port(EveFields.DEST_PORT);
        return port < 0 && transport == Transport.ICMP ? icmpField(eve, EveFields.ICMP_CODE) : port;
    }

    private static int icmpField(EveRecord eve, int slot) throws MalformedEveException {
        long value = eve.count(slot);
        if (value > 255) {
            throw new MalformedEveException(eve.name(slot), "ICMP type or code out of range");
        }
        return (int) value;
    }

    /** Takes one {@code netflow} record; its connection is emitted once its other half is seen or gone. */
    void netflow(EveRecord eve, long line, long record, long timestamp) throws MalformedEveException {
        Half half = new Half();
        half.line = line;
        half.record = record;
        half.logged = timestamp;
        half.source = eve.requiredAddress(EveFields.SRC_IP);
        half.destination = eve.requiredAddress(EveFields.DEST_IP);
        half.transport = Transport.parse(eve.text(EveFields.PROTO));
        half.sourcePort = sourcePort(eve, half.transport);
        half.destinationPort = destinationPort(eve, half.transport);
        long start = eve.time(EveFields.NETFLOW_START);
        half.start = start != Long.MIN_VALUE ? start : timestamp;
        half.end = eve.time(EveFields.NETFLOW_END);
        half.packets = eve.count(EveFields.NETFLOW_PKTS);
        half.bytes = eve.count(EveFields.NETFLOW_BYTES);
        half.flags = eve.flags(EveFields.TCP_FLAGS);
        half.service = service(eve.text(EveFields.APP_PROTO));
        half.flowId = eve.count(EveFields.FLOW_ID);
        if (flowRecordsSeen) {
            context.skip(DUPLICATE);
            return;
        }
        if (half.flowId < 0) {
            emit(new Pair(half));
            return;
        }
        String key = Long.toString(half.flowId);
        Pair pair = pairs.get(key);
        if (pair != null && pair.second == null && half.reverses(pair.first)) {
            pair.second = half;
            pairs.remove(key);
            emit(pair);
            return;
        }
        if (pair != null) {
            pairs.remove(key);
            emit(pair);
        }
        pairs.put(key, new Pair(half));
    }

    void expire(long newestMicros, long record) {
        pairs.expire(newestMicros, record);
    }

    void drain() {
        pairs.drain();
    }

    private void released(Pair pair) {
        emit(pair);
    }

    private void emit(Pair pair) {
        Half first = pair.first;
        Half second = pair.second;
        long start = second == null ? first.start : Math.min(first.start, second.start);
        long end = second == null ? first.end : Math.max(first.end, second.end);
        long packetsBack = second == null ? (first.flowId < 0 ? -1 : 0) : second.packets;
        long bytesBack = second == null ? (first.flowId < 0 ? -1 : 0) : second.bytes;
        int flagsBack = second == null ? (first.flags < 0 || first.flowId < 0 ? -1 : 0) : second.flags;
        ConnectionOutcome outcome = FlowOutcome.of(first.transport, first.flags, flagsBack, packetsBack, null);
        Direction direction = context.direction(first.source, first.destination);
        Connection connection = new Connection(start, context.host(direction, first.source, first.destination),
                context.provenance(first.line), first.flowId < 0 ? null : Long.toString(first.flowId), first.source,
                first.sourcePort, first.destination, first.destinationPort, first.transport,
                first.service != null ? first.service : second == null ? null : second.service,
                duration(start, end), first.bytes, bytesBack, first.packets, packetsBack, outcome, "netflow", direction,
                false);
        sink.emit(connection, pair.records() - 1, JOINED);
    }

    private static long duration(long start, long end) {
        return start == Long.MIN_VALUE || end == Long.MIN_VALUE || end < start ? -1 : end - start;
    }

    /** The application protocol Suricata recognized; {@code failed} and {@code unknown} mean none. */
    private static String service(String appProto) {
        if (appProto == null || appProto.isEmpty() || appProto.equals("failed") || appProto.equals("unknown")) {
            return null;
        }
        return appProto;
    }

    /** Suricata's own view, kept as evidence: flow state, TCP state and the flags each side sent. */
    private static String state(String flowState, String tcpState, int toServer, int toClient) {
        StringBuilder text = new StringBuilder(flowState == null ? "?" : flowState);
        if (tcpState != null) {
            text.append('/').append(tcpState);
        }
        if (toServer >= 0 && toClient >= 0) {
            text.append(" flags ").append(hex(toServer)).append('/').append(hex(toClient));
        }
        return text.toString();
    }

    private static String hex(int flags) {
        String digits = Integer.toHexString(flags);
        return digits.length() == 1 ? "0" + digits : digits;
    }

    /** One direction of a flow, as one netflow record gives it. */
    private static final class Half {
        long line;
        long record;
        /** When Suricata wrote the record: the age of a waiting half is measured from here. */
        long logged;
        IpAddress source;
        IpAddress destination;
        int sourcePort;
        int destinationPort;
        Transport transport;
        long start;
        long end;
        long packets;
        long bytes;
        int flags;
        String service;
        long flowId;

        /**
         * Whether this half runs the other way of the same flow. ICMP halves carry their own message types (an
         * echo request's reply half says echo reply), so only their addresses must mirror.
         */
        boolean reverses(Half other) {
            return source.equals(other.destination) && destination.equals(other.source)
                    && (transport == Transport.ICMP && other.transport == Transport.ICMP
                            || sourcePort == other.destinationPort && destinationPort == other.sourcePort);
        }
    }

    /** The halves of one flow: the originator's, then the responder's when seen. */
    private static final class Pair implements JoinBuffer.Pending {
        final Half first;
        Half second;

        Pair(Half first) {
            this.first = first;
        }

        int records() {
            return second == null ? 1 : 2;
        }

        @Override
        public long firstMicros() {
            return first.logged;
        }

        @Override
        public long firstRecord() {
            return first.record;
        }
    }
}
