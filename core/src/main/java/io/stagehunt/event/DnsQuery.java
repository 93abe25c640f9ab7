package io.stagehunt.event;

import io.stagehunt.net.IpAddress;
import java.util.List;

/**
 * A DNS query and, when seen, its answer. {@code query} is normalized (lower case, no trailing dot) or the raw
 * text when it is not a valid name; {@code answers} holds addresses and names as the resolver returned them.
 *
 * @param queryType numeric QTYPE (1 A, 16 TXT, 28 AAAA ...), -1 when unknown
 * @param responseCode numeric RCODE (0 NOERROR, 3 NXDOMAIN ...), -1 when no response was seen
 */
public record DnsQuery(
        long timeMicros, Host host, Provenance provenance,
        String uid, IpAddress client, IpAddress server, int serverPort, Transport transport,
        String query, int queryType, String queryTypeName, int responseCode, String responseCodeName,
        List<String> answers, List<Double> ttls, boolean rejected) implements Event {

    public static final int RCODE_NXDOMAIN = 3;

    public DnsQuery {
        answers = List.copyOf(answers);
        ttls = List.copyOf(ttls);
    }

    public boolean nxdomain() {
        return responseCode == RCODE_NXDOMAIN;
    }
}
