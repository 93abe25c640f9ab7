package io.stagehunt.detect.dga;

import io.stagehunt.net.DomainName;
import io.stagehunt.net.PublicSuffixList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Scores how algorithmically generated a domain name looks, 0..1, from its letters alone.
 *
 * <p>What is scored is the label someone registered, because that is what a domain generation algorithm must
 * produce: the label left of the ICANN public suffix ({@code example} in {@code www.example.co.uk}). Under a
 * private suffix of the Public Suffix List the customer's label is scored instead when customers choose their
 * own names (dynamic DNS, or any platform the benign lists do not know as popular); under a popular provider
 * that names hosts itself ({@code d1a2b3c4.cloudfront.net}) the provider's label is scored. Host labels below
 * the registered domain count at {@link #HOST_LABEL_WEIGHT} of their score, and only below domains that the
 * benign lists do not show as popular, whose owners are known to name hosts by machine.
 *
 * <p>Immutable and thread-safe.
 */
public final class DomainScorer {

    /** The weight of a host label's score: the domain's owner chose it, which is weaker evidence. */
    public static final double HOST_LABEL_WEIGHT = 0.75;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final Set<String> LOCAL_SUFFIXES = Set.of("local", "localhost", "localdomain", "lan", "home",
            "internal", "intranet", "corp", "private", "arpa", "invalid", "test", "example", "onion");
    private static final String PSL_RESOURCE = "/io/stagehunt/net/public_suffix_list.dat";
    private static final String PRIVATE_SECTION = "===BEGIN PRIVATE DOMAINS===";

    private final DgaModel model;
    private final PublicSuffixList suffixes;
    private final PublicSuffixList icannSuffixes;

    public DomainScorer(DgaModel model, PublicSuffixList suffixes, PublicSuffixList icannSuffixes) {
        this.model = model;
        this.suffixes = suffixes;
        this.icannSuffixes = icannSuffixes;
    }

    /** The scorer with the bundled model and the bundled Public Suffix List. */
    public static DomainScorer standard() {
        return Standard.SCORER;
    }

    /** A scorer with another model and the bundled Public Suffix List. */
    public static DomainScorer withModel(DgaModel model) {
        return new DomainScorer(model, PublicSuffixList.bundled(), Icann.SUFFIXES);
    }

    public DgaModel model() {
        return model;
    }

    /** Scores a name as it appears in a log or a list: case, surrounding space and a final dot do not matter. */
    public DomainScore score(String text) {
        String name = DomainName.normalize(text);
        if (name == null || !hostname(name)) {
            return DomainScore.unscored(text == null ? "" : text.strip(), DomainScore.Status.NOT_A_HOSTNAME, null);
        }
        int lastDot = name.lastIndexOf('.');
        if (lastDot < 0 || LOCAL_SUFFIXES.contains(name.substring(lastDot + 1))) {
            return DomainScore.unscored(name, DomainScore.Status.LOCAL_NAME, null);
        }
        String icannDomain = icannSuffixes.registeredDomain(name);
        if (icannDomain == null) {
            return DomainScore.unscored(name, DomainScore.Status.PUBLIC_SUFFIX, null);
        }
        String registered = suffixes.registeredDomain(name);
        String base = icannDomain;
        if (model.dynamicDns(icannDomain) && name.length() > icannDomain.length()) {
            int dot = name.lastIndexOf('.', name.length() - icannDomain.length() - 2);
            base = name.substring(dot + 1);
        } else if (registered != null && !registered.equals(icannDomain) && !model.popular(icannDomain)) {
            base = registered;
        }
        String label = firstLabel(base);
        if (label.startsWith("xn--")) {
            return DomainScore.unscored(name, DomainScore.Status.INTERNATIONALIZED, registered);
        }
        LabelFeatures features = model.features(label);
        double score = model.score(features);
        boolean popular = base.equals(icannDomain) && model.popular(icannDomain);
        DomainScore best = new DomainScore(name, DomainScore.Status.SCORED, registered != null ? registered : base,
                label, false, popular, score, features);
        if (name.length() > base.length() && !model.popular(icannDomain)) {
            best = bestHostLabel(name, name.length() - base.length() - 1, best);
        }
        return best;
    }

    private DomainScore bestHostLabel(String name, int end, DomainScore best) {
        int start = 0;
        while (start < end) {
            int dot = name.indexOf('.', start);
            if (dot < 0 || dot > end) {
                dot = end;
            }
            String label = name.substring(start, dot);
            if (!label.isEmpty() && label.charAt(0) != '_' && !label.startsWith("xn--")) {
                LabelFeatures features = model.features(label);
                double score = HOST_LABEL_WEIGHT * model.score(features);
                if (score > best.score()) {
                    best = new DomainScore(name, DomainScore.Status.SCORED, best.registeredDomain(), label, true,
                            false, score, features);
                }
            }
            start = dot + 1;
        }
        return best;
    }

    private static String firstLabel(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? domain : domain.substring(0, dot);
    }

    /** Letters, digits, hyphens and underscores in labels of 1 to 63 characters. */
    public static boolean hostname(String name) {
        int labelLength = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (labelLength == 0) {
                    return false;
                }
                labelLength = 0;
                continue;
            }
            boolean allowed = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!allowed || ++labelLength > MAX_LABEL_LENGTH) {
                return false;
            }
        }
        return labelLength > 0;
    }

    /** The ICANN section of the bundled Public Suffix List: suffixes that registries, not companies, run. */
    public static PublicSuffixList icannSuffixes() {
        return Icann.SUFFIXES;
    }

    private static PublicSuffixList icannSection() {
        try (InputStream in = DomainScorer.class.getResourceAsStream(PSL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + PSL_RESOURCE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int privateStart = text.indexOf(PRIVATE_SECTION);
            String icann = privateStart < 0 ? text : text.substring(0, privateStart);
            return PublicSuffixList.parse(new ByteArrayInputStream(icann.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled Public Suffix List", e);
        }
    }

    private static final class Icann {
        static final PublicSuffixList SUFFIXES = icannSection();
    }

    private static final class Standard {
        static final DomainScorer SCORER = new DomainScorer(DgaModel.bundled(), PublicSuffixList.bundled(),
                Icann.SUFFIXES);
    }
}
