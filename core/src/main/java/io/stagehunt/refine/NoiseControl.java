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

    /** Reduction of a site's own lists that state none (all MISP warninglists): a known service, not proof. */
    public static final double SITE_LIST_REDUCTION = 0.3;

    /**
     * Default bounds and weights, with the site's own allowlist files after the bundled ones.
     *
     * @throws IllegalArgumentException naming every file that could not be read
     */
    public static NoiseControl withAllowlists(java.util.List<java.nio.file.Path> files) {
        if (files.isEmpty()) {
            return defaults();
        }
        AllowlistFiles.Loaded loaded = AllowlistFiles.load(files, SITE_LIST_REDUCTION, AllowlistFiles.withBundled());
        return new NoiseControl(Prevalence.Settings.DEFAULTS, FindingRefiner.Settings.DEFAULTS, loaded.allowlist());
    }

    /** A fresh prevalence counter for one run. */
    public Prevalence newPrevalence() {
        return new Prevalence(prevalence);
    }

    public FindingRefiner refinerOf() {
        return new FindingRefiner(refiner, allowlist);
    }
}
