package io.stagehunt.detect.network;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.detect.network.measure.RecentNames;
import io.stagehunt.event.Connection;
import io.stagehunt.event.Direction;
import io.stagehunt.event.Event;
import io.stagehunt.event.FileTransfer;
import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.TlsSession;
import io.stagehunt.event.Transport;
import io.stagehunt.net.IpAddress;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code exfil}: unusual outbound data flow, per internal host, judged window by window (an hour by default)
 * against the host's own history. For every destination the host sent at least
 * {@link Settings#minUploadBytes()} to in a window, it weighs:
 *
 * <ul>
 *   <li>the volume against the host's usual hourly upload (median and median absolute deviation of its past
 *       active windows);</li>
 *   <li>the asymmetry of the exchange: ordinary traffic downloads more than it uploads;</li>
 *   <li>whether the host had ever sent to that destination before;</li>
 *   <li>uploads over SMTP, FTP, HTTP POST/PUT bodies and files the host sent ({@code T1048} for mail and file
 *       transfer protocols, {@code T1041} otherwise);</li>
 *   <li>a one-way upload to a port ordinary client software does not use ({@code T1571});</li>
 *   <li>many flows of near-equal size: data cut into chunks ({@code T1030}).</li>
 * </ul>
 *
 * <p>A destination's window record starts with its first flow of at least {@link Settings#chunkMinBytes()}:
 * many small flows to one destination are a beacon's business, not this detector's. Rarity across hosts is not
 * judged here: noise control adds it to every finding after the run. Per host the
 * state holds one window of at most {@link Settings#maxDestinations()} destinations, {@link Settings#historyWindows()}
 * past totals and {@link Settings#maxKnownDestinations()} known destinations; it expires after
 * {@link Settings#idleExpiryMicros()} without traffic. Stateless apart from its settings, so thread-safe.
 */
public final class ExfilDetector implements Detector<Host, ExfilDetector.State> {

    public static final String ID = "exfil";

    private static final double MAD_TO_SIGMA = 1.4826;
    private static final int MAX_EVIDENCE = 10;
    private static final int MAX_NAMES = 64;
    private static final long MEGABYTE = 1_000_000L;

    /**
     * Windows, thresholds, weights and bounds.
     *
     * @param windowMicros the length of one judged window, aligned to multiples of itself in event time
     * @param minUploadBytes a destination is judged when the host sent it at least this much in a window
     * @param minHistoryWindows past active windows needed before the host's baseline counts
     * @param deviations how many robust standard deviations above the median count as unusual volume
     * @param minAsymmetry sent-to-received ratio from which the asymmetry signal counts
     * @param chunkMinBytes flows at least this large are compared for equal sizes
     * @param minChunks equal-size flows needed for the chunking signal
     * @param maxChunkVariation the largest coefficient of variation of chunk sizes that still counts as equal
     * @param minScore findings below this are not reported
     * @param idleExpiryMicros a host without outbound traffic this long is forgotten
     * @param historyWindows past active windows kept for the baseline
     * @param maxDestinations destinations tracked per window; the smallest upload is dropped beyond it
     * @param maxKnownDestinations destinations remembered per host for the "never sent there before" signal
     * @param commonPorts ports ordinary client software uses to reach the internet (by default the egress
     *     detector's default list; a site that changes one changes both)
     * @param uncommonPortWeight points for a one-way upload (the asymmetry signal counts) to any other port
     */
    public record Settings(
            long windowMicros, long minUploadBytes, int minHistoryWindows, double deviations, double minAsymmetry,
            long chunkMinBytes, int minChunks, double maxChunkVariation, double minScore, long idleExpiryMicros,
            int historyWindows, int maxDestinations, int maxKnownDestinations,
            double maxVolumeWeight, double maxAsymmetryWeight, double newDestinationWeight, double protocolWeight,
            double chunkWeight, Set<Integer> commonPorts, double uncommonPortWeight) {

        public static final Settings DEFAULTS = new Settings(3_600_000_000L, 10 * MEGABYTE, 6, 3.0, 5.0,
                64_000, 8, 0.1, 0.25, 24 * 3_600_000_000L, 48, 128, 1_024,
                0.35, 0.20, 0.10, 0.15, 0.15, EgressPorts.COMMON, 0.10);

        public Settings {
            if (windowMicros <= 0 || minUploadBytes <= 0 || idleExpiryMicros <= 0 || historyWindows < 1
                    || maxDestinations < 1 || maxKnownDestinations < 1 || minChunks < 2) {
                throw new IllegalArgumentException("exfil windows, thresholds and bounds must be positive");
            }
            commonPorts = Set.copyOf(EgressPorts.checked("commonPorts", commonPorts));
        }
    }

    private final Settings settings;

    public ExfilDetector(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Class<? extends Event> type) {
        return type == Connection.class || type == FirewallDecision.class || type == HttpRequest.class
                || type == FileTransfer.class || type == TlsSession.class;
    }

    @Override
    public Host keyOf(Event event) {
        if (event instanceof Connection connection) {
            return connection.direction() == Direction.OUTBOUND ? event.host() : null;
        }
        if (event instanceof FirewallDecision decision) {
            return decision.direction() == Direction.OUTBOUND && decision.verdict().allowed()
                    && decision.bytesOut() >= 0 ? event.host() : null;
        }
        if (event instanceof HttpRequest request) {
            return request.requestBodyBytes() > 0 && event.host() != null && event.host().ip() != null
                    && event.host().ip().equals(request.client()) ? event.host() : null;
        }
        if (event instanceof FileTransfer transfer) {
            return transfer.download() ? null : event.host();
        }
        if (event instanceof TlsSession session) {
            return session.serverName() != null && event.host() != null && event.host().ip() != null
                    && event.host().ip().equals(session.client()) ? event.host() : null;
        }
        return null;
    }

    @Override
    public State onEvent(Host host, State state, Event event, DetectorContext context) {
        long time = event.timeMicros();
        State current = state != null ? state : new State(settings.historyWindows());
        if (current.windowStart == Long.MIN_VALUE) {
            current.open(windowOf(time));
        } else if (time >= current.windowStart + settings.windowMicros()) {
            close(host, current, context);
            current.open(windowOf(time));
        }
        current.lastActivity = Math.max(current.lastActivity, time);
        if (event instanceof Connection connection) {
            onFlow(current, time, connection.remote(), connection.remotePort(), connection.transport(),
                    connection.bytesOut(), connection.bytesIn(), connection.service(), false, connection.provenance());
        } else if (event instanceof FirewallDecision decision) {
            onFlow(current, time, decision.remote(), decision.remotePort(), decision.transport(), decision.bytesOut(),
                    decision.bytesIn(), decision.application(), true, decision.provenance());
        } else if (event instanceof HttpRequest request) {
            Upload upload = upload(current, request.server());
            upload.httpBodies += request.requestBodyBytes();
            upload.httpRequests++;
            upload.httpMethod = upload.httpMethod == null ? request.method() : upload.httpMethod;
            upload.evidence(request.provenance());
            current.names.name(request.server(), request.hostHeader());
        } else if (event instanceof FileTransfer transfer) {
            Upload upload = upload(current, transfer.remote());
            upload.fileBytes += Math.max(0, transfer.totalBytes());
            upload.files++;
            upload.fileProtocol = upload.fileProtocol == null ? transfer.protocol() : upload.fileProtocol;
            upload.evidence(transfer.provenance());
        } else if (event instanceof TlsSession session) {
            current.names.name(session.server(), session.serverName());
        }
        context.setTimer(current.windowStart + settings.windowMicros());
        return current;
    }

    private void onFlow(State state, long time, IpAddress remote, int port, Transport transport, long out, long in,
            String service, boolean firewall, Provenance provenance) {
        Long since = state.known.get(remote);
        if (since == null) {
            since = time;
            state.known.put(remote, since);
            if (state.known.size() > settings.maxKnownDestinations()) {
                Iterator<IpAddress> eldest = state.known.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        long sent = Math.max(0, out);
        long received = Math.max(0, in);
        boolean receivedUnknown = in < 0;
        if (firewall) {
            state.firewallOut += sent;
        } else {
            state.sensorOut += sent;
        }
        if (sent < settings.chunkMinBytes() && state.uploads.get(remote) == null) {
            return;
        }
        Upload upload = upload(state, remote);
        if (upload.flows == 0) {
            upload.firstContact = since >= state.windowStart;
        }
        upload.flows++;
        Tally tally = firewall ? upload.firewall : upload.sensor;
        tally.out += sent;
        tally.in += received;
        tally.inUnknown |= receivedUnknown;
        if (sent > upload.largestFlow) {
            upload.largestFlow = sent;
            upload.port = port;
            upload.transport = transport;
        }
        if (sent >= settings.chunkMinBytes()) {
            tally.chunks++;
            tally.chunkSum += sent;
            tally.chunkSquares += (double) sent * sent;
        }
        String protocol = mailOrFileProtocol(service);
        if (protocol != null) {
            tally.protocolBytes += sent;
            upload.protocol = protocol;
        }
        if (sent >= settings.minUploadBytes() / 10 || upload.evidence.isEmpty()) {
            upload.evidence(provenance);
        }
    }

    /** SMTP and FTP by Zeek service or firewall application name, or null. */
    private static String mailOrFileProtocol(String service) {
        if (service == null) {
            return null;
        }
        String lower = service.toLowerCase(Locale.ROOT);
        if (lower.contains("smtp")) {
            return "SMTP";
        }
        if (lower.contains("ftp")) {
            return "FTP";
        }
        return null;
    }

    /** The window's record of this destination; beyond the bound the smallest upload makes room. */
    private Upload upload(State state, IpAddress remote) {
        Upload upload = state.uploads.get(remote);
        if (upload != null) {
            return upload;
        }
        if (state.uploads.size() >= settings.maxDestinations()) {
            IpAddress smallest = null;
            long least = Long.MAX_VALUE;
            for (Map.Entry<IpAddress, Upload> entry : state.uploads.entrySet()) {
                if (entry.getValue().sent() < least) {
                    least = entry.getValue().sent();
                    smallest = entry.getKey();
                }
            }
            state.uploads.remove(smallest);
            state.droppedDestinations++;
        }
        upload = new Upload(remote);
        state.uploads.put(remote, upload);
        return upload;
    }

    private long windowOf(long time) {
        return Math.floorDiv(time, settings.windowMicros()) * settings.windowMicros();
    }

    @Override
    public State onTimer(Host host, State state, long timeMicros, DetectorContext context) {
        boolean ended = context.watermarkMicros() == Long.MAX_VALUE;
        boolean windowDue = timeMicros >= state.windowStart + settings.windowMicros();
        if (state.windowStart != Long.MIN_VALUE && (ended || windowDue)) {
            close(host, state, context);
        }
        long expiry = state.lastActivity + settings.idleExpiryMicros();
        if (ended || timeMicros >= expiry) {
            return null;
        }
        context.setTimer(expiry);
        return state;
    }

    /** Judges the open window, adds its total to the history and leaves no window open. */
    private void close(Host host, State state, DetectorContext context) {
        long total = Math.max(state.sensorOut, state.firewallOut);
        Baseline baseline = Baseline.of(state.history, state.historySize);
        for (Upload upload : state.uploads.values()) {
            judge(host, state, upload, baseline, context);
        }
        if (total > 0) {
            state.remember(total);
        }
        state.windowStart = Long.MIN_VALUE;
        state.uploads.clear();
        state.sensorOut = 0;
        state.firewallOut = 0;
    }

    private void judge(Host host, State state, Upload upload, Baseline baseline, DetectorContext context) {
        long sent = upload.sent();
        long protocolSent = Math.max(upload.protocolBytes(), Math.max(upload.httpBodies, upload.fileBytes));
        if (Math.max(sent, protocolSent) < settings.minUploadBytes()) {
            return;
        }
        List<Signal> signals = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        List<String> techniques = new ArrayList<>();
        long volume = Math.max(sent, protocolSent);
        boolean hasBaseline = baseline.windows() >= settings.minHistoryWindows();
        if (hasBaseline) {
            double usual = Math.max(baseline.median() + settings.deviations() * MAD_TO_SIGMA * baseline.mad(),
                    MEGABYTE);
            double ratio = volume / usual;
            if (ratio >= 1) {
                double weight = Math.min(settings.maxVolumeWeight(), 0.1 + 0.1 * log2(ratio));
                signals.add(new Signal("upload-volume", bytes(volume) + " sent in " + window(),
                        "this host's usual upload " + per() + ": median " + bytes((long) baseline.median())
                                + ", deviation " + bytes((long) baseline.mad()) + " over "
                                + baseline.windows() + " windows", weight));
                clauses.add(String.format(Locale.ROOT, "%.0f times its usual upload", volume / Math.max(1.0,
                        baseline.median())));
            }
        } else {
            double weight = Math.min(settings.maxVolumeWeight() / 2,
                    0.05 + 0.05 * log2((double) volume / settings.minUploadBytes()));
            signals.add(new Signal("upload-volume", bytes(volume) + " sent in " + window(),
                    "no baseline yet (" + baseline.windows() + " of " + settings.minHistoryWindows()
                            + " windows); judged against " + bytes(settings.minUploadBytes()) + " alone", weight));
        }
        long received = upload.received();
        // a log without a received count (a CEF record with only "in") gives no ratio to judge
        double asymmetry = received < 0 ? 0 : (double) sent / Math.max(1, received);
        if (sent >= settings.minUploadBytes() && asymmetry >= settings.minAsymmetry()) {
            double weight = Math.min(settings.maxAsymmetryWeight(),
                    0.1 + 0.1 * Math.log10(asymmetry / settings.minAsymmetry()));
            signals.add(new Signal("asymmetry", String.format(Locale.ROOT, "sent %s, received %s (%.0f:1)",
                    bytes(sent), bytes(received), asymmetry),
                    String.format(Locale.ROOT, "ordinary traffic receives more than it sends; counted from %.0f:1",
                            settings.minAsymmetry()), weight));
            clauses.add(String.format(Locale.ROOT, "%.0f times what it received", asymmetry));
            if (upload.hasPorts() && upload.port >= 0 && !settings.commonPorts().contains(upload.port)) {
                signals.add(new Signal("uncommon-port", "port " + upload.port,
                        "one-way uploads to ports outside ordinary client egress ("
                                + EgressPorts.listed(settings.commonPorts()) + ")", settings.uncommonPortWeight()));
                clauses.add("on a port ordinary client traffic does not use");
                techniques.add("T1571");
            }
        }
        if (upload.firstContact && hasBaseline) {
            signals.add(new Signal("new-destination-for-host", "first upload from this host to " + upload.address,
                    "destinations of its last " + settings.maxKnownDestinations() + " remembered",
                    settings.newDestinationWeight()));
            clauses.add("a destination it had never sent to");
        }
        String protocol = protocolUpload(upload);
        if (protocol != null) {
            signals.add(new Signal("upload-protocol", protocol, "uploads of at least "
                    + bytes(settings.minUploadBytes()) + " by mail, file transfer or web forms",
                    settings.protocolWeight()));
            clauses.add("over " + protocol.substring(0, protocol.indexOf(' ')));
        }
        Tally counted = upload.fuller();
        if (counted.chunks >= settings.minChunks()) {
            double mean = counted.chunkSum / counted.chunks;
            double variance = Math.max(0, counted.chunkSquares / counted.chunks - mean * mean);
            double variation = Math.sqrt(variance) / mean;
            if (variation <= settings.maxChunkVariation()) {
                signals.add(new Signal("uniform-chunks", String.format(Locale.ROOT,
                        "%d flows of %s ±%.0f %%", counted.chunks, bytes((long) mean), 100 * variation),
                        String.format(Locale.ROOT, "at least %d flows over %s varying under %.0f %%",
                                settings.minChunks(), bytes(settings.chunkMinBytes()),
                                100 * settings.maxChunkVariation()), settings.chunkWeight()));
                clauses.add("in " + counted.chunks + " equal chunks");
                techniques.add("T1030");
            }
        }
        double score = Finding.scoreOf(signals);
        if (score < settings.minScore()) {
            return;
        }
        techniques.add(0, upload.protocol != null ? "T1048" : "T1041");
        techniques.add("T1104");
        String domain = state.names.of(upload.address);
        Destination destination = new Destination(upload.address, domain, upload.port);
        long first = state.windowStart;
        long last = Math.min(state.lastActivity, state.windowStart + settings.windowMicros());
        String reason = "Host " + host.label() + " sent " + bytes(volume) + " to " + destination.label() + " in "
                + window() + (clauses.isEmpty() ? "" : ", " + String.join(", ", clauses)) + ".";
        double confidence = hasBaseline ? 0.8 : 0.6;
        context.emit(new Finding(Finding.uidOf(ID, host, destination, first), ID, title(protocol, techniques),
                techniques, host, destination, first, last, score, confidence, reason, signals, upload.evidence));
    }

    /** The largest upload over a mail, file transfer or web-form channel, described, or null. */
    private String protocolUpload(Upload upload) {
        long threshold = settings.minUploadBytes();
        if (upload.protocol != null && upload.protocolBytes() >= threshold) {
            return upload.protocol + " " + bytes(upload.protocolBytes());
        }
        if (upload.httpBodies >= threshold) {
            return "HTTP " + upload.httpMethod + " bodies of " + bytes(upload.httpBodies) + " in "
                    + plural(upload.httpRequests, "request");
        }
        if (upload.fileBytes >= threshold) {
            return (upload.fileProtocol == null ? "file" : upload.fileProtocol) + " uploads of "
                    + bytes(upload.fileBytes) + " in " + plural(upload.files, "file");
        }
        return null;
    }

    private static String title(String protocol, List<String> techniques) {
        if (techniques.contains("T1030")) {
            return "Data sent out in equal chunks";
        }
        return protocol != null ? "Large upload over " + protocol.substring(0, protocol.indexOf(' '))
                : "Unusual outbound data volume";
    }

    private String per() {
        long minutes = settings.windowMicros() / 60_000_000L;
        return minutes % 60 == 0 ? (minutes / 60 == 1 ? "per hour" : "per " + minutes / 60 + " hours")
                : "per " + minutes + " minutes";
    }

    private String window() {
        long minutes = settings.windowMicros() / 60_000_000L;
        return minutes % 60 == 0 ? (minutes / 60 == 1 ? "an hour" : minutes / 60 + " hours") : minutes + " minutes";
    }

    static String bytes(long count) {
        if (count >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", count / 1e9);
        }
        if (count >= MEGABYTE) {
            return String.format(Locale.ROOT, "%.1f MB", count / 1e6);
        }
        if (count >= 1_000) {
            return String.format(Locale.ROOT, "%.1f kB", count / 1e3);
        }
        return count + " B";
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    /** The median and median absolute deviation of a host's past window totals. */
    record Baseline(double median, double mad, int windows) {
        static Baseline of(long[] history, int size) {
            if (size == 0) {
                return new Baseline(0, 0, 0);
            }
            double[] values = new double[size];
            for (int i = 0; i < size; i++) {
                values[i] = history[i];
            }
            double median = median(values);
            for (int i = 0; i < size; i++) {
                values[i] = Math.abs(values[i] - median);
            }
            return new Baseline(median, median(values), size);
        }

        private static double median(double[] values) {
            Arrays.sort(values);
            int middle = values.length / 2;
            return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        }
    }

    /**
     * What one view of the traffic, the sensor's or the firewall's, counted toward a destination in the open
     * window. Both views may log the same flows, so they are compared, never added.
     */
    static final class Tally implements Serializable {
        private static final long serialVersionUID = 1L;
        long out;
        long in;
        /** Whether some flow was logged without a received count, which makes {@link #in} a guess. */
        boolean inUnknown;
        long chunks;
        double chunkSum;
        double chunkSquares;
        long protocolBytes;
    }

    /** What a host sent one destination in the open window. Mutable; owned by its host's {@link State}. */
    static final class Upload implements Serializable {
        private static final long serialVersionUID = 2L;
        final IpAddress address;
        int port = -1;
        Transport transport;
        long flows;
        final Tally sensor = new Tally();
        final Tally firewall = new Tally();
        long largestFlow;
        String protocol;
        long httpBodies;
        long httpRequests;
        String httpMethod;
        long fileBytes;
        long files;
        String fileProtocol;
        boolean firstContact;
        final List<Provenance> evidence = new ArrayList<>();

        Upload(IpAddress address) {
            this.address = address;
        }

        /** Whether the largest flow's protocol has ports (ICMP's "port" is a message type). */
        boolean hasPorts() {
            return transport != null && transport.hasPorts();
        }

        /** Bytes sent, from the sensor or the firewall, whichever saw more (they may both log one flow). */
        long sent() {
            return Math.max(sensor.out, firewall.out);
        }

        /** The view that saw more sent, on a tie one that counted what came back: the one to measure by. */
        Tally fuller() {
            return sensor.out > firewall.out || sensor.out == firewall.out && !sensor.inUnknown ? sensor : firewall;
        }

        /** Bytes received by the fuller view; -1 when it lacked the count for some flow. */
        long received() {
            Tally counted = fuller();
            return counted.inUnknown ? -1 : counted.in;
        }

        /** Mail and file-transfer bytes, by the view that counted more. */
        long protocolBytes() {
            return Math.max(sensor.protocolBytes, firewall.protocolBytes);
        }

        void evidence(Provenance provenance) {
            if (evidence.size() < MAX_EVIDENCE) {
                evidence.add(provenance);
            }
        }
    }

    /**
     * One host's exfil state: the open window's uploads per destination, past window totals, the destinations
     * it has sent to, and names learned for addresses. Bounded by the settings; mutable, owned by the runner.
     */
    public static final class State implements Serializable {
        private static final long serialVersionUID = 2L;
        long windowStart = Long.MIN_VALUE;
        long lastActivity = Long.MIN_VALUE;
        long sensorOut;
        long firewallOut;
        long droppedDestinations;
        final LinkedHashMap<IpAddress, Upload> uploads = new LinkedHashMap<>();
        /** Destinations this host sent to, with when it first did; least recently used first. */
        final LinkedHashMap<IpAddress, Long> known = new LinkedHashMap<>(16, 0.75f, true);
        final RecentNames names = new RecentNames(MAX_NAMES);
        final long[] history;
        int historySize;
        int historyNext;

        State(int historyWindows) {
            this.history = new long[historyWindows];
        }

        void open(long start) {
            windowStart = start;
        }

        void remember(long total) {
            history[historyNext] = total;
            historyNext = (historyNext + 1) % history.length;
            historySize = Math.min(historySize + 1, history.length);
        }
    }
}
