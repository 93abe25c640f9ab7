package io.stagehunt.detect.intel;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.event.Certificate;
import io.stagehunt.event.Connection;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.FileCreate;
import io.stagehunt.event.FileTransfer;
import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.ProcessConnection;
import io.stagehunt.event.ProcessStart;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.TlsSession;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.DecayPolicy;
import io.stagehunt.intel.IndicatorIndex;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code intel-match}: reports every host that touches a listed value, where the value was seen, once per host
 * and indicator per suppression interval (Zeek's notice suppression): the first sighting is reported at once,
 * later ones within the interval are only counted. A listed value that is also on a benign list is still
 * reported, flagged as a likely false positive with lower confidence.
 *
 * <p>Certificates that a sensor logs apart from their TLS session (an x509 record joined by file id) are
 * matched by keeping the session, or the listed certificate, for a short join window keyed by the file id.
 *
 * <p>Keys: a host and an indicator value, or a certificate file id; both have a timer, so all state expires.
 * Stateless apart from immutable configuration; thread-safe.
 */
public final class IntelMatchDetector implements Detector<IntelMatchDetector.Key, IntelMatchDetector.State> {

    public static final String ID = "intel-match";

    private final Settings settings;
    private final Sightings sightings;
    private final IntelFindings findings;

    /**
     * Tuning of the detector.
     *
     * @param suppressionMicros how long after reporting a host and indicator further sightings are only counted
     * @param decay indicator lifetime rules
     * @param minimumWeight sightings of indicators decayed below this weight are not matches
     * @param unknownConfidence the confidence 0..1 assumed for feeds that state none
     * @param listedWeight score for a value being listed at all
     * @param seenWeight score for where it was seen, times that place's definiteness
     * @param confidenceWeight score for the feed's confidence, times the confidence
     * @param freshnessWeight score for freshness, times the decayed weight
     * @param familyWeight score for the feed naming a malware family
     * @param benignPenalty score taken off when the value is on a benign list
     * @param benignConfidenceFactor confidence factor when the value is on a benign list
     * @param certificateJoinMicros how long a TLS session and its separately logged certificate wait for each other
     */
    public record Settings(long suppressionMicros, DecayPolicy decay, double minimumWeight, double unknownConfidence,
            double listedWeight, double seenWeight, double confidenceWeight, double freshnessWeight,
            double familyWeight, double benignPenalty, double benignConfidenceFactor, long certificateJoinMicros) {

        /** An hour of suppression, as Zeek's notice framework; weights that add up to 1 for a fresh, sure hit. */
        public static final Settings DEFAULTS = new Settings(3_600_000_000L, DecayPolicy.DEFAULTS, 0.05, 0.5,
                0.40, 0.20, 0.15, 0.20, 0.05, 0.30, 0.3, 60_000_000L);

        public Settings {
            if (suppressionMicros <= 0 || certificateJoinMicros <= 0 || decay == null) {
                throw new IllegalArgumentException("suppression and join windows must be positive, decay set");
            }
        }
    }

    /** What the runner keys state by. */
    public sealed interface Key extends Serializable permits HostIndicator, CertificateFile {
    }

    /** A host and the listed value it touched. */
    public record HostIndicator(Host host, IndicatorType type, String value) implements Key {
    }

    /** A certificate transfer, by the sensor's file id, waiting to be joined with its TLS session. */
    public record CertificateFile(String fileId) implements Key {
    }

    /** Per-key state. */
    public sealed interface State extends Serializable permits Suppressed, CertificateListed, SessionWaiting {
    }

    /** A reported host and indicator: further sightings until {@code untilMicros} are only counted. */
    public record Suppressed(long firstMicros, long lastMicros, long sightings, long untilMicros) implements State {
        Suppressed seenAgain(long timeMicros) {
            return new Suppressed(firstMicros, Math.max(lastMicros, timeMicros), sightings + 1, untilMicros);
        }
    }

    /** A listed certificate whose TLS session has not been seen yet. */
    public record CertificateListed(String fingerprint, long timeMicros) implements State {
    }

    /** A TLS session whose separately logged certificate has not been seen yet. */
    public record SessionWaiting(Host host, IpAddress server, int port, String serverName, long timeMicros,
            Provenance evidence) implements State {
    }

    public IntelMatchDetector(IndicatorIndex index, BenignList benign, Settings settings) {
        this.settings = settings;
        this.sightings = new Sightings(index, settings.decay(), settings.minimumWeight());
        this.findings = new IntelFindings(benign, settings);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Class<? extends Event> type) {
        return type == Connection.class || type == DnsQuery.class || type == HttpRequest.class
                || type == TlsSession.class || type == FileTransfer.class || type == Certificate.class
                || type == ProcessStart.class || type == FileCreate.class || type == ProcessConnection.class
                || type == FirewallDecision.class;
    }

    @Override
    public Key keyOf(Event event) {
        List<Key> keys = new ArrayList<>();
        keysOf(event, keys::add);
        return keys.isEmpty() ? null : keys.get(0);
    }

    @Override
    public void keysOf(Event event, Consumer<Key> keys) {
        Host host = event.host();
        if (event instanceof Certificate certificate) {
            if (certificate.fileId() != null && listed(certificate)) {
                keys.accept(new CertificateFile(certificate.fileId()));
            }
            return;
        }
        if (host == null) {
            return;
        }
        Set<Key> found = null;
        List<Sighting> seen = sightingsOf(event);
        for (Sighting sighting : seen) {
            if (found == null) {
                found = new LinkedHashSet<>();
            }
            found.add(keyOf(host, sighting));
        }
        if (found != null) {
            found.forEach(keys);
        }
        if (event instanceof TlsSession tls && sightings.hasHashes() && tls.certificateFingerprints().isEmpty()) {
            for (String fileId : tls.certificateFileIds()) {
                keys.accept(new CertificateFile(fileId));
            }
        }
    }

    @Override
    public State onEvent(Key key, State state, Event event, DetectorContext context) {
        if (key instanceof CertificateFile) {
            return join(state, event, context);
        }
        HostIndicator wanted = (HostIndicator) key;
        long time = event.timeMicros();
        if (state instanceof Suppressed suppressed && time < suppressed.untilMicros()) {
            return suppressed.seenAgain(time);
        }
        List<Sighting> mine = new ArrayList<>();
        for (Sighting sighting : sightingsOf(event)) {
            if (keyOf(wanted.host(), sighting).equals(wanted)) {
                mine.add(sighting);
            }
        }
        if (mine.isEmpty()) {
            return state;
        }
        context.emit(findings.of(wanted.host(), mine, time, null, event.provenance()));
        long until = time + settings.suppressionMicros();
        context.setTimer(until);
        return new Suppressed(time, time, 1, until);
    }

    @Override
    public State onTimer(Key key, State state, long timeMicros, DetectorContext context) {
        return null;
    }

    /** Joins a TLS session and its certificate logged apart, whichever comes first. */
    private State join(State state, Event event, DetectorContext context) {
        if (event instanceof TlsSession tls) {
            if (state instanceof CertificateListed listed) {
                report(tls.host(), tls.server(), tls.serverPort(), tls.serverName(), listed.fingerprint(),
                        tls.timeMicros(), tls.provenance(), context);
                return null;
            }
            if (state == null) {
                context.setTimer(tls.timeMicros() + settings.certificateJoinMicros());
                return new SessionWaiting(tls.host(), tls.server(), tls.serverPort(), tls.serverName(),
                        tls.timeMicros(), tls.provenance());
            }
            return state;
        }
        Certificate certificate = (Certificate) event;
        if (state instanceof SessionWaiting waiting) {
            report(waiting.host(), waiting.server(), waiting.port(), waiting.serverName(), certificate.fingerprint(),
                    waiting.timeMicros(), certificate.provenance(), context);
            return null;
        }
        if (state == null) {
            context.setTimer(certificate.timeMicros() + settings.certificateJoinMicros());
            return new CertificateListed(certificate.fingerprint(), certificate.timeMicros());
        }
        return state;
    }

    private void report(Host host, IpAddress server, int port, String serverName, String fingerprint, long time,
            Provenance evidence, DetectorContext context) {
        if (host == null) {
            return;
        }
        Destination destination = new Destination(server, DomainName.normalize(serverName), port);
        Certificate probe = new Certificate(time, null, evidence, null, fingerprint, null, null, null,
                Long.MIN_VALUE, Long.MIN_VALUE, null, -1, List.of());
        List<Sighting> matched = sightingsOf(probe);
        if (!matched.isEmpty()) {
            context.emit(findings.of(host, matched, time, destination, evidence));
        }
    }

    private boolean listed(Certificate certificate) {
        return !sightingsOf(certificate).isEmpty();
    }

    private List<Sighting> sightingsOf(Event event) {
        Collected collected = new Collected();
        sightings.collect(event, collected);
        return collected.list;
    }

    /** Gathers sightings, allocating a list only when there is one: most events have none. */
    private static final class Collected implements Consumer<Sighting> {
        private List<Sighting> list = List.of();

        @Override
        public void accept(Sighting sighting) {
            if (list.isEmpty()) {
                list = new ArrayList<>();
            }
            list.add(sighting);
        }
    }

    private static HostIndicator keyOf(Host host, Sighting sighting) {
        return new HostIndicator(host, sighting.match().indicator().type(), sighting.match().indicator().value());
    }
}
