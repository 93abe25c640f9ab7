package io.stagehunt.intel.misp;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagehunt.ingest.Head;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.FeedText;
import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.FeedFormat;
import io.stagehunt.intel.feed.FeedInput;
import io.stagehunt.net.IpAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A MISP warninglist ({@code {"name", "type", "list": [...], "matching_attributes", ...}}), read into the
 * benign list under its name. Types: {@code string} (exact names; entries written {@code .example.com} cover
 * the names below), {@code hostname} (a name and the names below it), {@code substring}, {@code cidr}
 * (addresses and ranges). {@code regex} lists are skipped: their patterns are written for PHP and would run
 * attacker-influenced input through arbitrary expressions. Entries that are addresses are read as addresses
 * whatever the list type.
 *
 * <p>Lists of shared infrastructure whose customers are anyone, malware included (dynamic DNS providers, URL
 * shorteners), vouch only for the provider's own names: {@code duckdns.org} listed there makes an indicator
 * {@code duckdns.org} a likely false positive, but says nothing about {@code c2.duckdns.org}.
 */
public final class WarninglistFormat implements FeedFormat {

    public static final String ID = "misp-warninglist";
    private static final Pattern LIST_ARRAY = Pattern.compile("\"list\"\\s*:\\s*\\[");
    private static final Pattern SHARED_INFRASTRUCTURE = Pattern.compile("(?i)dynamic[ -]?dns|ddns|shortener");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "MISP warninglist";
    }

    @Override
    public int recognize(Head head) {
        String text = new String(head.bytes(), 0, head.length(), StandardCharsets.UTF_8);
        if (!text.stripLeading().startsWith("{") || !LIST_ARRAY.matcher(text).find() || text.contains("\"Attribute\"")) {
            return 0;
        }
        return text.contains("\"matching_attributes\"") || text.contains("\"description\"")
                || text.contains("\"version\"") ? 90 : 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        JsonNode document = MispJson.read(input, context);
        JsonNode list = document.path("list");
        if (!list.isArray()) {
            throw new IOException("warninglist without a \"list\" array");
        }
        String name = FeedText.label(MispJson.text(document, "name"));
        String listName = name != null ? name : context.feedName();
        String type = String.valueOf(MispJson.text(document, "type")).toLowerCase(Locale.ROOT);
        boolean shared = SHARED_INFRASTRUCTURE.matcher(listName + " "
                + String.valueOf(MispJson.text(document, "description"))).find();
        long position = 0;
        for (JsonNode entry : list) {
            context.read();
            position++;
            if (!entry.isTextual()) {
                context.refuse(position, "entry is not a string", entry.toString());
                continue;
            }
            String value = entry.asText().strip();
            if (type.equals("regex")) {
                context.skip("regex warninglist entries are not used");
                continue;
            }
            try {
                if (type.equals("cidr") || looksLikeAddress(value)) {
                    context.benign().addRange(value, listName);
                } else if (matchOf(type, value, shared) != null) {
                    context.benign().addName(value, matchOf(type, value, shared), listName);
                } else {
                    throw new IllegalArgumentException("warninglist type '" + FeedText.excerpt(type)
                            + "' is not supported");
                }
                context.producedBenign();
            } catch (IllegalArgumentException e) {
                context.refuse(position, e.getMessage(), value);
            }
        }
    }

    /** How an entry matches: by list type, a leading dot meaning "and below", shared infrastructure exactly. */
    private static BenignList.Match matchOf(String type, String value, boolean shared) {
        return switch (type) {
            case "string" -> !shared && value.startsWith(".") ? BenignList.Match.DOMAIN : BenignList.Match.EXACT;
            case "hostname" -> shared ? BenignList.Match.EXACT : BenignList.Match.DOMAIN;
            case "substring" -> BenignList.Match.SUBSTRING;
            default -> null;
        };
    }

    private static boolean looksLikeAddress(String value) {
        int slash = value.indexOf('/');
        return IpAddress.tryParse(slash < 0 ? value : value.substring(0, slash)) != null;
    }
}
