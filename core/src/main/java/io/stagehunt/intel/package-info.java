/**
 * Threat intelligence as stagehunt matches it: typed {@link io.stagehunt.intel.Indicator}s with their lifetime,
 * the immutable {@link io.stagehunt.intel.IndicatorIndex} that answers "is this value listed, and by whom" in
 * constant time, and the {@link io.stagehunt.intel.BenignList} of known-benign values that other stages use to
 * lower scores. Loading feeds lives in {@code intel.feed} and one sub-package per feed family.
 *
 * <p>Nothing here reads a clock: an indicator's age is always measured against the time of the event it is
 * matched with.
 */
package io.stagehunt.intel;
