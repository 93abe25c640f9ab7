package io.stagehunt.engine;

import io.stagehunt.event.Connection;
import io.stagehunt.event.Event;
import io.stagehunt.event.EventKinds;
import io.stagehunt.event.SourceFile;
import io.stagehunt.ingest.DiscoveredInput;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import io.stagehunt.net.Cidr;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.NetworkScope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A quick look at the head of each input before the real read: when its first event happens (so the merge can
 * open it late), whether the inputs hold any internal address at all, and which kinds of events they can
 * produce. Reads at most {@link #RECORDS_PER_INPUT} records per input; its ledgers are thrown away.
 */
final class InputProbe {

    static final int RECORDS_PER_INPUT = 20_000;
    /** The most addresses taken as a sensor's own when the logs hold no internal address. */
    private static final int MAX_SENSOR_ADDRESSES = 8;
    /** Share of probed connections an address must answer to count as the sensor's own. */
    private static final double SENSOR_SHARE = 0.05;

    private final Map<DiscoveredInput, Long> firstTimes = new HashMap<>();
    private final Map<IpAddress, Set<IpAddress>> originatorsByResponder = new HashMap<>();
    private long connections;
    private boolean internalSeen;
    private EventKinds kinds = EventKinds.NONE;

    void probe(DiscoveredInput input, NetworkScope scope) {
        FileAccount scratch = new FileAccount(input.displayPath());
        SourceFile source = new SourceFile(input.displayPath(), input.format().id());
        long first = Long.MIN_VALUE;
        try (RecordReader reader = input.format().open(input.input(), new ReadContext(source, scratch, scope))) {
            while (scratch.read() < RECORDS_PER_INPUT) {
                Event event = reader.next();
                if (event == null) {
                    break;
                }
                if (first == Long.MIN_VALUE) {
                    first = event.timeMicros();
                }
                observe(event, scope);
            }
            kinds = kinds.and(reader.kinds());
        } catch (IOException | RuntimeException e) {
            first = Long.MIN_VALUE;
            kinds = EventKinds.ANY;
        }
        firstTimes.put(input, first);
    }

    private void observe(Event event, NetworkScope scope) {
        if (event instanceof Connection connection) {
            if (scope.isInternal(connection.originator()) || scope.isInternal(connection.responder())) {
                internalSeen = true;
            }
            if (!internalSeen && originatorsByResponder.size() < 100_000) {
                connections++;
                Set<IpAddress> originators =
                        originatorsByResponder.computeIfAbsent(connection.responder(), ignored -> new HashSet<>());
                if (originators.size() < 10_000) {
                    originators.add(connection.originator());
                }
            }
        } else if (event.host() != null && event.host().ip() != null && scope.isInternal(event.host().ip())) {
            internalSeen = true;
        }
    }

    long firstTime(DiscoveredInput input) {
        return firstTimes.getOrDefault(input, Long.MIN_VALUE);
    }

    /** The kinds of events the probed inputs can produce, by what their heads declare. */
    EventKinds kinds() {
        return kinds;
    }

    boolean internalSeen() {
        return internalSeen;
    }

    /**
     * The addresses of an internet-facing sensor: responders that many distinct originators reach and that
     * answer a fair share of all connections. Empty when internal addresses were seen.
     */
    List<Cidr> sensorAddresses() {
        if (internalSeen || connections == 0) {
            return List.of();
        }
        List<Map.Entry<IpAddress, Set<IpAddress>>> ranked = new ArrayList<>(originatorsByResponder.entrySet());
        ranked.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()));
        List<Cidr> sensor = new ArrayList<>();
        long distinctTotal = ranked.stream().mapToLong(entry -> entry.getValue().size()).sum();
        for (Map.Entry<IpAddress, Set<IpAddress>> entry : ranked) {
            if (sensor.size() == MAX_SENSOR_ADDRESSES || entry.getValue().size() < SENSOR_SHARE * distinctTotal) {
                break;
            }
            IpAddress address = entry.getKey();
            sensor.add(new Cidr(address, 128));
        }
        return sensor;
    }
}
