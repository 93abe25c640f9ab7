package io.stagehunt.detect.intel;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.event.Host;
import io.stagehunt.event.Provenance;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.Freshness;
import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.IntelMatch;
import io.stagehunt.intel.Observables;
import io.stagehunt.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the sightings of one indicator value on one host into an explained finding: the score is the sum of
 * named signals (listed, where seen, feed confidence, freshness, family named, benign-list context), and the
 * reason is one sentence naming the host, the action, the value, the feed, the indicator's type, family,
 * confidence and age, and the field it matched in. Thread-safe (stateless).
 */
final class IntelFindings {

    private final BenignList benign;
    private final IntelMatchDetector.Settings settings;

    IntelFindings(BenignList benign, IntelMatchDetector.Settings settings) {
        this.benign = benign;
        this.settings = settings;
    }

    Finding of(Host host, List<Sighting> sightings, long timeMicros, Destination destinationOverride,
            Provenance evidence) {
        Sighting primary = sightings.stream().max(Comparator.comparingDouble(this::strength)).orElseThrow();
        Indicator indicator = primary.match().indicator();
        double confidence = confidenceOf(indicator);
        Freshness freshness = primary.freshness();
        String benignList = benignListOf(primary.match());
        Set<String> feeds = new LinkedHashSet<>();
        Set<SeenIn> fields = new LinkedHashSet<>();
        for (Sighting sighting : sightings) {
            feeds.add(sighting.match().indicator().attribution().feed());
            fields.add(sighting.where());
        }
        String family = indicator.attribution().malware();

        List<Signal> signals = new ArrayList<>();
        String otherFeeds = feeds.size() > 1 ? ", also on " + String.join(", ", feeds.stream().skip(1).toList()) : "";
        signals.add(new Signal("listed indicator", indicator.type().label() + " " + indicator.label() + " on "
                + indicator.attribution().feed() + " (" + indicator.attribution().format() + ")" + otherFeeds,
                "not on any loaded feed", settings.listedWeight()));
        signals.add(new Signal("matched in", primary.where().label() + ": " + primary.match().observed()
                + (primary.match().relation() == IntelMatch.Relation.EXACT ? ""
                : " (" + primary.match().relation().phrase() + " " + indicator.value() + ")"),
                "flows and files show contact; DNS and fingerprints less so",
                settings.seenWeight() * primary.where().definiteness()));
        signals.add(new Signal("feed confidence", confidenceText(indicator), "0..100",
                settings.confidenceWeight() * confidence));
        signals.add(new Signal("freshness", freshness.describe() + String.format(Locale.ROOT, " (weight %.2f)",
                freshness.weight()), indicator.type().label() + " indicators lose all weight after "
                + settings.decay().model(indicator.type()).lifetimeDays() + " days",
                settings.freshnessWeight() * freshness.weight()));
        signals.add(new Signal("malware family", family != null ? family : "not named by the feed", null,
                family != null ? settings.familyWeight() : 0));
        if (benignList != null) {
            signals.add(new Signal("benign list", primary.match().observed() + " is on '" + benignList + "'",
                    "likely false positive", -settings.benignPenalty()));
        }
        double score = Finding.scoreOf(signals);
        double findingConfidence = confidence * (0.5 + 0.5 * freshness.weight()) * primary.where().certainty()
                * (benignList != null ? settings.benignConfidenceFactor() : 1);

        Destination destination = destinationOverride != null ? destinationOverride : primary.destination();
        String title = "Intel match: " + indicator.type().label() + " " + indicator.value()
                + (family != null ? " (" + family + ")" : "");
        return new Finding(uidOf(host, destination, timeMicros, indicator),
                IntelMatchDetector.ID, title, techniques(fields), host, destination, timeMicros, timeMicros,
                score, Math.max(0, Math.min(1, findingConfidence)),
                reason(host, primary, feeds, fields, benignList, confidence), signals, List.of(evidence));
    }

    /**
     * A deterministic id like {@link Finding#uidOf}'s, with the indicator in the identity: one TLS session can
     * match a listed name and a listed address at once, and those are two findings.
     */
    static String uidOf(Host host, Destination destination, long timeMicros, Indicator indicator) {
        String identity = IntelMatchDetector.ID + '|' + host.label() + '|' + destination.label() + '|' + timeMicros
                + '|' + indicator.type().label() + '|' + indicator.value();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return IntelMatchDetector.ID + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** How strongly a sighting speaks: the one that speaks most is the one the finding tells. */
    private double strength(Sighting sighting) {
        return confidenceOf(sighting.match().indicator()) * sighting.freshness().weight()
                * sighting.where().definiteness();
    }

    private double confidenceOf(Indicator indicator) {
        return indicator.confidence() == Indicator.UNKNOWN_CONFIDENCE ? settings.unknownConfidence()
                : indicator.confidence() / 100.0;
    }

    private String confidenceText(Indicator indicator) {
        return indicator.confidence() == Indicator.UNKNOWN_CONFIDENCE
                ? String.format(Locale.ROOT, "not stated (taken as %d)", Math.round(settings.unknownConfidence() * 100))
                : indicator.confidence() + "/100";
    }

    /** The benign list holding the observed value (or the host of an observed URL), or null. */
    String benignListOf(IntelMatch match) {
        IndicatorType type = match.indicator().type();
        String observed = match.observed();
        if (type == IndicatorType.IP || type == IndicatorType.CIDR) {
            return benign.listOf(IpAddress.tryParse(observed));
        }
        if (type == IndicatorType.DOMAIN) {
            return benign.listOf(observed);
        }
        if (type == IndicatorType.URL) {
            try {
                String url = Observables.url(observed);
                int start = url.indexOf("://") + 3;
                int end = start;
                while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
                    end++;
                }
                String host = url.substring(start, end);
                int colon = host.lastIndexOf(':');
                if (colon > host.lastIndexOf(']')) {
                    host = host.substring(0, colon);
                }
                IpAddress address = IpAddress.tryParse(host.replace("[", "").replace("]", ""));
                return address != null ? benign.listOf(address) : benign.listOf(host);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> techniques(Set<SeenIn> fields) {
        Set<String> techniques = new LinkedHashSet<>();
        for (SeenIn field : fields) {
            techniques.add(field.technique());
        }
        return List.copyOf(techniques);
    }

    /**
     * One sentence: {@code 192.168.1.115 connected to 41.108.179.197:1177, which njrat.json lists as an ip
     * indicator of NjRAT (confidence 90/100, listed 2 hours earlier); matched in the conn destination.}
     */
    private String reason(Host host, Sighting primary, Set<String> feeds, Set<SeenIn> fields, String benignList,
            double confidence) {
        Indicator indicator = primary.match().indicator();
        StringBuilder sentence = new StringBuilder();
        sentence.append(host).append(' ').append(primary.where().action()).append(' ')
                .append(observedText(primary));
        if (primary.match().relation() != IntelMatch.Relation.EXACT) {
            sentence.append(primary.match().relation() == IntelMatch.Relation.SUBDOMAIN ? ", under " : ", in ")
                    .append(indicator.value());
        }
        sentence.append(", which ").append(feeds.iterator().next());
        if (feeds.size() > 1) {
            sentence.append(" and ").append(feeds.size() - 1).append(feeds.size() == 2 ? " other feed" : " other feeds");
        }
        sentence.append(feeds.size() > 1 ? " list as " : " lists as ").append(article(indicator.type().label()))
                .append(' ').append(indicator.type().label()).append(" indicator");
        if (indicator.attribution().malware() != null) {
            sentence.append(" of ").append(indicator.attribution().malware());
        }
        sentence.append(" (confidence ").append(indicator.confidence() == Indicator.UNKNOWN_CONFIDENCE
                ? "not stated" : indicator.confidence() + "/100").append(", ").append(primary.freshness().describe())
                .append("); matched in the ").append(primary.where().label());
        if (fields.size() > 1) {
            sentence.append(" and ").append(fields.size() - 1).append(fields.size() == 2 ? " other field" : " other fields");
        }
        if (benignList != null) {
            sentence.append(", but the value is on the benign list '").append(benignList)
                    .append("', so this is likely a false positive");
        }
        return sentence.append('.').toString();
    }

    private static String observedText(Sighting sighting) {
        String observed = sighting.match().observed();
        int port = sighting.destination().port();
        boolean address = sighting.match().indicator().type().isAddress();
        if (address && port >= 0 && sighting.where() != SeenIn.DNS_ANSWER) {
            return observed.indexOf(':') >= 0 ? "[" + observed + "]:" + port : observed + ":" + port;
        }
        return observed;
    }

    private static String article(String word) {
        return "aeiouAEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
