/**
 * Argus bidirectional flow records as written by {@code ra} with a delimiter (comma, tab, semicolon or pipe),
 * the form Stratosphere's Slips and the CTU datasets call {@code .binetflow}. Columns are found by their header
 * names in any order; each flow becomes a {@link io.stagehunt.event.Connection}.
 *
 * <p>Decisions that the format leaves open: times carry no zone and are read in
 * {@link io.stagehunt.ingest.netflow.ArgusCsvFormat.Settings#zone()} (UTC unless configured); ICMP flows put
 * the ICMP type in the originator port and the code in the responder port, as Zeek does; byte counts are
 * Argus' wire bytes (IP headers included) unless the application byte columns {@code SAppBytes} and
 * {@code DAppBytes} are present.
 */
package io.stagehunt.ingest.netflow;
