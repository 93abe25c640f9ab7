package io.stagehunt.detect.network;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.event.Certificate;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.TlsSession;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code http-tls}: what HTTP and TLS metadata say about a server an internal host talks to. Its findings are
 * score modifiers: noise control adds their signals to every other finding about the same host and destination
 * (see {@code io.stagehunt.refine.FindingRefiner}), and writes them on their own only when they are strong alone
 * (an executable fetched from a server never reached by name is a stage-1 download).
 *
 * <p>Three kinds of key, so that each judgement sees what it needs:
 * <ul>
 *   <li>{@link PairKey} (host, server address): executables downloaded, URI extensions that promise inert content
 *       answered with executables, requests without a Host header, a server never reached by name, and sensor
 *       validation saying "self signed";</li>
 *   <li>{@link FingerprintKey} (user agent, JA3 or JA4 value, across all hosts): a value used by one host only and
 *       toward one destination only;</li>
 *   <li>{@link CertificateKey} (certificate fingerprint or file id): joins x509 records with the TLS sessions that
 *       presented them, for self-signed and freshly issued server certificates.</li>
 * </ul>
 *
 * <p>Every key ends after {@link Settings#idleMicros()} (fingerprints {@link Settings#fingerprintIdleMicros()})
 * without events or after {@link Settings#maxSpanMicros()}; state per key is bounded. Stateless apart from its
 * settings, so thread-safe.
 */
public final class HttpTlsDetector implements Detector<HttpTlsDetector.Key, HttpTlsDetector.State> {

    public static final String ID = "http-tls";

    private static final int MAX_EVIDENCE = 10;
    private static final int MAX_TEXT = 80;
    private static final long DAY_MICROS = 86_400_000_000L;

    /**
     * Windows, bounds and weights.
     *
     * @param idleMicros a host-server pair or certificate quiet this long is judged and forgotten
     * @param fingerprintIdleMicros a user agent or TLS fingerprint quiet this long is judged and forgotten
     * @param maxSpanMicros any key is judged at the latest after this long
     * @param youngCertificateMicros a certificate issued less than this before its first use is young
     * @param minFingerprintUses uses of a user agent or fingerprint before its rarity means anything
     * @param maxCertificatePairs host-server pairs remembered per certificate
     */
    public record Settings(
            long idleMicros, long fingerprintIdleMicros, long maxSpanMicros, long youngCertificateMicros,
            int minFingerprintUses, int maxCertificatePairs,
            double executableWeight, double mismatchWeight, double missingHostWeight, double unnamedServerWeight,
            double rareUserAgentWeight, double rareFingerprintWeight, double selfSignedWeight,
            double youngCertificateWeight) {

        public static final Settings DEFAULTS = new Settings(3_600_000_000L, 6 * 3_600_000_000L,
                24 * 3_600_000_000L, 14 * DAY_MICROS, 3, 32,
                0.30, 0.20, 0.10, 0.10, 0.10, 0.10, 0.15, 0.05);

        public Settings {
            if (idleMicros <= 0 || fingerprintIdleMicros <= 0 || maxSpanMicros <= 0 || minFingerprintUses < 1
                    || maxCertificatePairs < 1) {
                throw new IllegalArgumentException("http-tls windows and bounds must be positive");
            }
        }
    }

    /** A key of this detector. */
    public sealed interface Key extends Serializable {
    }

    /** An internal host and a server it talked HTTP or TLS to. */
    public record PairKey(Host host, IpAddress server) implements Key {
    }

    /** A user agent ({@code user-agent}), JA3 ({@code ja3}) or JA4 ({@code ja4}) value, across all hosts. */
    public record FingerprintKey(String kind, String value) implements Key {
    }

    /** A server certificate, by fingerprint or by the sensor's file id. */
    public record CertificateKey(String id) implements Key {
    }

    /** The state of one key; its type follows the key's. */
    public sealed interface State extends Serializable {
    }

    private final Settings settings;

    public HttpTlsDetector(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Class<? extends Event> type) {
        return type == HttpRequest.class || type == TlsSession.class || type == Certificate.class;
    }

    @Override
    public Key keyOf(Event event) {
        return null;
    }

    @Override
    public void keysOf(Event event, Consumer<Key> keys) {
        if (event instanceof Certificate certificate) {
            if (certificate.fingerprint() != null) {
                keys.accept(new CertificateKey(certificate.fingerprint()));
            }
            if (certificate.fileId() != null) {
                keys.accept(new CertificateKey(certificate.fileId()));
            }
            return;
        }
        Host host = event.host();
        if (host == null || host.ip() == null) {
            return;
        }
        if (event instanceof HttpRequest request) {
            if (!host.ip().equals(request.client()) || "CONNECT".equalsIgnoreCase(request.method())) {
                return;
            }
            keys.accept(new PairKey(host, request.server()));
            if (request.method() != null && request.userAgent() != null && !request.userAgent().isBlank()) {
                keys.accept(new FingerprintKey("user-agent", request.userAgent()));
            }
        } else if (event instanceof TlsSession session) {
            if (!host.ip().equals(session.client())) {
                return;
            }
            keys.accept(new PairKey(host, session.server()));
            if (session.ja3() != null) {
                keys.accept(new FingerprintKey("ja3", session.ja3()));
            }
            if (session.ja4() != null) {
                keys.accept(new FingerprintKey("ja4", session.ja4()));
            }
            String leaf = leafOf(session);
            if (leaf != null) {
                keys.accept(new CertificateKey(leaf));
            }
        }
    }

    private static String leafOf(TlsSession session) {
        if (!session.certificateFingerprints().isEmpty()) {
            return session.certificateFingerprints().get(0);
        }
        return session.certificateFileIds().isEmpty() ? null : session.certificateFileIds().get(0);
    }

    @Override
    public State onEvent(Key key, State state, Event event, DetectorContext context) {
        long time = event.timeMicros();
        State updated;
        long idle;
        if (key instanceof PairKey) {
            PairState pair = state instanceof PairState held ? held : new PairState(time);
            pair.add(event, time);
            updated = pair;
            idle = settings.idleMicros();
        } else if (key instanceof FingerprintKey) {
            FingerprintState fingerprint = state instanceof FingerprintState held ? held : new FingerprintState(time);
            fingerprint.add(event, time);
            updated = fingerprint;
            idle = settings.fingerprintIdleMicros();
        } else {
            CertificateState certificate = state instanceof CertificateState held ? held : new CertificateState(time);
            certificate.add(event, time, settings.maxCertificatePairs());
            updated = certificate;
            idle = settings.idleMicros();
        }
        Span span = (Span) updated;
        context.setTimer(Math.min(span.last + idle, span.first + settings.maxSpanMicros()));
        return updated;
    }

    @Override
    public State onTimer(Key key, State state, long timeMicros, DetectorContext context) {
        Span span = (Span) state;
        long idle = key instanceof FingerprintKey ? settings.fingerprintIdleMicros() : settings.idleMicros();
        long due = Math.min(span.last + idle, span.first + settings.maxSpanMicros());
        if (context.watermarkMicros() != Long.MAX_VALUE && timeMicros < due) {
            context.setTimer(due);
            return state;
        }
        if (state instanceof PairState pair) {
            judge((PairKey) key, pair, context);
        } else if (state instanceof FingerprintState fingerprint) {
            judge((FingerprintKey) key, fingerprint, context);
        } else if (state instanceof CertificateState certificate) {
            judge(certificate, context);
        }
        return null;
    }

    private void judge(PairKey key, PairState pair, DetectorContext context) {
        List<Signal> signals = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        List<String> techniques = new ArrayList<>();
        if (pair.executables > 0) {
            signals.add(new Signal("executable-download",
                    pair.executableMime + " (" + ExfilDetector.bytes(pair.executableBytes) + ")"
                            + (pair.executableUri == null ? "" : " for " + shown(pair.executableUri))
                            + (pair.executables > 1 ? ", " + pair.executables + " executables" : ""),
                    "programs fetched over plain HTTP", settings.executableWeight()));
            techniques.add("T1105");
        }
        if (pair.mismatches > 0) {
            signals.add(new Signal("mime-extension-mismatch",
                    shown(pair.mismatchUri) + " answered with " + pair.mismatchMime,
                    "a ." + pair.mismatchExtension + " promises " + pair.mismatchFamily + " content",
                    settings.mismatchWeight()));
            clauses.add("served as " + shown(pair.mismatchUri));
            if (!techniques.contains("T1105")) {
                techniques.add("T1105");
            }
        }
        if (pair.withoutHost > 0) {
            signals.add(new Signal("missing-host-header",
                    pair.withoutHost + " of " + pair.requestsSeen + " requests without a Host header",
                    "HTTP/1.1 clients always send one", settings.missingHostWeight()));
            clauses.add("without a Host header");
        }
        long contacts = pair.requestsSeen + pair.tlsSessions;
        if (contacts > 0 && !pair.named) {
            signals.add(new Signal("unnamed-server",
                    "no name in " + plural(pair.requestsSeen, "request") + " and " + plural(pair.tlsSessions,
                            "TLS session"),
                    "clients reach servers by name (Host header, TLS server name)", settings.unnamedServerWeight()));
            clauses.add("never naming the server");
        }
        if (pair.selfSignedValidations > 0) {
            signals.add(new Signal("self-signed-certificate", "sensor validation: " + pair.validation,
                    "public certificate authorities sign server certificates", settings.selfSignedWeight()));
            clauses.add("which presented a self-signed certificate");
            techniques.add("T1573");
        }
        if (signals.isEmpty()) {
            return;
        }
        if (!techniques.contains("T1105")) {
            techniques.add(0, "T1071.001");
        }
        techniques.add("T1104");
        Destination destination = new Destination(key.server(), pair.name, pair.executables > 0
                ? pair.executablePort : pair.port);
        String opening = pair.executables > 0
                ? "Host " + key.host().label() + " fetched an executable (" + pair.executableMime + ") from "
                        + destination.label()
                : "Host " + key.host().label() + " talked HTTP or TLS to " + destination.label();
        String reason = opening + (clauses.isEmpty() ? "" : ", " + String.join(", ", clauses)) + ".";
        emit(key.host(), destination, pair, signals, techniques, reason, titleOf(signals), context);
    }

    private void judge(FingerprintKey key, FingerprintState fingerprint, DetectorContext context) {
        if (fingerprint.hosts.size() != 1 || fingerprint.destinations.size() != 1
                || fingerprint.uses < settings.minFingerprintUses()) {
            return;
        }
        Host host = fingerprint.hosts.get(0);
        Use use = fingerprint.destinations.values().iterator().next();
        Destination destination = new Destination(use.server(), use.name(), use.port());
        boolean agent = key.kind().equals("user-agent");
        String what = agent ? "user agent '" + shown(key.value()) + "'" : key.kind().toUpperCase(Locale.ROOT) + " "
                + shown(key.value());
        Signal signal = new Signal(agent ? "rare-user-agent" : "rare-" + key.kind(),
                what + " used " + plural(fingerprint.uses, "time") + ", only by this host, only toward "
                        + destination.label(),
                "shared by no other host or destination in " + hours(fingerprint.last - fingerprint.first),
                agent ? settings.rareUserAgentWeight() : settings.rareFingerprintWeight());
        String reason = "Host " + host.label() + " used the " + what + " " + plural(fingerprint.uses, "time")
                + " toward " + destination.label() + ", and no other host or destination used it.";
        emit(host, destination, fingerprint, List.of(signal),
                List.of(agent ? "T1071.001" : "T1573", "T1104"), reason,
                agent ? "User agent seen with one host and one server only" : "TLS fingerprint seen with one host "
                        + "and one server only", context);
    }

    private void judge(CertificateState certificate, DetectorContext context) {
        if (certificate.subject == null) {
            return;
        }
        for (Map.Entry<PairKey, Presented> entry : certificate.presented.entrySet()) {
            Presented presented = entry.getValue();
            List<Signal> signals = new ArrayList<>();
            List<String> clauses = new ArrayList<>();
            if (certificate.selfIssued) {
                signals.add(new Signal("self-signed-certificate", "issuer = subject: " + shown(certificate.subject),
                        "public certificate authorities sign server certificates", settings.selfSignedWeight()));
                clauses.add("a self-signed certificate (" + shown(certificate.subject) + ")");
            }
            long age = presented.first - certificate.notBefore;
            if (certificate.notBefore != Long.MIN_VALUE && age >= 0 && age < settings.youngCertificateMicros()) {
                signals.add(new Signal("young-certificate",
                        String.format(Locale.ROOT, "issued %.1f days before first use", age / (double) DAY_MICROS),
                        "certificates younger than " + settings.youngCertificateMicros() / DAY_MICROS + " days",
                        settings.youngCertificateWeight()));
                clauses.add("a certificate issued " + plural(Math.round(age / (double) DAY_MICROS), "day")
                        + " earlier");
            }
            if (signals.isEmpty()) {
                continue;
            }
            PairKey pair = entry.getKey();
            Destination destination = new Destination(pair.server(), presented.name, presented.port);
            String reason = "Host " + pair.host().label() + " reached " + destination.label() + " "
                    + plural(presented.sessions, "time") + " over TLS, the server presenting "
                    + String.join(" and ", clauses) + ".";
            List<Provenance> evidence = new ArrayList<>(presented.evidence);
            if (evidence.size() < MAX_EVIDENCE && certificate.provenance != null) {
                evidence.add(certificate.provenance);
            }
            Finding finding = new Finding(Finding.uidOf(ID, pair.host(), destination, presented.first), ID,
                    titleOf(signals), List.of("T1573", "T1104"), pair.host(), destination, presented.first,
                    presented.last, Finding.scoreOf(signals), 0.8, reason, signals, evidence);
            context.emit(finding);
        }
    }

    private static void emit(Host host, Destination destination, Span span, List<Signal> signals,
            List<String> techniques, String reason, String title, DetectorContext context) {
        context.emit(new Finding(Finding.uidOf(ID, host, destination, span.first), ID, title, techniques, host,
                destination, span.first, span.last, Finding.scoreOf(signals), 0.8, reason, signals, span.evidence));
    }

    private static String titleOf(List<Signal> signals) {
        return switch (signals.get(0).name()) {
            case "executable-download" -> "Executable downloaded over HTTP";
            case "mime-extension-mismatch" -> "Content type does not match the URI";
            case "missing-host-header" -> "HTTP requests without a Host header";
            case "unnamed-server" -> "Server never reached by name";
            case "young-certificate" -> "Freshly issued server certificate";
            default -> "Self-signed server certificate";
        };
    }

    /** Text from the wire, cut to a readable length with control characters replaced. */
    static String shown(String text) {
        StringBuilder shown = new StringBuilder(Math.min(text.length(), MAX_TEXT + 3));
        for (int i = 0; i < text.length() && i < MAX_TEXT; i++) {
            char c = text.charAt(i);
            shown.append(c < ' ' || c == 0x7F ? '?' : c);
        }
        if (text.length() > MAX_TEXT) {
            shown.append("...");
        }
        return shown.toString();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String hours(long micros) {
        return String.format(Locale.ROOT, "%.1f h", micros / 3_600_000_000.0);
    }

    private static String nameOf(String hostHeader) {
        return DomainName.normalize(DomainName.withoutPort(hostHeader));
    }

    /** Time span and evidence shared by every state. */
    abstract static class Span implements Serializable {
        private static final long serialVersionUID = 1L;
        long first;
        long last;
        final List<Provenance> evidence = new ArrayList<>();

        Span(long time) {
            this.first = time;
            this.last = time;
        }

        void touch(long time, Provenance provenance) {
            first = Math.min(first, time);
            last = Math.max(last, time);
            if (evidence.size() < MAX_EVIDENCE && !evidence.contains(provenance)) {
                evidence.add(provenance);
            }
        }
    }

    /** What a host's HTTP requests and TLS sessions showed of one server. */
    static final class PairState extends Span implements State {
        private static final long serialVersionUID = 1L;
        int port = -1;
        String name;
        boolean named;
        long requestsSeen;
        long withoutHost;
        long tlsSessions;
        long executables;
        String executableMime;
        long executableBytes;
        String executableUri;
        int executablePort = -1;
        long mismatches;
        String mismatchUri;
        String mismatchMime;
        String mismatchExtension;
        String mismatchFamily;
        long selfSignedValidations;
        String validation;

        PairState(long time) {
            super(time);
        }

        void add(Event event, long time) {
            if (event instanceof HttpRequest request) {
                addRequest(request, time);
            } else if (event instanceof TlsSession session) {
                port = port < 0 ? session.serverPort() : port;
                tlsSessions++;
                String sni = DomainName.normalize(session.serverName());
                if (sni != null) {
                    named = true;
                    name = name == null ? sni : name;
                }
                String status = session.validationStatus();
                if (status != null && status.toLowerCase(Locale.ROOT).contains("self signed")) {
                    selfSignedValidations++;
                    validation = status;
                    touch(time, session.provenance());
                }
            }
        }

        private void addRequest(HttpRequest request, long time) {
            port = port < 0 ? request.serverPort() : port;
            boolean interesting = false;
            if (request.method() != null) {
                requestsSeen++;
                String host = nameOf(request.hostHeader());
                if (host != null) {
                    named = true;
                    name = name == null ? host : name;
                } else if (request.hostHeader() == null || request.hostHeader().isBlank()) {
                    withoutHost++;
                    interesting = true;
                }
            }
            for (String mime : request.responseMimeTypes()) {
                if (!ContentTypes.executable(mime)) {
                    continue;
                }
                interesting = true;
                executables++;
                if (executableMime == null) {
                    executableMime = ContentTypes.mediaType(mime);
                    executableBytes = Math.max(0, request.responseBodyBytes());
                    executableUri = request.uri();
                    executablePort = request.serverPort();
                }
                String extension = ContentTypes.extension(request.uri());
                String family = ContentTypes.promisedFamily(extension);
                if (family != null) {
                    mismatches++;
                    if (mismatchUri == null) {
                        mismatchUri = request.uri();
                        mismatchMime = ContentTypes.mediaType(mime);
                        mismatchExtension = extension;
                        mismatchFamily = family;
                    }
                }
            }
            if (interesting || evidence.isEmpty()) {
                touch(time, request.provenance());
            } else {
                first = Math.min(first, time);
                last = Math.max(last, time);
            }
        }
    }

    /** One destination of a user agent or fingerprint. */
    record Use(IpAddress server, String name, int port) implements Serializable {
    }

    /** Who used a user agent or TLS fingerprint toward where: at most two of each, enough to tell "only one". */
    static final class FingerprintState extends Span implements State {
        private static final long serialVersionUID = 1L;
        final List<Host> hosts = new ArrayList<>(2);
        final LinkedHashMap<String, Use> destinations = new LinkedHashMap<>();
        long uses;

        FingerprintState(long time) {
            super(time);
        }

        void add(Event event, long time) {
            uses++;
            Host host = event.host();
            if (hosts.size() < 2 && !hosts.contains(host)) {
                hosts.add(host);
            }
            Use use;
            if (event instanceof HttpRequest request) {
                use = new Use(request.server(), nameOf(request.hostHeader()), request.serverPort());
            } else {
                TlsSession session = (TlsSession) event;
                use = new Use(session.server(), DomainName.normalize(session.serverName()), session.serverPort());
            }
            String identity = use.name() != null ? use.name() : use.server().toString();
            if (destinations.size() < 2) {
                destinations.putIfAbsent(identity, use);
            }
            if (hosts.size() == 1 && destinations.size() == 1) {
                touch(time, event.provenance());
            } else {
                first = Math.min(first, time);
                last = Math.max(last, time);
            }
        }
    }

    /** A host-server pair a certificate was presented to. */
    static final class Presented implements Serializable {
        private static final long serialVersionUID = 1L;
        final long first;
        long last;
        long sessions;
        final int port;
        final String name;
        final List<Provenance> evidence = new ArrayList<>(3);

        Presented(long time, int port, String name) {
            this.first = time;
            this.last = time;
            this.port = port;
            this.name = name;
        }
    }

    /** A certificate's facts, once its x509 record is seen, and the pairs it was presented to. */
    static final class CertificateState extends Span implements State {
        private static final long serialVersionUID = 1L;
        String subject;
        boolean selfIssued;
        long notBefore = Long.MIN_VALUE;
        Provenance provenance;
        final LinkedHashMap<PairKey, Presented> presented = new LinkedHashMap<>();
        long pairsNotKept;

        CertificateState(long time) {
            super(time);
        }

        void add(Event event, long time, int maxPairs) {
            first = Math.min(first, time);
            last = Math.max(last, time);
            if (event instanceof Certificate certificate) {
                subject = certificate.subject() != null ? certificate.subject() : "(no subject)";
                selfIssued = certificate.selfIssued();
                notBefore = certificate.notBeforeMicros();
                provenance = certificate.provenance();
                return;
            }
            TlsSession session = (TlsSession) event;
            PairKey pair = new PairKey(session.host(), session.server());
            Presented held = presented.get(pair);
            if (held == null) {
                if (presented.size() >= maxPairs) {
                    pairsNotKept++;
                    return;
                }
                held = new Presented(time, session.serverPort(), DomainName.normalize(session.serverName()));
                presented.put(pair, held);
            }
            held.sessions++;
            held.last = Math.max(held.last, time);
            if (held.evidence.size() < 3) {
                held.evidence.add(session.provenance());
            }
        }
    }
}
