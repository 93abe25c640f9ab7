/**
 * The {@code intel-match} detector: looks every observable value of every event up in the loaded indicators
 * where it was seen (Zeek Intel framework style: DNS query and answer, connection destination, HTTP host and
 * URL, TLS server name, fingerprints and certificates, file and process hashes) and reports listed values with
 * the feed, the indicator, its type, age, confidence and family, and the field it matched in, once per host
 * and indicator per suppression interval.
 */
package io.stagehunt.detect.intel;
