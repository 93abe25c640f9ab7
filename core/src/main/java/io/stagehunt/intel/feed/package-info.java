/**
 * Loading threat intelligence: finds feed files (folders, gzip) and collections (TAXII URLs), recognizes each
 * file's format from its content, never from its name, and reads it into one
 * {@link io.stagehunt.intel.IndicatorIndex} and one {@link io.stagehunt.intel.BenignList}. Every record read
 * ends in one {@link io.stagehunt.ingest.FileAccount} as produced, skipped by design (revoked, not for
 * detection, deleted) or refused with a located one-line reason; a file no format knows is refused whole, with
 * its reason.
 */
package io.stagehunt.intel.feed;
