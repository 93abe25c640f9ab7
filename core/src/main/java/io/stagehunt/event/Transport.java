package io.stagehunt.event;

import java.util.Locale;

/** The transport protocol of a flow. */
public enum Transport {
    TCP, UDP, ICMP, OTHER, UNKNOWN;

    /** Maps the spellings of Zeek, Suricata, Argus and firewalls ({@code tcp}, {@code TCP}, {@code 6}). */
    public static Transport parse(String text) {
        if (text == null || text.isEmpty()) {
            return UNKNOWN;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "tcp", "6" -> TCP;
            case "udp", "17" -> UDP;
            case "icmp", "ipv6-icmp", "icmp6", "icmpv6", "1", "58" -> ICMP;
            case "-", "unknown_transport" -> UNKNOWN;
            default -> OTHER;
        };
    }

    /** Whether flows of this transport have ports; logs put ICMP's type and code where ports go. */
    public boolean hasPorts() {
        return this == TCP || this == UDP;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
