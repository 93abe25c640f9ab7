package io.stagehunt.detect.beacon;

import io.stagehunt.event.Connection;
import io.stagehunt.event.Event;
import io.stagehunt.event.Provenance;
import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.PriorityQueue;

/**
 * Joins, inside one pair, the flow record (bytes, duration) with the HTTP or TLS record that names the flow,
 * by the sensor's flow id, and hands each joined flow to its channel exactly once.
 *
 * <p>A flow waits for its name until the grace period has passed in event time since it arrived (the naming
 * record follows its flow by milliseconds to seconds, but sensors write flow records when flows end, so they
 * can come minutes late); a name waits for its flow just as long, so logs that hold only HTTP or TLS records
 * still count. Settled flows are remembered for a while so that further requests on a kept-alive connection
 * count as check-ins and late records of the same flow update it rather than count twice. Holds at most
 * {@code capacity} flows, found by flow id in constant time; making room settles the oldest. Not thread-safe.
 */
final class FlowJoin implements Serializable {

    /** Where joined flows go, and at what event time they were settled. */
    interface Delivery {
        void deliver(String name, boolean proxied, Observation observation, long atMicros);
    }

    private enum Stage { AWAITING_NAME, AWAITING_FLOW, SETTLED }

    /**
     * By flow id, oldest first; flows without an id get a key of their own that nothing looks up. Allocated with
     * the first flow and dropped when empty: most pairs only ever hold a DNS name.
     */
    private LinkedHashMap<String, Entry> entries;
    /** Waiting entries by settle time; entries settled meanwhile leave lazily, when they reach the head. */
    private PriorityQueue<Entry> waiting;
    /**
     * At most the oldest last touch of a settled entry whose flow record came (exact after each forgetting pass):
     * spares the pass over all entries until one may really be forgotten.
     */
    private long settledTouchFloor = Long.MAX_VALUE;
    /** The same for settled entries still awaiting their flow record, which are kept longer. */
    private long awaitingTouchFloor = Long.MAX_VALUE;
    private final int capacity;
    private long anonymous;

    FlowJoin(int capacity) {
        this.capacity = capacity;
    }

    boolean isEmpty() {
        return entries == null;
    }

    /**
     * A flow record: settles a waiting name, updates a settled flow, or waits for its name. A record that
     * arrives late waits its grace from when it arrived ({@code nowMicros}), not from when it happened. It waits
     * only when {@code namesPossible}: some input can produce the HTTP or TLS records that name flows.
     */
    void onFlow(Connection connection, long nowMicros, long graceMicros, boolean namesPossible,
            Delivery delivery) {
        Entry entry = find(connection.uid());
        if (entry == null && !(namesPossible && PairEvents.nameable(connection))) {
            // no HTTP or TLS on this flow, or no input that could hold its record: nothing will name it, so it
            // settles at once
            if (!connection.open()) {
                delivery.deliver(null, false, unnamed(connection), nowMicros);
                return;
            }
            entry = new Entry(connection.uid(), connection.timeMicros(), nowMicros, Stage.AWAITING_NAME);
            entry.takeFlow(connection);
            settle(entry, nowMicros, delivery);
            // a still-open flow will be logged again when it closes; remember it to count it once
            add(entry, nowMicros, delivery);
            return;
        }
        if (entry == null) {
            entry = new Entry(connection.uid(), connection.timeMicros(),
                    Math.max(connection.timeMicros(), nowMicros) + graceMicros, Stage.AWAITING_NAME);
            entry.takeFlow(connection);
            add(entry, nowMicros, delivery);
            return;
        }
        entry.takeFlow(connection);
        switch (entry.stage) {
            case AWAITING_FLOW -> settleHeld(entry, nowMicros, delivery);
            case SETTLED -> {
                delivery.deliver(entry.name, entry.proxied, entry.observation(Observation.Kind.UPDATE,
                        connection.timeMicros(), connection.provenance()), nowMicros);
                // its flow record came: from now on it is forgotten after the ordinary memory
                settledTouchFloor = Math.min(settledTouchFloor, entry.lastTouchMicros);
            }
            case AWAITING_NAME -> {
                // a second record of the same flow (open, then closed) before it settled: the latest holds
            }
        }
    }

    /** A naming record (HTTP request, TLS handshake) of a flow. */
    void onName(Event event, String uid, PairEvents.Naming naming, long nowMicros, long graceMicros,
            Delivery delivery) {
        Entry entry = find(uid);
        if (entry == null) {
            entry = new Entry(uid, event.timeMicros(), Math.max(event.timeMicros(), nowMicros) + graceMicros,
                    Stage.AWAITING_FLOW);
            entry.takeName(naming);
            entry.provenance = event.provenance();
            add(entry, nowMicros, delivery);
            return;
        }
        switch (entry.stage) {
            case AWAITING_NAME -> {
                entry.takeName(naming);
                settleHeld(entry, nowMicros, delivery);
            }
            case AWAITING_FLOW -> {
                if (entry.name == null && naming.name() != null) {
                    entry.takeName(naming);
                }
                if (naming.request() && entry.named) {
                    entry.requests++;
                    if (entry.requests > 1) {
                        delivery.deliver(entry.name, entry.proxied, entry.observation(Observation.Kind.REQUEST,
                                event.timeMicros(), event.provenance()), nowMicros);
                    }
                }
            }
            case SETTLED -> {
                if (naming.request()) {
                    delivery.deliver(entry.name, entry.proxied, entry.observation(Observation.Kind.REQUEST,
                            event.timeMicros(), event.provenance()), nowMicros);
                } else if (naming.encrypted() && !entry.encrypted) {
                    entry.encrypted = true;
                    delivery.deliver(entry.name, entry.proxied, entry.observation(Observation.Kind.UPDATE,
                            event.timeMicros(), event.provenance()), nowMicros);
                }
            }
        }
        entry.lastTouchMicros = Math.max(entry.lastTouchMicros, event.timeMicros());
    }

    /**
     * Settles the first batch of waiting flows due by {@code nowMicros}: the first due and every flow due within
     * {@code batchMicros} after it, at the batch's end (or now, if sooner), so that a burst settles in one go.
     * When a flow settles depends on the flows alone, not on when this is called, so callers may settle lazily,
     * when the pair is next touched.
     *
     * @return when the batch settled; {@link Long#MIN_VALUE} when no flow was due
     */
    long settleBatch(long nowMicros, long batchMicros, Delivery delivery) {
        Entry head = nextWaiting();
        if (head == null || head.settleAtMicros > nowMicros) {
            return Long.MIN_VALUE;
        }
        long batchEnd = Math.min(nowMicros, head.settleAtMicros + batchMicros);
        for (; head != null && head.settleAtMicros <= batchEnd; head = nextWaiting()) {
            waiting.poll();
            settleHeld(head, batchEnd, delivery);
        }
        return batchEnd;
    }

    /**
     * Forgets settled flows last touched a memory ago, when a forgetting pass is due. A flow settled by its name
     * whose flow record has not come yet is kept for {@code awaitMemoryMicros}: sensors log a flow when it ends,
     * and the record of a session that lasted hours must still find the name its handshake gave.
     */
    void forgetIfDue(long nowMicros, long memoryMicros, long awaitMemoryMicros) {
        if (forgetDueMicros(memoryMicros, awaitMemoryMicros) <= nowMicros) {
            forget(nowMicros - memoryMicros, nowMicros - awaitMemoryMicros);
        }
    }

    /** Forgets settled entries last touched at or before their horizon; makes the floors exact. */
    private void forget(long touchedByMicros, long awaitingTouchedByMicros) {
        long floor = Long.MAX_VALUE;
        long awaitingFloor = Long.MAX_VALUE;
        Iterator<Entry> iterator = entries.values().iterator();
        while (iterator.hasNext()) {
            Entry entry = iterator.next();
            if (entry.stage != Stage.SETTLED) {
                continue;
            }
            boolean awaiting = entry.awaitsFlow();
            if (entry.lastTouchMicros <= (awaiting ? awaitingTouchedByMicros : touchedByMicros)) {
                iterator.remove();
            } else if (awaiting) {
                awaitingFloor = Math.min(awaitingFloor, entry.lastTouchMicros);
            } else {
                floor = Math.min(floor, entry.lastTouchMicros);
            }
        }
        settledTouchFloor = floor;
        awaitingTouchFloor = awaitingFloor;
        if (entries.isEmpty()) {
            entries = null;
            waiting = null;
        }
    }

    /** The waiting entry that settles first, dropping entries that settled otherwise meanwhile; or null. */
    private Entry nextWaiting() {
        if (waiting == null) {
            return null;
        }
        while (!waiting.isEmpty() && waiting.peek().stage == Stage.SETTLED) {
            waiting.poll();
        }
        return waiting.peek();
    }

    /** Settles everything still waiting, at the end of the input. */
    void settleAll(long nowMicros, Delivery delivery) {
        if (entries == null) {
            return;
        }
        for (Entry entry : entries.values()) {
            if (entry.stage != Stage.SETTLED) {
                settle(entry, nowMicros, delivery);
            }
        }
        entries = null;
        waiting = null;
        settledTouchFloor = Long.MAX_VALUE;
        awaitingTouchFloor = Long.MAX_VALUE;
    }

    /** When the first waiting flow or name must settle; {@link Long#MAX_VALUE} when none waits. */
    long settleDueMicros() {
        Entry head = nextWaiting();
        return head == null ? Long.MAX_VALUE : head.settleAtMicros;
    }

    /**
     * When settled flows are next forgotten; {@link Long#MAX_VALUE} when none is held. Forgetting comes in
     * batches, up to half a memory late: only memory is at stake, and a pass goes over every flow held.
     */
    long forgetDueMicros(long memoryMicros, long awaitMemoryMicros) {
        if (entries == null) {
            return Long.MAX_VALUE;
        }
        long due = settledTouchFloor == Long.MAX_VALUE ? Long.MAX_VALUE
                : settledTouchFloor + memoryMicros + memoryMicros / 2;
        return awaitingTouchFloor == Long.MAX_VALUE ? due
                : Math.min(due, awaitingTouchFloor + awaitMemoryMicros + memoryMicros / 2);
    }

    /** Settles an entry this join holds (and so must forget in time). */
    private void settleHeld(Entry entry, long atMicros, Delivery delivery) {
        settle(entry, atMicros, delivery);
        noteSettled(entry);
    }

    private void noteSettled(Entry entry) {
        if (entry.awaitsFlow()) {
            awaitingTouchFloor = Math.min(awaitingTouchFloor, entry.lastTouchMicros);
        } else {
            settledTouchFloor = Math.min(settledTouchFloor, entry.lastTouchMicros);
        }
    }

    private void settle(Entry entry, long atMicros, Delivery delivery) {
        entry.stage = Stage.SETTLED;
        delivery.deliver(entry.name, entry.proxied,
                entry.observation(Observation.Kind.FLOW, entry.startMicros, entry.provenance), atMicros);
    }

    private void add(Entry entry, long nowMicros, Delivery delivery) {
        if (entries == null) {
            entries = new LinkedHashMap<>();
            waiting = new PriorityQueue<>();
        }
        if (entries.size() >= capacity) {
            Iterator<Entry> oldestFirst = entries.values().iterator();
            Entry oldest = oldestFirst.next();
            oldestFirst.remove();
            if (oldest.stage != Stage.SETTLED) {
                settle(oldest, nowMicros, delivery);
            }
        }
        entries.put(identified(entry.uid) ? entry.uid : "\u0000" + anonymous++, entry);
        if (entry.stage == Stage.SETTLED) {
            noteSettled(entry);
        } else {
            waiting.add(entry);
        }
    }

    /** What a closed flow that nothing names tells its channel: what an entry settled at once would. */
    private static Observation unnamed(Connection connection) {
        return new Observation(Observation.Kind.FLOW, connection.timeMicros(), connection.bytesOut(),
                connection.durationMicros(), false, connection.originatorPort(), connection.remotePort(), -1,
                connection.uid(), PairEvents.answered(connection), PairEvents.encrypted(connection),
                PairEvents.lookup(connection), PairEvents.timePoll(connection), connection.provenance());
    }

    private static boolean identified(String uid) {
        return uid != null && !uid.isEmpty() && !uid.equals("-");
    }

    private Entry find(String uid) {
        return entries != null && identified(uid) ? entries.get(uid) : null;
    }

    /** One flow's joined facts. */
    private static final class Entry implements Comparable<Entry>, Serializable {
        final String uid;
        final long startMicros;
        final long settleAtMicros;
        Stage stage;
        long lastTouchMicros;
        String name;
        boolean named;
        boolean proxied;
        int targetPort = -1;
        int requests;
        long bytesOut = -1;
        long durationMicros = -1;
        boolean open;
        int originatorPort = -1;
        int remotePort = -1;
        boolean answered = true;
        boolean encrypted;
        boolean lookup;
        boolean timePoll;
        /** Whether a flow record of this flow has come. */
        boolean flowSeen;
        Provenance provenance;

        Entry(String uid, long startMicros, long settleAtMicros, Stage stage) {
            this.uid = uid;
            this.startMicros = startMicros;
            this.settleAtMicros = settleAtMicros;
            this.stage = stage;
            this.lastTouchMicros = startMicros;
        }

        @Override
        public int compareTo(Entry other) {
            return Long.compare(settleAtMicros, other.settleAtMicros);
        }

        /** A named flow whose record has not come yet, and that a record could still find by its id. */
        boolean awaitsFlow() {
            return !flowSeen && identified(uid);
        }

        void takeFlow(Connection connection) {
            flowSeen = true;
            bytesOut = connection.bytesOut();
            durationMicros = connection.durationMicros();
            open = connection.open();
            originatorPort = connection.originatorPort();
            remotePort = connection.remotePort();
            answered = PairEvents.answered(connection);
            encrypted |= PairEvents.encrypted(connection);
            lookup = PairEvents.lookup(connection);
            timePoll = PairEvents.timePoll(connection);
            provenance = connection.provenance();
            lastTouchMicros = Math.max(lastTouchMicros, connection.timeMicros());
        }

        void takeName(PairEvents.Naming naming) {
            name = naming.name();
            named = true;
            proxied = naming.proxied();
            targetPort = naming.targetPort();
            encrypted |= naming.encrypted();
            if (naming.request()) {
                requests = Math.max(requests, 1);
            }
        }

        Observation observation(Observation.Kind kind, long timeMicros, Provenance source) {
            return new Observation(kind, timeMicros, bytesOut, durationMicros, open, originatorPort, remotePort,
                    targetPort, uid, answered, encrypted, lookup, timePoll, source != null ? source : provenance);
        }
    }
}
