package io.stagehunt.detect.network;

import io.stagehunt.net.PortSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The default port policy of the {@code egress} detector: which ports ordinary client traffic leaves a network on,
 * which ports each protocol customarily uses (IANA service names and registrations, and the ports vendors document
 * for their clients), and which ports belong to forward proxies and Tor. Site policy overrides all of them through
 * {@link EgressDetector.Settings}. The {@code exfil} detector judges uploads against the same ordinary ports by
 * default ({@link ExfilDetector.Settings#commonPorts()}).
 */
final class EgressPorts {

    /**
     * Ports ordinary client software uses to reach the internet: web, mail submission and retrieval, DNS and
     * DNS over TLS, NTP, VPN (IKE, NAT-T, OpenVPN), real-time media (STUN/TURN, SIP), push and messaging (XMPP,
     * Apple push, Firebase Cloud Messaging, MQTT).
     */
    static final Set<Integer> COMMON = Set.of(
            20, 21, 22, 25, 53, 80, 110, 123, 143, 443, 465, 500, 587, 853, 993, 995, 1194, 1883, 3478, 3479,
            3480, 3481, 4500, 5060, 5061, 5222, 5223, 5228, 5349, 8080, 8443, 8883, 19302);

    /** Forward proxy ports (SOCKS, Squid, Privoxy) and Tor's client and relay ports. */
    static final Set<Integer> PROXY = Set.of(1080, 3128, 8118, 9050, 9150, 9001, 9030);

    /** Ports where a resolver or time server is expected to be contacted by address, without a DNS lookup. */
    static final PortSet ADDRESSED_BY_DESIGN = PortSet.of(List.of(53, 123, 853));

    /** Web ports: traffic on them is what a forward proxy is there to carry. */
    static final Set<Integer> WEB = Set.of(80, 443, 8080, 8443);

    /**
     * Customary ports per protocol, keyed by Zeek's service names. Protocols missing here (ftp-data, gssapi,
     * dce_rpc ...) run on negotiated ports and are never judged.
     */
    static final Map<String, Set<Integer>> BY_SERVICE = Map.ofEntries(
            Map.entry("http", Set.of(80, 81, 591, 3128, 8000, 8008, 8080, 8081, 8888)),
            Map.entry("ssl", Set.of(443, 465, 563, 636, 853, 989, 990, 992, 993, 994, 995, 3269, 5061, 5223, 5228,
                    5349, 5671, 6697, 8443, 8883)),
            Map.entry("quic", Set.of(443)),
            Map.entry("ssh", Set.of(22)),
            Map.entry("dns", Set.of(53, 5353, 5355)),
            Map.entry("ftp", Set.of(21)),
            Map.entry("smtp", Set.of(25, 465, 587, 2525)),
            Map.entry("pop3", Set.of(110, 995)),
            Map.entry("imap", Set.of(143, 993)),
            Map.entry("irc", Set.of(194, 529, 994, 6660, 6661, 6662, 6663, 6664, 6665, 6666, 6667, 6668, 6669, 6697)),
            Map.entry("rdp", Set.of(3389)),
            Map.entry("smb", Set.of(139, 445)),
            Map.entry("ntp", Set.of(123)),
            Map.entry("dhcp", Set.of(67, 68)),
            Map.entry("sip", Set.of(5060, 5061)),
            Map.entry("snmp", Set.of(161, 162)),
            Map.entry("syslog", Set.of(514)),
            Map.entry("socks", Set.of(1080, 9050, 9150)),
            Map.entry("mysql", Set.of(3306)),
            Map.entry("postgresql", Set.of(5432)),
            Map.entry("rfb", Set.of(5900, 5901, 5902, 5903)),
            Map.entry("telnet", Set.of(23)),
            Map.entry("xmpp", Set.of(5222, 5223, 5269)));

    /**
     * Firewall application names (PAN-OS App-ID and similar) mapped onto the service names above. Names such as
     * {@code incomplete}, {@code insufficient-data} or {@code unknown-tcp} name no protocol and map to nothing.
     */
    private static final Map<String, String> APPLICATIONS = Map.ofEntries(
            Map.entry("web-browsing", "http"), Map.entry("http", "http"), Map.entry("http-proxy", "http"),
            Map.entry("ssl", "ssl"), Map.entry("tls", "ssl"), Map.entry("https", "ssl"),
            Map.entry("quic", "quic"), Map.entry("ssh", "ssh"), Map.entry("dns", "dns"), Map.entry("dns-base", "dns"),
            Map.entry("ftp", "ftp"), Map.entry("smtp", "smtp"), Map.entry("smtp-base", "smtp"),
            Map.entry("pop3", "pop3"), Map.entry("imap", "imap"), Map.entry("irc", "irc"), Map.entry("irc-base", "irc"),
            Map.entry("ms-rdp", "rdp"), Map.entry("rdp", "rdp"), Map.entry("ms-ds-smb", "smb"),
            Map.entry("smb", "smb"), Map.entry("ntp", "ntp"), Map.entry("ntp-base", "ntp"), Map.entry("sip", "sip"),
            Map.entry("snmp", "snmp"), Map.entry("syslog", "syslog"), Map.entry("socks", "socks"),
            Map.entry("mysql", "mysql"), Map.entry("postgres", "postgresql"), Map.entry("vnc", "rfb"),
            Map.entry("telnet", "telnet"), Map.entry("jabber", "xmpp"), Map.entry("xmpp", "xmpp"));

    private EgressPorts() {
    }

    /**
     * The protocol named by a Zeek service list ({@code ssl,http}) or a firewall application when that protocol
     * is on a port none of the named protocols customarily uses; null when the port fits one of them or no
     * protocol with a port table is named.
     */
    static String mismatched(String service, String application, int port, Map<String, PortSet> table) {
        String mismatched = null;
        if (service != null && !service.isEmpty() && !service.equals("-")) {
            int start = 0;
            while (start <= service.length()) {
                int comma = service.indexOf(',', start);
                int end = comma < 0 ? service.length() : comma;
                String name = service.substring(start, end).strip().toLowerCase(Locale.ROOT);
                PortSet ports = table.get(name);
                if (ports != null) {
                    if (ports.contains(port)) {
                        return null;
                    }
                    mismatched = mismatched == null ? name : mismatched;
                }
                start = end + 1;
            }
        }
        if (application != null) {
            String name = APPLICATIONS.get(application.toLowerCase(Locale.ROOT).strip());
            PortSet ports = name == null ? null : table.get(name);
            if (ports != null) {
                if (ports.contains(port)) {
                    return null;
                }
                mismatched = mismatched == null ? name : mismatched;
            }
        }
        return mismatched;
    }

    /** The ports, when each is one (0 to 65535); else an exception naming the setting and the value. */
    static Set<Integer> checked(String setting, Set<Integer> ports) {
        for (Integer port : ports) {
            if (port == null || port < 0 || port > 65_535) {
                throw new IllegalArgumentException(setting + ": " + port + " is not a port (0 to 65535)");
            }
        }
        return ports;
    }

    /** Ports in ascending order, comma-separated, for a signal's baseline text. */
    static String listed(Set<Integer> ports) {
        return ports == null ? "no known ports" : ports.stream().sorted().map(String::valueOf)
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
