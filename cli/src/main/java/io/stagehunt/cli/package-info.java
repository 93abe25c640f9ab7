/**
 * The {@code stagehunt} command line: thin picocli commands over {@code io.stagehunt.analysis} and friends.
 * Exit status 0 when the work ran, 2 for bad usage or configuration, 3 when no input could be read.
 */
package io.stagehunt.cli;
