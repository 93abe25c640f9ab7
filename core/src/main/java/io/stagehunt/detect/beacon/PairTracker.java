package io.stagehunt.detect.beacon;

import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.event.Connection;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.EventKinds;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.TlsSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The state of one pair (internal host, address) for one pair detector: the flow join, the address's latest
 * DNS name, whether the address is a forward proxy, and one channel per name reached through it plus one for
 * the bare address. Bounded: at most {@link PairSettings#maxChannelsPerPair()} named channels and
 * {@link PairSettings#maxRecentFlows()} flows held for the join. Public only as the pair detectors' state
 * type; opaque outside this package. Not thread-safe.
 *
 * @param <C> the detector's channel state
 */
public final class PairTracker<C extends ChannelState> implements Serializable {

    /** Below this, a channel's own rhythm is not trusted when judging how stale it is. */
    private static final long MIN_STALENESS_UNIT_MICROS = 60_000_000L;

    /** Flows due to settle within this of the first settle with it, so that a burst settles in one go. */
    private static final long SETTLE_BATCH_MICROS = 15_000_000L;

    /** How late the flow join of a quiet pair may catch up: only memory is at stake, and an hour of flows is little. */
    private static final long CATCH_UP_MICROS = 3_600_000_000L;

    private final FlowJoin join;
    /** When the flow join next has flows to settle or forget; it catches up on the first event after. */
    private long joinDueMicros = Long.MAX_VALUE;
    /** Channels by name; allocated with the first name, since most pairs have none. */
    private Map<String, Slot<C>> named = Map.of();
    private Slot<C> bare;
    private String dnsLabel;
    private long dnsSeenMicros = Long.MIN_VALUE;
    private boolean proxy;

    PairTracker(PairSettings settings) {
        this.join = new FlowJoin(settings.maxRecentFlows());
    }

    /** One event for a pair detector: the whole step of {@code Detector.onEvent}. */
    static <C extends ChannelState> PairTracker<C> onEvent(PairKey key, PairTracker<C> state, Event event,
            DetectorContext context, PairSettings settings, ChannelState.Factory<C> factory) {
        PairTracker<C> tracker = state != null ? state : new PairTracker<>(settings);
        Moment moment = Moment.of(context, event.timeMicros());
        tracker.onEvent(event, moment, new Environment<>(key, settings, factory, context));
        return tracker.schedule(moment, settings, context);
    }

    /** One timer for a pair detector: the whole step of {@code Detector.onTimer}. */
    static <C extends ChannelState> PairTracker<C> onTimer(PairKey key, PairTracker<C> tracker, long timeMicros,
            DetectorContext context, PairSettings settings, ChannelState.Factory<C> factory) {
        Moment moment = Moment.of(context, timeMicros);
        Environment<C> environment = new Environment<>(key, settings, factory, context);
        if (moment.endOfInput()) {
            tracker.finish(moment, environment);
            return null;
        }
        tracker.onTimer(moment, environment);
        return tracker.schedule(moment, settings, context);
    }

    private PairTracker<C> schedule(Moment moment, PairSettings settings, DetectorContext context) {
        if (isEmpty(settings, moment.nowMicros())) {
            return null;
        }
        context.setTimer(dueMicros(settings));
        return this;
    }

    /** What a tracker needs from its detector; also where its channels' findings go. */
    record Environment<C extends ChannelState>(PairKey key, PairSettings settings, ChannelState.Factory<C> factory,
            DetectorContext context) implements Consumer<Finding> {

        @Override
        public void accept(Finding finding) {
            context.emit(finding);
        }
    }

    void onEvent(Event event, Moment moment, Environment<C> environment) {
        FlowJoin.Delivery delivery = delivery(moment, environment);
        if (joinDueMicros <= moment.nowMicros()) {
            catchUp(moment, environment);
        }
        long grace = environment.settings().flowWaitMicros();
        if (event instanceof Connection connection) {
            join.onFlow(connection, moment.nowMicros(), environment.settings().nameWaitMicros(),
                    namesPossible(environment.context()), delivery);
        } else if (event instanceof HttpRequest request) {
            PairEvents.Naming naming = PairEvents.naming(request);
            proxy |= naming.proxied();
            join.onName(request, request.uid(), naming, moment.nowMicros(), grace, delivery);
        } else if (event instanceof TlsSession session) {
            PairEvents.Naming naming = PairEvents.naming(session);
            if (proxy) {
                naming = new PairEvents.Naming(naming.name(), true, naming.targetPort(), false, true);
            }
            join.onName(session, session.uid(), naming, moment.nowMicros(), grace, delivery);
        } else if (event instanceof DnsQuery query) {
            if (query.timeMicros() >= dnsSeenMicros) {
                dnsLabel = query.query();
                dnsSeenMicros = query.timeMicros();
            }
        }
    }

    /** Whether any input can produce the HTTP or TLS records that name flows (not Zeek conn and dns logs alone). */
    private static boolean namesPossible(DetectorContext context) {
        EventKinds kinds = context.inputKinds();
        return kinds.mayProduce(HttpRequest.class) || kinds.mayProduce(TlsSession.class);
    }

    /** Settles flows and attends channels up to {@code moment}. */
    void onTimer(Moment moment, Environment<C> environment) {
        catchUp(moment, environment);
        attendChannels(moment, environment);
    }

    /**
     * Settles the flows that fell due since the pair was last touched, batch by batch, and attends the channels
     * after each batch at its time, as a timer of the batch's own would have; then forgets old settled flows.
     */
    private void catchUp(Moment moment, Environment<C> environment) {
        FlowJoin.Delivery delivery = delivery(moment, environment);
        for (long settled = join.settleBatch(moment.nowMicros(), SETTLE_BATCH_MICROS, delivery);
                settled != Long.MIN_VALUE;
                settled = join.settleBatch(moment.nowMicros(), SETTLE_BATCH_MICROS, delivery)) {
            attendChannels(moment.at(settled), environment);
        }
        join.forgetIfDue(moment.nowMicros(), environment.settings().joinMemoryMicros(),
                environment.settings().idleMicros());
    }

    /** Hands joined flows to their channels, each at the time the join settled it. */
    private FlowJoin.Delivery delivery(Moment moment, Environment<C> environment) {
        return (name, proxied, observation, atMicros) ->
                deliver(name, proxied, observation, moment.at(atMicros), environment);
    }

    private void attendChannels(Moment moment, Environment<C> environment) {
        if (bare != null && !bare.channel.attend(moment, view(bare, environment), environment)) {
            bare = null;
        }
        if (named.isEmpty()) {
            return;
        }
        Iterator<Slot<C>> slots = named.values().iterator();
        while (slots.hasNext()) {
            Slot<C> slot = slots.next();
            if (!slot.channel.attend(moment, view(slot, environment), environment)) {
                slots.remove();
            }
        }
    }

    /** The input ended: settles every flow, reports every channel, forgets everything. */
    void finish(Moment moment, Environment<C> environment) {
        join.settleAll(moment.nowMicros(), delivery(moment, environment));
        List<Slot<C>> all = new ArrayList<>(named.values());
        if (bare != null) {
            all.add(0, bare);
        }
        for (Slot<C> slot : all) {
            slot.channel.close(moment, view(slot, environment), environment);
        }
        named = Map.of();
        bare = null;
    }

    /** When this pair next needs attention; {@link Long#MAX_VALUE} when it holds nothing. */
    long dueMicros(PairSettings settings) {
        long due = Long.MAX_VALUE;
        if (bare != null) {
            due = Math.min(due, bare.channel.dueMicros());
        }
        if (!named.isEmpty()) {
            for (Slot<C> slot : named.values()) {
                due = Math.min(due, slot.channel.dueMicros());
            }
        }
        // Waiting flows settle, each batch at its own time, and old settled ones are forgotten when the pair is
        // next touched (an event, a channel's timer): a pair that calls every few minutes needs no timer per flow.
        // A pair that falls quiet is visited a catch-up span later at the latest, so nothing is held for long.
        joinDueMicros = Math.min(join.settleDueMicros(),
                join.forgetDueMicros(settings.joinMemoryMicros(), settings.idleMicros()));
        if (joinDueMicros != Long.MAX_VALUE) {
            due = Math.min(due, joinDueMicros + CATCH_UP_MICROS);
        }
        if (due == Long.MAX_VALUE && dnsLabel != null) {
            due = dnsSeenMicros + settings.labelRetentionMicros();
        }
        return due;
    }

    /** Whether nothing is left worth keeping at {@code nowMicros}. */
    boolean isEmpty(PairSettings settings, long nowMicros) {
        return join.isEmpty() && bare == null && named.isEmpty() && (dnsLabel == null
                || labelExpired(settings, nowMicros));
    }

    private boolean labelExpired(PairSettings settings, long nowMicros) {
        return dnsSeenMicros + settings.labelRetentionMicros() <= nowMicros;
    }

    private void deliver(String name, boolean proxied, Observation observation, Moment moment,
            Environment<C> environment) {
        Slot<C> slot;
        if (name == null) {
            if (bare == null) {
                bare = new Slot<>(null, false, environment.factory().create());
            }
            slot = bare;
        } else {
            slot = named.get(name);
            if (slot == null) {
                if (named.isEmpty()) {
                    named = new HashMap<>(4);
                }
                if (named.size() >= environment.settings().maxChannelsPerPair()) {
                    evictStalest(moment, environment);
                }
                slot = new Slot<>(name, proxied, environment.factory().create());
                named.put(name, slot);
            }
            slot.proxied |= proxied;
        }
        slot.channel.observe(observation, moment.nowMicros());
    }

    /** Reports and drops the channel that has been silent longest relative to its own rhythm. */
    private void evictStalest(Moment moment, Environment<C> environment) {
        Slot<C> stalest = null;
        double worst = Double.NEGATIVE_INFINITY;
        for (Slot<C> slot : named.values()) {
            long unit = Math.max(slot.channel.typicalGapMicros(), MIN_STALENESS_UNIT_MICROS);
            double staleness = (double) (moment.nowMicros() - slot.channel.lastActivityMicros()) / unit;
            if (staleness > worst) {
                worst = staleness;
                stalest = slot;
            }
        }
        if (stalest != null) {
            stalest.channel.close(moment, view(stalest, environment), environment);
            named.remove(stalest.name);
        }
    }

    private ChannelView view(Slot<C> slot, Environment<C> environment) {
        return new ChannelView(environment.key(), slot.name, slot.proxied, dnsLabel);
    }

    private static final class Slot<C> implements Serializable {
        final String name;
        boolean proxied;
        final C channel;

        Slot(String name, boolean proxied, C channel) {
            this.name = name;
            this.proxied = proxied;
            this.channel = channel;
        }
    }
}
