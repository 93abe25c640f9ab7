/**
 * Noise control, the stage between detection and cases: what the whole run saw of each destination (how many
 * internal hosts contacted it and since when, which hosts resolve or proxy for others), allowlists of known-benign
 * destinations, and the refiner that turns both, plus the {@code http-tls} modifiers, into named signals on every
 * finding.
 *
 * <p>Detectors see one key at a time; prevalence needs every host at once, so it is counted by a pipeline
 * observer and applied after the run, never inside a detector. Detectors do not depend on this package.
 */
package io.stagehunt.refine;
