/**
 * One {@code analyze} run end to end: find and recognize the inputs, run the pipeline with the configured
 * detectors, and write the output files. The CLI, the server and tests all start runs here.
 */
package io.stagehunt.analysis;
