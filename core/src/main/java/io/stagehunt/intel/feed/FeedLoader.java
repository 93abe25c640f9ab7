package io.stagehunt.intel.feed;

import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.Head;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.IndicatorIndex;
import io.stagehunt.net.PublicSuffixList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Loads feeds from files, folders (recursively, in name order) and URLs into one {@link LoadedIntel}. A file's
 * format is decided from its content; gzip is opened transparently. Nothing here throws for bad input: every
 * source ends as a ledger, readable or refused with a one-line reason. Thread-safe: it holds only immutable
 * configuration, and each call builds its own index.
 */
public final class FeedLoader {

    private static final int HEAD_BYTES = 64 * 1024;
    private static final int MIN_CONFIDENCE = 50;

    private final List<FeedFormat> formats;
    private final List<UrlFeed> urlFeeds;
    private final PublicSuffixList suffixes;

    public FeedLoader(List<FeedFormat> formats, List<UrlFeed> urlFeeds, PublicSuffixList suffixes) {
        this.formats = List.copyOf(formats);
        this.urlFeeds = List.copyOf(urlFeeds);
        this.suffixes = suffixes;
    }

    public List<FeedFormat> formats() {
        return formats;
    }

    /** Loads every source: a file, a folder, or an {@code http(s)} URL. */
    public LoadedIntel load(List<String> sources) {
        IndicatorIndex.Builder indicators = IndicatorIndex.builder(suffixes);
        BenignList.Builder benign = BenignList.builder(suffixes);
        List<FileAccount> accounts = new ArrayList<>();
        for (String source : sources) {
            if (isUrl(source)) {
                loadUrl(source, indicators, benign, accounts);
            } else {
                loadPath(Path.of(source), indicators, benign, accounts);
            }
        }
        return new LoadedIntel(indicators.build(), benign.build(), accounts);
    }

    /** The format that recognizes this content, or null. */
    public FeedFormat recognize(Head head) {
        FeedFormat best = null;
        int bestConfidence = MIN_CONFIDENCE - 1;
        for (FeedFormat format : formats) {
            int confidence;
            try {
                confidence = format.recognize(head);
            } catch (RuntimeException e) {
                confidence = 0;
            }
            if (confidence > bestConfidence) {
                best = format;
                bestConfidence = confidence;
            }
        }
        return best;
    }

    private static boolean isUrl(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private void loadUrl(String source, IndicatorIndex.Builder indicators, BenignList.Builder benign,
            List<FileAccount> accounts) {
        URI url;
        try {
            url = new URI(source);
        } catch (URISyntaxException e) {
            accounts.add(refused(source, "not a valid URL: " + e.getReason()));
            return;
        }
        UrlFeed reader = urlFeeds.stream().filter(feed -> feed.handles(url)).findFirst().orElse(null);
        if (reader == null) {
            accounts.add(refused(source, "no feed reader for this URL (TAXII 2.1 URLs are supported)"));
            return;
        }
        List<FileAccount> opened = new ArrayList<>();
        try {
            reader.read(url, (displayPath, feedName) -> {
                FileAccount account = new FileAccount(displayPath);
                opened.add(account);
                return new FeedContext(indicators, benign, account, feedName);
            });
            accounts.addAll(opened);
        } catch (IOException | RuntimeException e) {
            accounts.addAll(opened);
            accounts.add(refused(source, message(e)));
        }
    }

    private void loadPath(Path path, IndicatorIndex.Builder indicators, BenignList.Builder benign,
            List<FileAccount> accounts) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                accounts.add(refused(path.toString(), "cannot list folder: " + message(e)));
                return;
            }
            for (Path file : files) {
                accounts.add(loadFile(file, indicators, benign));
            }
        } else if (Files.isRegularFile(path)) {
            accounts.add(loadFile(path, indicators, benign));
        } else {
            accounts.add(refused(path.toString(), Files.exists(path) ? "not a regular file" : "no such file"));
        }
    }

    private FileAccount loadFile(Path file, IndicatorIndex.Builder indicators, BenignList.Builder benign) {
        FileAccount account = new FileAccount(file.toString());
        try {
            byte[] magic;
            try (InputStream in = Files.newInputStream(file)) {
                magic = in.readNBytes(4);
            }
            boolean gzip = magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
            if (magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                account.note("zip archive: extract it first");
                return account;
            }
            FeedInput.Opener opener = gzip
                    ? () -> new GZIPInputStream(Files.newInputStream(file), 1 << 16)
                    : () -> Files.newInputStream(file);
            String name = file.getFileName().toString();
            if (gzip && name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
                name = name.substring(0, name.length() - 3);
            }
            Head head = readHead(opener);
            read(new FeedInput(file.toString(), name, file, opener, head), account, indicators, benign);
        } catch (IOException | RuntimeException e) {
            account.note("cannot read: " + message(e));
        }
        return account;
    }

    private void read(FeedInput input, FileAccount account, IndicatorIndex.Builder indicators,
            BenignList.Builder benign) {
        Head head = input.head();
        if (head.length() == 0) {
            account.note("empty");
            return;
        }
        if (head.binaryShare() > 0.1) {
            account.note("binary content, not a feed");
            return;
        }
        FeedFormat format = recognize(head);
        if (format == null) {
            account.note(unknownFormat(head));
            return;
        }
        account.format(format.id());
        try {
            format.read(input, new FeedContext(indicators, benign, account, input.feedName()));
        } catch (IOException e) {
            account.note("stopped early: " + message(e));
        } catch (RuntimeException e) {
            account.note("reader failed: " + message(e));
        }
    }

    private static Head readHead(FeedInput.Opener opener) throws IOException {
        byte[] bytes = new byte[HEAD_BYTES];
        try (InputStream in = opener.open()) {
            int length = in.readNBytes(bytes, 0, bytes.length);
            boolean complete = length < bytes.length || in.read() < 0;
            return new Head(bytes, length, complete);
        }
    }

    private static String unknownFormat(Head head) {
        List<String> lines = head.lines(1);
        String first = lines.isEmpty() ? "" : lines.get(0).strip();
        if (first.startsWith("{") || first.startsWith("[")) {
            return "JSON of no known feed format";
        }
        return "not a known feed format: no indicator list, CSV feed or JSON feed recognized";
    }

    private static FileAccount refused(String path, String reason) {
        FileAccount account = new FileAccount(path);
        account.note(reason);
        return account;
    }

    static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        String text = cause.getMessage();
        if (text == null) {
            return cause.getClass().getSimpleName();
        }
        int newline = text.indexOf('\n');
        return newline >= 0 ? text.substring(0, newline) : text;
    }
}
