/**
 * The in-process runner: merges all inputs into one event-time ordered stream with a bounded reorder buffer,
 * advances the watermark, and hosts detectors over keyed state with timers. Memory is bounded by the live
 * keys of the detectors and the reorder buffer, not by input size.
 */
package io.stagehunt.engine;
