package io.stagehunt.cli;

import io.stagehunt.ingest.FileAccount;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.DecayPolicy;
import io.stagehunt.intel.Freshness;
import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorIndex;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.IntelMatch;
import io.stagehunt.intel.Observables;
import io.stagehunt.intel.feed.FeedTime;
import io.stagehunt.intel.feed.LoadedIntel;
import io.stagehunt.net.IpAddress;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stagehunt intel load|stats|lookup}: inspect what threat-intelligence feeds hold. */
@Command(name = "intel", mixinStandardHelpOptions = true,
        description = "Loads threat-intelligence feeds (files, folders, TAXII 2.1 URLs) and shows what they hold.",
        subcommands = {IntelCommand.Load.class, IntelCommand.Stats.class, IntelCommand.Lookup.class})
final class IntelCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.EXIT_USAGE;
    }

    /** Loads the feeds, or fails as usage error when none could be read. */
    static LoadedIntel load(List<String> feeds, TaxiiOptions taxii) {
        LoadedIntel intel = taxii.loader(System.getenv()).load(feeds);
        if (intel.files().stream().noneMatch(file -> file.format() != null)) {
            FileAccount first = intel.files().isEmpty() ? null : intel.files().get(0);
            throw new NoFeedException("no feed could be read" + (first == null ? ""
                    : ": " + first.path() + ": " + first.note()));
        }
        return intel;
    }

    /** No source yielded a readable feed: exit status 3, like an analysis without readable input. */
    static final class NoFeedException extends RuntimeException {
        NoFeedException(String message) {
            super(message);
        }
    }

    /** {@code intel load FEED...}: per-file counts and refusals. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Parses feeds and reports, per file, what was loaded, skipped and refused, and why.")
    static final class Load implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "FEED", description = "Feed files, folders or TAXII URLs.")
        private List<String> feeds = new ArrayList<>();
        @Mixin
        private TaxiiOptions taxii;

        @Override
        public Integer call() {
            LoadedIntel intel;
            try {
                intel = load(feeds, taxii);
            } catch (NoFeedException e) {
                spec.commandLine().getErr().println("stagehunt: " + e.getMessage());
                return Main.EXIT_NO_INPUT;
            }
            PrintWriter out = spec.commandLine().getOut();
            long indicators = 0;
            int refused = 0;
            for (FileAccount file : intel.files()) {
                if (file.format() == null) {
                    refused++;
                    out.printf("REFUSED  %s: %s%n", file.path(), file.note());
                    continue;
                }
                indicators += file.events();
                out.printf("LOADED   %s [%s]: %,d records, %,d entries, %,d skipped, %,d refused%s%n", file.path(),
                        file.format(), file.read(), file.events(), file.skippedByDesign(), file.quarantined(),
                        file.note() == null ? "" : " (" + file.note() + ")");
                file.quarantineReasons().entrySet().stream().limit(5).forEach(reason ->
                        out.printf("         refused %,d x %s%n", reason.getValue(), reason.getKey()));
                file.samples().stream().limit(3).forEach(sample ->
                        out.printf("         e.g. line %d: %s%n", sample.line(), sample.excerpt()));
            }
            out.printf("%,d files read, %d refused; %,d indicators, %,d benign entries%n",
                    intel.files().size() - refused, refused, intel.indicators().size(),
                    intel.benign().countsByList().values().stream().mapToLong(Integer::longValue).sum());
            return Main.EXIT_OK;
        }
    }

    /** {@code intel stats FEED...}: counts per indicator type and per feed. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Counts loaded indicators per type and per feed, and benign-list entries per list.")
    static final class Stats implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "FEED", description = "Feed files, folders or TAXII URLs.")
        private List<String> feeds = new ArrayList<>();
        @Mixin
        private TaxiiOptions taxii;

        @Override
        public Integer call() {
            LoadedIntel intel;
            try {
                intel = load(feeds, taxii);
            } catch (NoFeedException e) {
                spec.commandLine().getErr().println("stagehunt: " + e.getMessage());
                return Main.EXIT_NO_INPUT;
            }
            PrintWriter out = spec.commandLine().getOut();
            IndicatorIndex index = intel.indicators();
            out.printf("%,d indicators (about %,d KB in memory)%n", index.size(), index.bytesUsed() / 1024);
            for (Map.Entry<IndicatorType, Integer> count : index.countsByType().entrySet()) {
                out.printf("  %-12s %,10d%n", count.getKey().label(), count.getValue());
            }
            out.println("per feed:");
            for (Map.Entry<String, Map<IndicatorType, Integer>> feed : index.countsByFeed().entrySet()) {
                int total = feed.getValue().values().stream().mapToInt(Integer::intValue).sum();
                StringBuilder types = new StringBuilder();
                feed.getValue().forEach((type, count) -> types.append(types.length() == 0 ? "" : ", ")
                        .append(type.label()).append(' ').append(String.format("%,d", count)));
                out.printf("  %-60s %,10d  (%s)%n", feed.getKey(), total, types);
            }
            BenignList benign = intel.benign();
            if (!benign.isEmpty()) {
                out.println("benign lists:");
                benign.countsByList().forEach((list, count) -> out.printf("  %-60s %,10d%n", list, count));
            }
            long refused = intel.refusedFiles().size();
            if (refused > 0) {
                out.printf("%d files refused (see 'stagehunt intel load')%n", refused);
            }
            return Main.EXIT_OK;
        }
    }

    /** {@code intel lookup VALUE --feed FEED...}: what matches a value, and why. */
    @Command(name = "lookup", mixinStandardHelpOptions = true,
            description = "Looks a domain, address, URL or hash up in the feeds and explains every match.")
    static final class Lookup implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Parameters(index = "0", paramLabel = "VALUE", description = "A domain, IP address, URL or hash.")
        private String value;
        @Option(names = "--feed", arity = "1..*", required = true, paramLabel = "FEED",
                description = "Feed files, folders or TAXII URLs.")
        private List<String> feeds = new ArrayList<>();
        @Option(names = "--at", paramLabel = "TIME",
                description = "Judge indicator age at this time (ISO 8601) instead of now.")
        private String at;
        @Mixin
        private TaxiiOptions taxii;

        private final Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            long when;
            try {
                when = at == null ? Instant.now(clock).toEpochMilli() * 1000 : FeedTime.parse(at);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--at: " + e.getMessage());
            }
            LoadedIntel intel;
            try {
                intel = load(feeds, taxii);
            } catch (NoFeedException e) {
                spec.commandLine().getErr().println("stagehunt: " + e.getMessage());
                return Main.EXIT_NO_INPUT;
            }
            PrintWriter out = spec.commandLine().getOut();
            List<IntelMatch> matches = lookup(intel.indicators(), value.strip());
            String benign = benignListOf(intel.benign(), value.strip());
            if (matches.isEmpty()) {
                out.printf("%s: no match in %,d indicators%n", value, intel.indicators().size());
            }
            for (IntelMatch match : matches) {
                Indicator indicator = match.indicator();
                Freshness freshness = DecayPolicy.DEFAULTS.assess(indicator, when);
                out.printf("MATCH %s %s %s %s%n", match.observed(), match.relation().phrase(),
                        indicator.type().label(), indicator.label());
                out.printf("  feed        %s (%s)%n", indicator.attribution().feed(), indicator.attribution().format());
                if (indicator.attribution().malware() != null) {
                    out.printf("  family      %s%n", indicator.attribution().malware());
                }
                out.printf("  confidence  %s%n", indicator.confidence() == Indicator.UNKNOWN_CONFIDENCE
                        ? "not stated" : indicator.confidence() + "/100");
                out.printf("  age         %s (weight %.2f%s)%n", freshness.describe(), freshness.weight(),
                        freshness.counts() ? "" : ", does not count");
                if (!indicator.attribution().tags().isEmpty()) {
                    out.printf("  tags        %s%n", String.join(", ", indicator.attribution().tags()));
                }
                if (indicator.reference() != null) {
                    out.printf("  reference   %s%n", indicator.reference());
                }
            }
            if (benign != null) {
                out.printf("BENIGN %s is on '%s': a match on it is likely a false positive%n", value, benign);
            }
            return Main.EXIT_OK;
        }

        private static List<IntelMatch> lookup(IndicatorIndex index, String text) {
            IndicatorType type = Observables.classify(text);
            if (type == null && Observables.isHex(text)) {
                type = IndicatorType.MD5;
            }
            if (type == null) {
                return index.matchDomain(text);
            }
            return switch (type) {
                case IP -> index.matchAddress(IpAddress.parse(text));
                case URL -> index.matchUrl(text);
                case MD5 -> {
                    List<IntelMatch> all = new ArrayList<>(index.matchHash(text));
                    all.addAll(index.matchJa3(text.toLowerCase(java.util.Locale.ROOT)));
                    all.addAll(index.matchJa3s(text.toLowerCase(java.util.Locale.ROOT)));
                    yield all;
                }
                case SHA1, SHA256 -> index.matchHash(text.toLowerCase(java.util.Locale.ROOT));
                default -> index.matchDomain(text);
            };
        }

        private static String benignListOf(BenignList benign, String text) {
            IpAddress address = IpAddress.tryParse(text);
            return address != null ? benign.listOf(address) : text.contains("://") ? null : benign.listOf(text);
        }
    }
}
