package io.stagehunt.event;

import io.stagehunt.net.IpAddress;
import java.util.Arrays;
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
        List<String> answers, List<Double> ttls, boolean rejected, List<IpAddress> answerAddresses)
        implements Event {

    public static final int RCODE_NXDOMAIN = 3;

    public DnsQuery {
        answers = List.copyOf(answers);
        ttls = List.copyOf(ttls);
        answerAddresses = List.copyOf(answerAddresses);
    }

    /** A query whose answer addresses are parsed from {@code answers}. */
    public DnsQuery(long timeMicros, Host host, Provenance provenance, String uid, IpAddress client, IpAddress server,
            int serverPort, Transport transport, String query, int queryType, String queryTypeName, int responseCode,
            String responseCodeName, List<String> answers, List<Double> ttls, boolean rejected) {
        this(timeMicros, host, provenance, uid, client, server, serverPort, transport, query, queryType,
                queryTypeName, responseCode, responseCodeName, answers, ttls, rejected, addressesIn(answers));
    }

    /** Already immutable, so that the canonical constructor keeps the list rather than copying it again. */
    private static List<IpAddress> addressesIn(List<String> answers) {
        IpAddress[] addresses = new IpAddress[answers.size()];
        int count = 0;
        for (String answer : answers) {
            IpAddress address = IpAddress.tryParse(answer);
            if (address != null) {
                addresses[count++] = address;
            }
        }
        return switch (count) {
            case 0 -> List.of();
            case 1 -> List.of(addresses[0]);
            default -> List.of(count == addresses.length ? addresses : Arrays.copyOf(addresses, count));
        };
    }

    public boolean nxdomain() {
        return responseCode == RCODE_NXDOMAIN;
    }
}
