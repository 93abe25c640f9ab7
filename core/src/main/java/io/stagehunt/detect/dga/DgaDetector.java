package io.stagehunt.detect.dga;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.TlsSession;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code dga}: an internal host that looks up several algorithmically generated domain names in one episode,
 * above all when many of them do not exist (NXDOMAIN), the way malware with a domain generation algorithm
 * searches for the few names its operator registered (ATT&CK T1568.002, a channel of T1104); or that connects
 * (HTTP Host, TLS server name) to a name that looks generated beyond doubt, the check-in once the search
 * succeeded. Names in the popular lists the model was trained with never count.
 *
 * <p>Keyed per host, and per DNS server for the names it was asked, so that a resolver forwarding its clients'
 * lookups is not taken for their source. State exists only for hosts that looked up (or were asked) at least
 * one generated-looking name: an episode that ends {@link Settings#quietGapMicros()} after its last such name,
 * or {@link Settings#maxEpisodeMicros()} after its first, whichever is sooner; then at most one finding is
 * reported and the state is dropped. Name sets
 * are capped at {@link Settings#maxTrackedNames()}. Holds no state of its own apart from a memo of name scores,
 * which changes no result; thread-safe.
 */
public final class DgaDetector implements Detector<Host, DgaDetector.Episode> {

    public static final String ID = "dga";
    private static final List<String> TECHNIQUES = List.of("T1568.002", "T1104");
    private static final int EXAMPLES = 5;
    private static final int EVIDENCE = 10;

    /** Distinct names whose scores are remembered: a busy resolver's working set of names. */
    private static final int MEMO_SIZE = 1 << 14;

    private final Settings settings;
    private final ScoreMemo scores;

    /**
     * Tuning of the detector.
     *
     * @param nameThreshold the name score from which a looked-up name counts as generated-looking
     * @param contactThreshold the name score from which one connection to the name is reported on its own
     * @param contactMinLength the shortest scored label that counts for that: short names are scarce and bought
     *     as brands ({@code zqtk.net}), while generators make long ones so as not to collide with them
     * @param minNames distinct generated-looking domains an episode needs before it is reported
     * @param saturatingNames the number of such domains at which the count signal is full
     * @param quietGapMicros an episode ends this long after its last generated-looking name
     * @param maxEpisodeMicros and at the latest this long after its first
     * @param maxTrackedNames the most distinct names remembered per episode (the counts saturate there)
     */
    public record Settings(double nameThreshold, double contactThreshold, int contactMinLength, int minNames,
            int saturatingNames, long quietGapMicros, long maxEpisodeMicros, int maxTrackedNames) {

        /**
         * A lone check-in needs a score of 0.98: 1.4 % of the benign registered labels of 8+ characters that the
         * model never saw score that high (near the evaluation's 1 % operating point), against two thirds of
         * generated ones; at 0.9 it was 3.3 %.
         */
        public static final Settings DEFAULTS = new Settings(0.6, 0.98, 8, 6, 25, 10 * 60 * 1_000_000L,
                60 * 60 * 1_000_000L, 512);

        public Settings {
            if (nameThreshold <= 0 || nameThreshold >= 1 || contactThreshold < nameThreshold || contactThreshold > 1
                    || contactMinLength < 1 || minNames < 1 || saturatingNames < minNames
                    || quietGapMicros <= 0 || maxEpisodeMicros < quietGapMicros || maxTrackedNames < minNames) {
                throw new IllegalArgumentException("inconsistent dga settings: " + this);
            }
        }
    }

    public DgaDetector(Settings settings) {
        this(settings, DomainScorer.standard());
    }

    public DgaDetector(Settings settings, DomainScorer scorer) {
        this.settings = settings;
        this.scores = new ScoreMemo(scorer, MEMO_SIZE);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Class<? extends Event> type) {
        return type == DnsQuery.class || type == HttpRequest.class || type == TlsSession.class;
    }

    @Override
    public Host keyOf(Event event) {
        return event.host();
    }

    /**
     * A lookup also concerns the server it was sent to when that is not the host itself: a resolver that
     * forwards its clients' generated-looking names upstream must be told apart from a host that generates
     * them, so the server's key notes what it was asked.
     */
    @Override
    public void keysOf(Event event, java.util.function.Consumer<Host> keys) {
        Host host = event.host();
        if (host == null) {
            return;
        }
        keys.accept(host);
        if (event instanceof DnsQuery query && query.server() != null && !query.server().equals(host.ip())) {
            keys.accept(Host.of(query.server()));
        }
    }

    @Override
    public Episode onEvent(Host host, Episode episode, Event event, DetectorContext context) {
        if (event instanceof DnsQuery query) {
            boolean asked = host.equals(event.host())
                    && (query.client() == null || host.ip() == null || query.client().equals(host.ip()));
            return asked ? onLookup(query, episode, context) : onServed(query, episode, context);
        }
        String name;
        IpAddress server;
        int port;
        if (event instanceof HttpRequest request) {
            name = DomainName.withoutPort(request.hostHeader());
            server = request.server();
            port = request.serverPort();
        } else if (event instanceof TlsSession session) {
            name = session.serverName();
            server = session.server();
            port = session.serverPort();
        } else {
            return episode;
        }
        if (name == null || name.isEmpty()) {
            return episode;
        }
        DomainScore score = scores.score(name);
        boolean generated = score.scored() && !score.popular() && score.score() >= settings.contactThreshold()
                && score.label().length() >= settings.contactMinLength();
        if (!generated) {
            return episode;
        }
        if (episode == null) {
            episode = new Episode(event.timeMicros());
        }
        String unit = unit(score, false);
        countGenerated(episode, score, unit, false, event);
        if (episode.contacted == null) {
            episode.contacted = new Destination(server, score.name(), port);
        }
        setTimer(episode, context);
        return episode;
    }

    /** The key is the server this lookup was sent to: remember the generated-looking names it was asked. */
    private Episode onServed(DnsQuery query, Episode episode, DetectorContext context) {
        DomainScore score = scores.score(query.query());
        if (!score.scored() || score.popular() || score.score() < settings.nameThreshold()) {
            return episode;
        }
        if (episode == null) {
            episode = new Episode(query.timeMicros());
        }
        episode.remember(episode.servedDomains, unit(score, query.nxdomain()), settings.maxTrackedNames());
        context.setTimer(Math.max(context.timer(), Math.min(query.timeMicros() + settings.quietGapMicros(),
                episode.firstSeenMicros + settings.maxEpisodeMicros())));
        return episode;
    }

    private Episode onLookup(DnsQuery query, Episode episode, DetectorContext context) {
        DomainScore score = scores.score(query.query());
        boolean generated = score.scored() && !score.popular() && score.score() >= settings.nameThreshold();
        if (episode == null) {
            if (!generated) {
                return null;
            }
            episode = new Episode(query.timeMicros());
        }
        boolean answered = query.responseCode() >= 0;
        if (!generated) {
            // the baseline is the host's other domains, counted as the generated ones are: once each, and only
            // names the score judges (no local names, no reverse lookups)
            if (score.scored()) {
                episode.noteLookup(episode.otherDomains, episode.otherAnsweredDomains, episode.otherNxdomainDomains,
                        unit(score, query.nxdomain()), answered, query.nxdomain(), settings.maxTrackedNames());
            }
            return episode;
        }
        String unit = unit(score, query.nxdomain());
        episode.noteLookup(episode.lookedUpDomains, episode.answeredDomains, episode.nxdomainDomains, unit, answered,
                query.nxdomain(), settings.maxTrackedNames());
        countGenerated(episode, score, unit, query.nxdomain(), query);
        setTimer(episode, context);
        return episode;
    }

    private void countGenerated(Episode episode, DomainScore score, String unit, boolean nxdomain, Event event) {
        boolean newName = episode.remember(episode.generatedDomains, unit, settings.maxTrackedNames());
        episode.scoreSum += newName ? score.score() : 0;
        episode.lastGeneratedMicros = Math.max(episode.lastGeneratedMicros, event.timeMicros());
        episode.lastSeenMicros = Math.max(episode.lastSeenMicros, event.timeMicros());
        if (newName) {
            episode.offerExample(new Example(score.name(), score.score(), nxdomain));
        }
        if ((newName || event instanceof HttpRequest || event instanceof TlsSession)
                && episode.evidence.size() < EVIDENCE) {
            episode.evidence.add(event.provenance());
        }
    }

    private void setTimer(Episode episode, DetectorContext context) {
        long own = Math.min(episode.lastGeneratedMicros + settings.quietGapMicros(),
                episode.firstSeenMicros + settings.maxEpisodeMicros());
        context.setTimer(Math.max(context.timer(), own));
    }

    /**
     * Whether the host is a resolver passing on its clients' lookups: most of the generated-looking names it
     * asked for were first asked of it by other hosts, which get findings of their own.
     */
    private static boolean forwarding(Episode episode) {
        if (episode.servedDomains.isEmpty()) {
            return false;
        }
        int forwarded = 0;
        for (String name : episode.generatedDomains) {
            if (episode.servedDomains.contains(name)) {
                forwarded++;
            }
        }
        return forwarded * 2 >= episode.generatedDomains.size();
    }

    @Override
    public Episode onTimer(Host host, Episode episode, long timeMicros, DetectorContext context) {
        boolean reportable = episode.generatedDomains.size() >= settings.minNames() || episode.contacted != null;
        if (reportable && !forwarding(episode)) {
            context.emit(finding(host, episode));
        }
        return null;
    }

    /**
     * What is counted once: the registered domain, which is what a generator must produce. A host label was
     * scored when its domain names hosts by machine, and then it depends on the answer: names that do not exist
     * are a generator's misses under a free-subdomain provider (Kraken on {@code yi.org}), each its own, while
     * names that resolve are that one domain's own naming (a tunnel's or a CDN's hashed hosts).
     */
    private static String unit(DomainScore score, boolean nxdomain) {
        if (score.registeredDomain() == null || score.hostLabel() && nxdomain) {
            return score.name();
        }
        return score.registeredDomain();
    }

    private Finding finding(Host host, Episode episode) {
        int names = episode.generatedDomains.size();
        int answered = episode.answeredDomains.size();
        int nxdomain = episode.nxdomainDomains.size();
        double nxShare = answered == 0 ? 0 : (double) nxdomain / answered;
        double otherNxShare = episode.otherAnsweredDomains.isEmpty() ? 0
                : (double) episode.otherNxdomainDomains.size() / episode.otherAnsweredDomains.size();
        double meanScore = episode.scoreSum / names;
        int allDomains = names + episode.otherDomains.size();
        double generatedShare = (double) names / allDomains;
        double threshold = settings.nameThreshold();

        List<Signal> signals = new ArrayList<>();
        signals.add(new Signal("generated_names",
                names + (names >= settings.maxTrackedNames() ? "+" : "") + " distinct generated-looking domains in "
                        + duration(episode.lastSeenMicros - episode.firstSeenMicros),
                "fewer than " + settings.minNames() + " per episode",
                0.30 * Math.min(1.0, (double) names / settings.saturatingNames())));
        signals.add(new Signal("nxdomain_share",
                percent(nxShare) + " of them answered NXDOMAIN (" + nxdomain + " of " + answered + " answered)",
                percent(otherNxShare) + " of the other domains this host looked up in the episode",
                0.35 * Math.max(0, nxShare - otherNxShare)));
        signals.add(new Signal("name_score",
                String.format(Locale.ROOT, "mean score %.2f, e.g. %s", meanScore, examples(episode)),
                String.format(Locale.ROOT, "%.2f marks a generated-looking name", threshold),
                0.20 * Math.max(0, Math.min(1, (meanScore - threshold) / (1 - threshold)))));
        signals.add(new Signal("generated_share",
                percent(generatedShare) + " of the distinct domains this host looked up in the episode",
                "a few percent for a person browsing",
                0.15 * generatedShare));
        if (episode.contacted != null) {
            signals.add(new Signal("contacted",
                    "connected to " + episode.contacted.label()
                            + (episode.contacted.ip() != null && episode.contacted.domain() != null
                                    ? " (" + episode.contacted.ip() + ")" : ""),
                    String.format(Locale.ROOT, "benign software rarely uses a name scoring %.2f or more",
                            settings.contactThreshold()),
                    0.25));
        }
        double score = Finding.scoreOf(signals);
        double confidence = Math.min(1, 0.4 + 0.3 * Math.min(1.0, (double) names / settings.saturatingNames())
                + 0.3 * nxShare + (episode.contacted != null ? 0.1 : 0));
        Example best = episode.examples.get(0);
        Destination destination = episode.contacted != null ? episode.contacted
                : new Destination(null, best.name(), -1);
        String reason;
        String span = duration(episode.lastSeenMicros - episode.firstSeenMicros);
        String connected = episode.contacted != null ? "; it connected to " + episode.contacted.domain() : "";
        int lookedUp = episode.lookedUpDomains.size();
        if (lookedUp >= settings.minNames()) {
            reason = String.format(Locale.ROOT,
                    "Host %s looked up %d generated-looking domain names in %s (for example %s)%s, as malware does "
                            + "when its domain generation algorithm searches for its command server%s.",
                    host.label(), lookedUp, span, best.name(), answered == 0 ? ""
                            : ", and " + percent(nxShare) + " of those answered were NXDOMAIN", connected);
        } else if (names >= settings.minNames()) {
            reason = String.format(Locale.ROOT,
                    "Host %s used %d generated-looking domain names in %s (for example %s), as malware does when "
                            + "its domain generation algorithm searches for its command server%s.",
                    host.label(), names, span, best.name(), connected);
        } else {
            reason = String.format(Locale.ROOT,
                    "Host %s connected to %s, a name that looks algorithmically generated (score %.2f), as malware "
                            + "does when it checks in with a server found by its domain generation algorithm.",
                    host.label(), episode.contacted.domain(), scoreOf(episode, episode.contacted.domain()));
        }
        return new Finding(Finding.uidOf(ID, host, destination, episode.firstSeenMicros), ID,
                "Generated-looking domain lookups (DGA)", TECHNIQUES, host, destination, episode.firstSeenMicros,
                episode.lastSeenMicros, score, confidence, reason, signals, episode.evidence);
    }

    private static double scoreOf(Episode episode, String name) {
        for (Example example : episode.examples) {
            if (example.name().equals(name)) {
                return example.score();
            }
        }
        return episode.scoreSum / Math.max(1, episode.generatedDomains.size());
    }

    private static String examples(Episode episode) {
        StringBuilder text = new StringBuilder();
        for (Example example : episode.examples) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(String.format(Locale.ROOT, "%s %.2f%s", example.name(), example.score(),
                    example.nxdomain() ? " NXDOMAIN" : ""));
        }
        return text.toString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static String duration(long micros) {
        long seconds = micros / 1_000_000L;
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }

    /** One generated-looking name kept as an example. */
    public record Example(String name, double score, boolean nxdomain) implements Serializable {
    }

    /**
     * One host's current episode of generated-looking lookups. Owned and stored by the runner; bounded: name
     * sets hold at most {@link Settings#maxTrackedNames()} names, examples {@value #EXAMPLES}, evidence
     * {@value #EVIDENCE}. Not thread-safe.
     */
    public static final class Episode implements Serializable {
        private static final long serialVersionUID = 2L;

        final long firstSeenMicros;
        long lastSeenMicros;
        long lastGeneratedMicros;
        final Set<String> generatedDomains = new HashSet<>();
        final Set<String> answeredDomains = new HashSet<>();
        final Set<String> nxdomainDomains = new HashSet<>();
        /** Generated-looking domains the host looked up (the others it only named in HTTP or TLS). */
        final Set<String> lookedUpDomains = new HashSet<>();
        final Set<String> otherDomains = new HashSet<>();
        final Set<String> otherAnsweredDomains = new HashSet<>();
        final Set<String> otherNxdomainDomains = new HashSet<>();
        /** Generated-looking names other hosts asked this host to resolve. */
        final Set<String> servedDomains = new HashSet<>();
        double scoreSum;
        Destination contacted;
        final List<Example> examples = new ArrayList<>();
        final List<Provenance> evidence = new ArrayList<>();

        Episode(long firstSeenMicros) {
            this.firstSeenMicros = firstSeenMicros;
            this.lastSeenMicros = firstSeenMicros;
            this.lastGeneratedMicros = firstSeenMicros;
        }

        /** Notes a looked-up domain in {@code all}, and in the answered and NXDOMAIN sets as its answer says. */
        void noteLookup(Set<String> all, Set<String> answeredSet, Set<String> nxdomainSet, String unit,
                boolean answered, boolean nxdomain, int cap) {
            remember(all, unit, cap);
            if (answered) {
                remember(answeredSet, unit, cap);
                if (nxdomain) {
                    remember(nxdomainSet, unit, cap);
                }
            }
        }

        /** Adds a name unless the set is full; whether it was new. */
        boolean remember(Set<String> names, String name, int cap) {
            return names.size() < cap && names.add(name);
        }

        /** Keeps the highest-scoring examples, NXDOMAIN ones first among equals. */
        void offerExample(Example example) {
            examples.add(example);
            examples.sort((a, b) -> a.nxdomain() != b.nxdomain() ? (a.nxdomain() ? -1 : 1)
                    : Double.compare(b.score(), a.score()));
            if (examples.size() > EXAMPLES) {
                examples.remove(examples.size() - 1);
            }
        }

        public int generatedNames() {
            return generatedDomains.size();
        }
    }
}
