package io.stagehunt.refine;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.detect.network.HttpTlsDetector;
import io.stagehunt.event.EventTime;
import io.stagehunt.event.Host;
import io.stagehunt.event.Provenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Noise control after detection: adds named signals to every finding from what the whole run saw, so that rare
 * and new destinations weigh more, popular, allowlisted and infrastructure destinations less, and HTTP/TLS
 * observations about the same host and destination count in the findings they concern. A finding's score stays
 * the sum of its signals; nothing is dropped for being allowlisted, only marked.
 *
 * <p>The one thing it leaves out: {@code http-tls} findings whose own score (before refinement) is below
 * {@link Settings#modifierFloor()}; they are weak on their own by design, live on as signals of the findings they
 * modify, and are counted in the {@link Summary} (see {@code docs/noise-control.md}). Immutable and thread-safe.
 */
public final class FindingRefiner {

    /** The detector whose findings are also score modifiers of other findings about the same destination. */
    public static final String MODIFIER_DETECTOR = HttpTlsDetector.ID;

    private static final int MAX_EVIDENCE = 20;

    /**
     * Weights and thresholds.
     *
     * @param minPopulation internal hosts needed before rarity means anything
     * @param rareMaxHosts a destination contacted by at most this many hosts is rare
     * @param rareWeight points a rare destination adds
     * @param popularMinHosts a popular destination is contacted by at least this many hosts ...
     * @param popularMinShare ... and by at least this share of all internal hosts
     * @param popularWeight points a popular destination removes, at the least popular
     * @param universalWeight points removed when every internal host contacted the destination; linear from
     *     {@code popularWeight} at the popular threshold: what the whole estate calls is the estate's own software
     * @param newAfterMicros a destination first contacted this long after the data began is new
     * @param newWeight points a new destination adds
     * @param resolverWeight points removed when an internal resolver or proxy sends DNS upstream
     * @param proxyWeight points removed from other findings about a forward proxy's own outbound traffic
     * @param maxModifierTotal the most points {@code http-tls} modifiers add to one finding
     * @param modifierFloor {@code http-tls} findings whose own score is below this are not written on their own
     */
    public record Settings(
            int minPopulation, int rareMaxHosts, double rareWeight, int popularMinHosts, double popularMinShare,
            double popularWeight, double universalWeight, long newAfterMicros, double newWeight,
            double resolverWeight, double proxyWeight, double maxModifierTotal, double modifierFloor) {

        public static final Settings DEFAULTS = new Settings(3, 1, 0.10, 5, 0.25, 0.25, 0.50, 12 * 3_600_000_000L,
                0.10, 0.30, 0.20, 0.30, 0.20);
    }

    /**
     * What refinement did to one run's findings.
     *
     * @param modified findings that took {@code http-tls} modifiers
     * @param modifiersAbsorbed weak {@code http-tls} findings not written because they live on as modifiers
     * @param modifiersBelowFloor weak {@code http-tls} findings not written because they modified nothing
     */
    public record Summary(
            int findingsIn, int findingsOut, int allowlisted, int rare, int popular, int newDestinations,
            int infrastructure, int modified, int modifiersAbsorbed, int modifiersBelowFloor) {
    }

    /** The refined findings, in their original order, and what was done. */
    public record Result(List<Finding> findings, Summary summary) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    private final Settings settings;
    private final Allowlist allowlist;

    public FindingRefiner(Settings settings, Allowlist allowlist) {
        this.settings = settings;
        this.allowlist = allowlist;
    }

    public Result refine(List<Finding> detected, Prevalence prevalence) {
        List<Finding> findings = mergeModifiers(detected);
        Map<String, List<Finding>> modifiersByHost = new HashMap<>();
        for (Finding finding : findings) {
            if (finding.detectorId().equals(MODIFIER_DETECTOR)) {
                modifiersByHost.computeIfAbsent(finding.host().label(), key -> new ArrayList<>()).add(finding);
            }
        }
        Counts counts = new Counts();
        Set<String> usedModifiers = new LinkedHashSet<>();
        List<Finding> refined = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            List<Signal> signals = new ArrayList<>(finding.signals());
            List<Provenance> evidence = new ArrayList<>(finding.evidence());
            if (!finding.detectorId().equals(MODIFIER_DETECTOR)) {
                List<Finding> modifiers = matching(finding, modifiersByHost.get(finding.host().label()));
                if (!modifiers.isEmpty()) {
                    counts.modified++;
                    modifiers.forEach(modifier -> usedModifiers.add(modifier.uid()));
                    addModifiers(modifiers, signals, evidence);
                }
            }
            String reason = finding.reason();
            Signal allowed = allowlistSignal(finding.host(), finding.destination(), prevalence, signals);
            if (allowed != null) {
                signals.add(allowed);
                counts.allowlisted++;
                reason = withAllowlistNote(reason, allowed);
            }
            addPrevalence(finding, prevalence, signals, counts);
            addInfrastructure(finding, prevalence, signals, counts);
            refined.add(new Finding(finding.uid(), finding.detectorId(), finding.title(), finding.techniques(),
                    finding.host(), finding.destination(), finding.firstSeenMicros(), finding.lastSeenMicros(),
                    Finding.scoreOf(signals), finding.confidence(), reason, signals, evidence));
        }
        List<Finding> written = new ArrayList<>(refined.size());
        int absorbed = 0;
        int belowFloor = 0;
        for (int index = 0; index < refined.size(); index++) {
            Finding finding = refined.get(index);
            boolean weakModifier = finding.detectorId().equals(MODIFIER_DETECTOR)
                    && findings.get(index).score() < settings.modifierFloor();
            if (!weakModifier) {
                written.add(finding);
            } else if (usedModifiers.contains(finding.uid())) {
                absorbed++;
            } else {
                belowFloor++;
            }
        }
        Summary summary = new Summary(detected.size(), written.size(), counts.allowlisted, counts.rare,
                counts.popular, counts.fresh, counts.infrastructure, counts.modified, absorbed, belowFloor);
        return new Result(written, summary);
    }

    /**
     * Merges the {@code http-tls} findings about one host and destination (their keys differ: host and server,
     * user agent, certificate) into one, so that they are judged together: the strongest keeps its identity and
     * reason, the others add the signals it lacks. Other findings pass unchanged, in order.
     */
    private static List<Finding> mergeModifiers(List<Finding> findings) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (Finding finding : findings) {
            if (!finding.detectorId().equals(MODIFIER_DETECTOR)) {
                order.add(finding);
                continue;
            }
            Destination destination = finding.destination();
            String target = destination.ip() != null ? destination.ip().toString() : destination.domain();
            String group = finding.host().label() + "|" + target;
            List<Finding> members = groups.get(group);
            if (members == null) {
                members = new ArrayList<>();
                groups.put(group, members);
                order.add(group);
            }
            members.add(finding);
        }
        List<Finding> merged = new ArrayList<>(findings.size());
        for (Object item : order) {
            if (item instanceof Finding finding) {
                merged.add(finding);
            } else {
                merged.add(merge(groups.get((String) item)));
            }
        }
        return merged;
    }

    private static Finding merge(List<Finding> members) {
        if (members.size() == 1) {
            return members.get(0);
        }
        Finding strongest = members.get(0);
        for (Finding member : members) {
            if (member.score() > strongest.score()) {
                strongest = member;
            }
        }
        Map<String, Signal> signals = new LinkedHashMap<>();
        Set<String> techniques = new LinkedHashSet<>(strongest.techniques());
        List<Provenance> evidence = new ArrayList<>(strongest.evidence());
        long first = strongest.firstSeenMicros();
        long last = strongest.lastSeenMicros();
        strongest.signals().forEach(signal -> signals.put(signal.name(), signal));
        for (Finding member : members) {
            for (Signal signal : member.signals()) {
                Signal held = signals.get(signal.name());
                if (held == null || signal.contribution() > held.contribution()) {
                    signals.put(signal.name(), signal);
                }
            }
            techniques.addAll(member.techniques());
            for (Provenance provenance : member.evidence()) {
                if (evidence.size() < MAX_EVIDENCE && !evidence.contains(provenance)) {
                    evidence.add(provenance);
                }
            }
            first = Math.min(first, member.firstSeenMicros());
            last = Math.max(last, member.lastSeenMicros());
        }
        if (techniques.remove("T1104")) {
            techniques.add("T1104");
        }
        List<Signal> all = new ArrayList<>(signals.values());
        return new Finding(strongest.uid(), strongest.detectorId(), strongest.title(), new ArrayList<>(techniques),
                strongest.host(), strongest.destination(), first, last, Finding.scoreOf(all),
                strongest.confidence(), strongest.reason(), all, evidence);
    }

    /** The modifier findings about the same destination: the same address or the same name, any port. */
    private static List<Finding> matching(Finding finding, List<Finding> candidates) {
        if (candidates == null) {
            return List.of();
        }
        Destination destination = finding.destination();
        List<Finding> matches = new ArrayList<>();
        for (Finding candidate : candidates) {
            Destination other = candidate.destination();
            boolean sameAddress = destination.ip() != null && destination.ip().equals(other.ip());
            boolean sameName = destination.domain() != null && destination.domain().equals(other.domain());
            if (sameAddress || sameName) {
                matches.add(candidate);
            }
        }
        return matches;
    }

    /**
     * Adds the modifiers' own detector signals, prefixed {@code http-tls:}, scaled down together when they would
     * add more than {@link Settings#maxModifierTotal()}, so that the score stays the sum of what is shown.
     */
    private void addModifiers(List<Finding> modifiers, List<Signal> signals, List<Provenance> evidence) {
        Map<String, Signal> strongest = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (Finding modifier : modifiers) {
            for (Signal signal : modifier.signals()) {
                String name = MODIFIER_DETECTOR + ":" + signal.name();
                String observed = signal.observed() + " (" + modifier.destination().label() + ")";
                Signal renamed = new Signal(name, observed, signal.baseline(), signal.contribution());
                Signal held = strongest.get(name);
                if (held == null) {
                    order.add(name);
                }
                if (held == null || renamed.contribution() > held.contribution()) {
                    strongest.put(name, renamed);
                }
            }
            for (Provenance provenance : modifier.evidence()) {
                if (evidence.size() < MAX_EVIDENCE && !evidence.contains(provenance)) {
                    evidence.add(provenance);
                }
            }
        }
        double total = 0;
        for (String name : order) {
            total += Math.max(0, strongest.get(name).contribution());
        }
        double scale = total > settings.maxModifierTotal() ? settings.maxModifierTotal() / total : 1;
        for (String name : order) {
            Signal signal = strongest.get(name);
            signals.add(new Signal(signal.name(), signal.observed(), signal.baseline(),
                    signal.contribution() * scale));
        }
    }

    /**
     * Names are checked first: a name is the better identity, an address may be shared. But a name is only what
     * the host's traffic claimed (a server name, a Host header): where the host's own lookups of that name are in
     * the logs, and never got this address, the name is not believed and only the address may match; the finding
     * says so.
     */
    private Signal allowlistSignal(Host host, Destination destination, Prevalence prevalence,
            List<Signal> signals) {
        Allowlist.Match match = destination.domain() != null ? allowlist.matchDomain(destination.domain()) : null;
        if (match != null && match.source().reduction() > 0
                && !prevalence.nameMayLeadTo(host, destination.domain(), destination.ip())) {
            signals.add(new Signal("unconfirmed-name",
                    destination.domain() + " (on '" + match.source().name() + "'): this host's lookups of it were"
                            + " answered, never with " + destination.ip(),
                    "an allowlisted name counts where DNS put it", 0));
            match = null;
        }
        if (match == null) {
            match = allowlist.matchAddress(destination.ip());
        }
        if (match == null || match.source().reduction() <= 0) {
            return null;
        }
        return new Signal("allowlisted",
                match.value() + " matches '" + match.entry() + "' in '" + match.source().name() + "'",
                "allowlist from " + match.source().origin(), -match.source().reduction());
    }

    private static String withAllowlistNote(String reason, Signal allowed) {
        String sentence = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
        String list = allowed.observed().substring(allowed.observed().lastIndexOf(" in '") + 4);
        return sentence + "; its destination is on the allowlist " + list + ".";
    }

    /** From the popular weight at the popular threshold to the universal weight when every host contacted it. */
    private double popularPoints(long hosts, long popularHosts, long population) {
        if (population <= popularHosts) {
            return settings.popularWeight();
        }
        double reach = Math.min(1, (double) (hosts - popularHosts) / (population - popularHosts));
        return settings.popularWeight() + reach * (settings.universalWeight() - settings.popularWeight());
    }

    private void addPrevalence(Finding finding, Prevalence prevalence, List<Signal> signals, Counts counts) {
        Destination destination = finding.destination();
        String subject = destination.domain();
        Prevalence.Seen seen = subject != null ? prevalence.domain(subject) : null;
        if (seen == null && destination.ip() != null) {
            subject = destination.ip().toString();
            seen = prevalence.address(destination.ip());
        }
        if (seen == null) {
            return;
        }
        long population = prevalence.population();
        // an estimate may overshoot the population it is part of; say so rather than print "154 of 151"
        long hosts = seen.estimated() ? Math.min(seen.hosts(), population) : seen.hosts();
        long popularHosts = Math.max(settings.popularMinHosts(),
                (long) Math.ceil(settings.popularMinShare() * population));
        String observed = subject + ": " + (seen.estimated() ? "about " : "") + hosts + " of " + population
                + " internal hosts since "
                + EventTime.iso(seen.firstSeenMicros());
        String baseline = String.format(Locale.ROOT, "rare: at most %d host%s; popular: at least %d hosts (%d %% of"
                        + " hosts), -%.2f there to -%.2f when all %d do; judged from %d hosts on",
                settings.rareMaxHosts(), settings.rareMaxHosts() == 1 ? "" : "s", popularHosts,
                Math.round(settings.popularMinShare() * 100), settings.popularWeight(), settings.universalWeight(),
                population, settings.minPopulation());
        if (population < settings.minPopulation()) {
            signals.add(new Signal("prevalence", observed, baseline + " (too few hosts to judge)", 0));
        } else if (hosts <= settings.rareMaxHosts()) {
            signals.add(new Signal("rare-destination", observed, baseline, settings.rareWeight()));
            counts.rare++;
        } else if (hosts >= popularHosts) {
            signals.add(new Signal("popular-destination", observed, baseline,
                    -popularPoints(hosts, popularHosts, population)));
            counts.popular++;
        } else {
            signals.add(new Signal("prevalence", observed, baseline, 0));
        }
        long intoData = seen.firstSeenMicros() - prevalence.firstEventMicros();
        if (intoData >= settings.newAfterMicros()) {
            signals.add(new Signal("new-destination",
                    "first contacted " + EventTime.iso(seen.firstSeenMicros()) + ", " + hours(intoData)
                            + " into the data",
                    "destinations already contacted in the first " + hours(settings.newAfterMicros())
                            + " are not new", settings.newWeight()));
            counts.fresh++;
        }
    }

    private void addInfrastructure(Finding finding, Prevalence prevalence, List<Signal> signals, Counts counts) {
        if (finding.host().ip() == null || finding.destination().equals(Destination.NONE)) {
            return;
        }
        long resolverClients = prevalence.resolverClients(finding.host().ip());
        long proxyClients = prevalence.proxyClients(finding.host().ip());
        String host = finding.host().label();
        if (finding.destination().port() == 53 && resolverClients + proxyClients > 0) {
            signals.add(new Signal("resolver-upstream",
                    host + " resolves names for " + plural(resolverClients + proxyClients, "internal host"),
                    "an internal resolver or proxy sends DNS upstream by design", -settings.resolverWeight()));
            counts.infrastructure++;
        } else if (proxyClients > 0 && settings.proxyWeight() > 0) {
            signals.add(new Signal("proxy-egress",
                    host + " forwards traffic for " + plural(proxyClients, "internal host"),
                    "a proxy's outbound traffic is its clients' traffic; their own findings name them",
                    -settings.proxyWeight()));
            counts.infrastructure++;
        }
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String hours(long micros) {
        double hours = micros / 3_600_000_000.0;
        return hours >= 48 ? String.format(Locale.ROOT, "%.1f days", hours / 24)
                : String.format(Locale.ROOT, "%.1f h", hours);
    }

    private static final class Counts {
        int allowlisted;
        int rare;
        int popular;
        int fresh;
        int infrastructure;
        int modified;
    }
}
