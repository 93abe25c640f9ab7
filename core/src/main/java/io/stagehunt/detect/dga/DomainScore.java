package io.stagehunt.detect.dga;

/**
 * How algorithmically generated a domain name looks, and from which label that came.
 *
 * @param name the normalized name, or the input text when it is not a hostname
 * @param registeredDomain the name's registered domain under the Public Suffix List, or null
 * @param label the label the score was computed on, or null when nothing was scored
 * @param hostLabel whether {@code label} is a host label below the registered domain rather than the label
 *     that was registered
 * @param popular whether the scored domain is itself in the popular benign lists the model was trained with
 * @param score 0..1; 0 whenever {@link #status()} is not {@link Status#SCORED}
 * @param features the measurements of {@code label}, or null
 */
public record DomainScore(String name, Status status, String registeredDomain, String label, boolean hostLabel,
        boolean popular, double score, LabelFeatures features) {

    /** Whether and why a name was scored. */
    public enum Status {
        /** The name was scored. */
        SCORED("scored"),
        /** Not a DNS hostname: empty labels, labels over 63 characters, characters outside a-z 0-9 - _. */
        NOT_A_HOSTNAME("not a hostname"),
        /** A single label or a name under a local-use suffix ({@code .local}, {@code .arpa} ...). */
        LOCAL_NAME("local name, nothing registered to score"),
        /** The name is itself a public suffix ({@code co.uk}). */
        PUBLIC_SUFFIX("public suffix, nothing registered to score"),
        /** An internationalized (punycode) label, which a model of ASCII names cannot judge. */
        INTERNATIONALIZED("internationalized name, not scored");

        private final String description;

        Status(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    static DomainScore unscored(String name, Status status, String registeredDomain) {
        return new DomainScore(name, status, registeredDomain, null, false, false, 0, null);
    }

    public boolean scored() {
        return status == Status.SCORED;
    }
}
