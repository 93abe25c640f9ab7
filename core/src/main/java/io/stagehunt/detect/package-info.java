/**
 * The detector API and what detectors report. A {@link io.stagehunt.detect.Detector} is pure logic over
 * explicit keyed state that the runner owns; it never reads a clock, a file or a global, so the in-process
 * engine and the Flink job host the same code. Sub-packages hold the detectors per evidence family.
 */
package io.stagehunt.detect;
