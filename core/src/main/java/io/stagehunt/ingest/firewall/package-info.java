/**
 * Firewall logs as they reach a log server, turned into {@link io.stagehunt.event.FirewallDecision} events:
 * Linux netfilter (iptables, nftables, UFW, firewalld) kernel log lines, pfSense/OPNsense {@code filterlog}
 * CSV, Palo Alto PAN-OS traffic logs in the syslog CSV format, and CEF. Each arrives behind a BSD (RFC 3164),
 * RFC 5424, rsyslog ISO or journald header, or bare. One reader serves all four formats: a central log server
 * mixes them in one file, so every line is parsed by its own dialect, and lines of other programs are skipped
 * by design.
 *
 * <p>Decisions that the formats leave open, all in {@link io.stagehunt.ingest.firewall.FirewallSettings}: times
 * without a zone are read in its zone (UTC unless configured; PAN-OS's high resolution timestamp and CEF's
 * {@code dtz} override it); BSD syslog times carry no year, which is taken from the nearest earlier dated
 * record of the same input, else from the settings. Which side is internal, and so the event's host and
 * direction, comes from the run's network scope, never from the firewall's own in/out notion (an interface
 * direction, not a trust boundary).
 */
package io.stagehunt.ingest.firewall;
