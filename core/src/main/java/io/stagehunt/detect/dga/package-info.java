/**
 * Domain generation algorithms: a lexical score of how algorithmically generated a domain name looks
 * ({@link io.stagehunt.detect.dga.DomainScorer}, built on character n-gram models trained on
 * popular benign names only, {@link io.stagehunt.detect.dga.DgaModel}), and the {@code dga} detector that
 * flags hosts looking up many such names, above all names that do not exist
 * ({@link io.stagehunt.detect.dga.DgaDetector}).
 */
package io.stagehunt.detect.dga;
