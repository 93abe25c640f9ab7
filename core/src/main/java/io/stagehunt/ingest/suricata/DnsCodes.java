package io.stagehunt.ingest.suricata;

import java.util.Locale;
import java.util.Map;

/**
 * DNS record types and response codes by the names Suricata logs ({@code TXT}, {@code NXDOMAIN}), to the
 * numbers of the IANA DNS parameters registry that the event model carries. Suricata writes types it has no
 * name for as their number, which is accepted as is. Stateless.
 */
final class DnsCodes {

    private static final Map<String, Integer> TYPES = Map.ofEntries(
            Map.entry("A", 1), Map.entry("NS", 2), Map.entry("MD", 3), Map.entry("MF", 4), Map.entry("CNAME", 5),
            Map.entry("SOA", 6), Map.entry("MB", 7), Map.entry("MG", 8), Map.entry("MR", 9), Map.entry("NULL", 10),
            Map.entry("WKS", 11), Map.entry("PTR", 12), Map.entry("HINFO", 13), Map.entry("MINFO", 14),
            Map.entry("MX", 15), Map.entry("TXT", 16), Map.entry("RP", 17), Map.entry("AFSDB", 18),
            Map.entry("X25", 19), Map.entry("ISDN", 20), Map.entry("RT", 21), Map.entry("NSAP", 22),
            Map.entry("NSAPPTR", 23), Map.entry("SIG", 24), Map.entry("KEY", 25), Map.entry("PX", 26),
            Map.entry("GPOS", 27), Map.entry("AAAA", 28), Map.entry("LOC", 29), Map.entry("NXT", 30),
            Map.entry("SRV", 33), Map.entry("ATMA", 34), Map.entry("NAPTR", 35), Map.entry("KX", 36),
            Map.entry("CERT", 37), Map.entry("A6", 38), Map.entry("DNAME", 39), Map.entry("OPT", 41),
            Map.entry("APL", 42), Map.entry("DS", 43), Map.entry("SSHFP", 44), Map.entry("IPSECKEY", 45),
            Map.entry("RRSIG", 46), Map.entry("NSEC", 47), Map.entry("DNSKEY", 48), Map.entry("DHCID", 49),
            Map.entry("NSEC3", 50), Map.entry("NSEC3PARAM", 51), Map.entry("TLSA", 52), Map.entry("HIP", 55),
            Map.entry("CDS", 59), Map.entry("CDNSKEY", 60), Map.entry("SVCB", 64), Map.entry("HTTPS", 65),
            Map.entry("SPF", 99), Map.entry("TKEY", 249), Map.entry("TSIG", 250), Map.entry("IXFR", 251),
            Map.entry("AXFR", 252), Map.entry("MAILB", 253), Map.entry("MAILA", 254), Map.entry("ANY", 255),
            Map.entry("URI", 256), Map.entry("CAA", 257));

    private static final Map<String, Integer> RCODES = Map.ofEntries(
            Map.entry("NOERROR", 0), Map.entry("FORMERR", 1), Map.entry("SERVFAIL", 2), Map.entry("NXDOMAIN", 3),
            Map.entry("NOTIMP", 4), Map.entry("REFUSED", 5), Map.entry("YXDOMAIN", 6), Map.entry("YXRRSET", 7),
            Map.entry("NXRRSET", 8), Map.entry("NOTAUTH", 9), Map.entry("NOTZONE", 10), Map.entry("BADVERS", 16),
            Map.entry("BADSIG", 16), Map.entry("BADKEY", 17), Map.entry("BADTIME", 18), Map.entry("BADMODE", 19),
            Map.entry("BADNAME", 20), Map.entry("BADALG", 21), Map.entry("BADTRUNC", 22),
            Map.entry("BADCOOKIE", 23));

    private DnsCodes() {
    }

    /** The QTYPE number of a type name or number; -1 when unknown or absent. */
    static int type(String name) {
        return lookup(TYPES, name, 65535);
    }

    /** The RCODE number of a response code name or number; -1 when unknown or absent. */
    static int rcode(String name) {
        return lookup(RCODES, name, 4095);
    }

    private static int lookup(Map<String, Integer> table, String name, int max) {
        if (name == null || name.isEmpty() || name.length() > 12) {
            return -1;
        }
        Integer known = table.get(name.toUpperCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        int value = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }
}
