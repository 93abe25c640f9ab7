package io.stagehunt.bench;

import io.stagehunt.net.IpAddress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A reproducible mix of indicators shaped like real feeds (seeded, so every run loads the same list): 40%
 * IPv4 addresses, 5% IPv6 addresses, 5% CIDR ranges, 25% domains, 10% URLs, 15% MD5/SHA-1/SHA-256 hashes.
 */
final class GeneratedIndicators {

    private static final String[] SUFFIXES = {"com", "net", "org", "info", "ru", "xyz", "top", "co.uk", "com.br",
            "de", "io", "duckdns.org"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

    final List<String> domains = new ArrayList<>();
    final List<IpAddress> addresses = new ArrayList<>();
    private final Random random;

    GeneratedIndicators(long seed) {
        this.random = new Random(seed);
    }

    /** Writes {@code count} indicators as a plain list and remembers the domains and IPv4 addresses listed. */
    Path write(Path file, int count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("# generated indicator list for benchmarks\n");
            for (int i = 0; i < count; i++) {
                int kind = random.nextInt(100);
                String line;
                if (kind < 40) {
                    IpAddress address = IpAddress.ofV4(random.nextInt());
                    addresses.add(address);
                    line = address.toString();
                } else if (kind < 45) {
                    line = String.format(Locale.ROOT, "2001:db8:%x:%x::%x", random.nextInt(0x10000),
                            random.nextInt(0x10000), random.nextInt(0x10000));
                } else if (kind < 50) {
                    line = IpAddress.ofV4(random.nextInt()) + "/" + (16 + random.nextInt(13));
                } else if (kind < 75) {
                    String domain = domain();
                    domains.add(domain);
                    line = domain;
                } else if (kind < 85) {
                    line = "http://" + domain() + "/" + label(3 + random.nextInt(10)) + "/" + label(4)
                            + ".php?id=" + random.nextInt(100_000);
                } else {
                    int[] lengths = {32, 40, 64};
                    line = hex(lengths[random.nextInt(3)]);
                }
                out.write(line);
                out.write('\n');
            }
        }
        return file;
    }

    /** A name not on the list (with overwhelming probability): one more label than listed names have. */
    String unlistedDomain() {
        return label(6) + "." + label(8) + "." + SUFFIXES[random.nextInt(SUFFIXES.length)];
    }

    String domain() {
        return label(5 + random.nextInt(10)) + "." + SUFFIXES[random.nextInt(SUFFIXES.length)];
    }

    Random random() {
        return random;
    }

    private String label(int length) {
        StringBuilder label = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            label.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return label.toString();
    }

    private String hex(int length) {
        StringBuilder hex = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
