package io.stagehunt.refine;

/**
 * Everything the noise-control stage is configured with: the bounds of the prevalence counts, the refiner's
 * weights and the allowlist. Immutable and thread-safe.
 */
public record NoiseControl(Prevalence.Settings prevalence, FindingRefiner.Settings refiner, Allowlist allowlist) {

    /** Default bounds and weights, and the bundled allowlists. */
    public static NoiseControl defaults() {
        return new NoiseControl(Prevalence.Settings.DEFAULTS, FindingRefiner.Settings.DEFAULTS,
                AllowlistFiles.bundled());
    }

    /** A fresh prevalence counter for one run. */
    public Prevalence newPrevalence() {
        return new Prevalence(prevalence);
    }

    public FindingRefiner refinerOf() {
        return new FindingRefiner(refiner, allowlist);
    }
}
