/**
 * Suricata's EVE JSON: {@code flow} and {@code netflow} records become connections, {@code dns} records (logging
 * versions 1, 2 and 3) are joined per transaction into one DNS event, and {@code http}, {@code tls},
 * {@code fileinfo} and {@code alert} records map one to one; other event types are skipped by design.
 */
package io.stagehunt.ingest.suricata;
