/**
 * Turning raw inputs into events: finding inputs in folders and archives, recognizing each one's format by
 * content, reading records with exact accounting ({@code read == produced + skipped by design + quarantined})
 * and quarantining bad records with their location. One sub-package per format family.
 */
package io.stagehunt.ingest;
