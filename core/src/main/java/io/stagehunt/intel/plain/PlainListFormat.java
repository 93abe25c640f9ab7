package io.stagehunt.intel.plain;

import io.stagehunt.ingest.Head;
import io.stagehunt.intel.FeedText;
import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.Observables;
import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.FeedFormat;
import io.stagehunt.intel.feed.FeedInput;
import io.stagehunt.intel.feed.LineFeed;
import io.stagehunt.net.IpAddress;
import java.io.IOException;

/**
 * A plain indicator list: one value per line, each an IP address, CIDR range, domain, URL or MD5/SHA-1/SHA-256
 * hash (told apart by their form, mixed freely), with {@code #}, {@code //} or {@code ;} comments, also after
 * a value. Hosts-file lines ({@code 0.0.0.0 evil.example}) list their name; {@code 203.0.113.5:8080} lists an
 * IPv4 address tied to its port. A file is taken for a list only when nearly all its first lines are such values,
 * so that prose is never mistaken for indicators.
 */
public final class PlainListFormat implements FeedFormat {

    public static final String ID = "plain-list";
    private static final int SAMPLE_LINES = 200;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "plain indicator list";
    }

    @Override
    public int recognize(Head head) {
        int data = 0;
        int values = 0;
        for (String line : head.lines(SAMPLE_LINES)) {
            String stripped = line.strip();
            if (LineFeed.isComment(stripped)) {
                continue;
            }
            data++;
            String value = value(stripped);
            if (value != null && (Observables.classify(value) != null || addressWithPort(value) != null)) {
                values++;
            }
        }
        if (data == 0) {
            return 0;
        }
        double share = (double) values / data;
        return share >= 0.9 ? 80 : share >= 0.6 ? 55 : 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        LineFeed.read(input, context, (line, number) -> {
            String value = value(line);
            if (value == null) {
                context.refuse(number, "more than one value on the line", line);
                return;
            }
            AddressWithPort withPort = addressWithPort(value);
            if (withPort != null) {
                context.produceOrRefuse(Indicator.of(IndicatorType.IP, withPort.address(), context.attribution(ID))
                        .withPort(withPort.port()), number, line);
                return;
            }
            IndicatorType type = Observables.classify(value);
            if (type == null) {
                context.refuse(number, "'" + FeedText.excerpt(value) + "' is not an IP address, range, domain, URL or "
                        + "hash", line);
                return;
            }
            context.produceOrRefuse(Indicator.of(type, value, context.attribution(ID)), number, line);
        });
    }

    /** An address tied to a port, as {@code a.b.c.d:port} writes it. */
    private record AddressWithPort(String address, int port) {
    }

    /** The address and port of an {@code a.b.c.d:port} value, or null when it is not one. */
    private static AddressWithPort addressWithPort(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon != value.lastIndexOf(':')) {
            return null;
        }
        String port = value.substring(colon + 1);
        String address = value.substring(0, colon);
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)
                || Integer.parseInt(port) > 65_535 || IpAddress.tryParse(address) == null) {
            return null;
        }
        return new AddressWithPort(address, Integer.parseInt(port));
    }

    /** The value of a data line without its trailing comment; null when the line holds more than one value. */
    static String value(String line) {
        String text = line;
        for (String marker : new String[] {" #", "\t#", " //", " ;", "\t;"}) {
            int comment = text.indexOf(marker);
            if (comment >= 0) {
                text = text.substring(0, comment);
            }
        }
        String[] tokens = text.strip().split("\\s+");
        if (tokens.length == 1) {
            return tokens[0];
        }
        if (tokens.length == 2 && (tokens[0].equals("0.0.0.0") || tokens[0].equals("127.0.0.1"))) {
            return tokens[1];
        }
        return null;
    }
}
