package io.stagehunt.ingest.firewall;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How to read what firewall logs leave unsaid. Immutable.
 *
 * @param zone         the zone of timestamps that carry none (BSD syslog, PAN-OS, CEF without {@code dtz}): the
 *                     firewall's or log server's configured zone
 * @param undatedYear  the year of BSD syslog timestamps when no earlier record of the same input carries one;
 *                     0 to fall back to 1970, which keeps intervals right but not dates, and says so in the
 *                     input's ledger
 */
public record FirewallSettings(ZoneId zone, int undatedYear) {

    public static final FirewallSettings DEFAULTS = new FirewallSettings(ZoneOffset.UTC, 0);

    public FirewallSettings {
        Objects.requireNonNull(zone, "zone");
        if (undatedYear < 0 || undatedYear > 9999) {
            throw new IllegalArgumentException("undatedYear must be 0 or a year, not " + undatedYear);
        }
    }
}
