package io.stagehunt.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Finds the inputs under the given paths: folders recursively (in name order, so runs are reproducible),
 * through gzip and zip at any nesting up to {@link #MAX_NESTING}, deciding compression and format from the
 * bytes, never from names.
 */
public final class InputDiscovery {

    static final int HEAD_BYTES = 64 * 1024;
    private static final int MAX_NESTING = 4;

    private final FormatRegistry formats;

    public InputDiscovery(FormatRegistry formats) {
        this.formats = formats;
    }

    /** All inputs under {@code paths}; a path that does not exist is reported as an unreadable input. */
    public List<DiscoveredInput> discover(List<Path> paths) {
        List<DiscoveredInput> found = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(file -> examineFile(file, found));
                } catch (IOException | UncheckedIOException e) {
                    found.add(unreadable(path.toString(), "cannot list folder: " + message(e)));
                }
            } else if (Files.isRegularFile(path)) {
                examineFile(path, found);
            } else {
                found.add(unreadable(path.toString(), Files.exists(path) ? "not a regular file" : "no such file"));
            }
        }
        return found;
    }

    private void examineFile(Path file, List<DiscoveredInput> found) {
        InputSource source = new FileSource(file);
        try {
            byte[] magic = readMagic(source);
            if (isZip(magic)) {
                expandZipFile(file, found);
            } else {
                examine(source, magic, 0, found);
            }
        } catch (IOException | RuntimeException e) {
            found.add(unreadable(source.displayPath(), "cannot read: " + message(e)));
        }
    }

    private void examine(InputSource source, byte[] magic, int depth, List<DiscoveredInput> found)
            throws IOException {
        if (depth > MAX_NESTING) {
            found.add(unreadable(source.displayPath(), "archives nested deeper than " + MAX_NESTING));
            return;
        }
        if (isGzip(magic)) {
            InputSource inflated = new GzipSource(source);
            examine(inflated, readMagic(inflated), depth + 1, found);
        } else if (isZip(magic)) {
            expandZipStream(source, depth, found);
        } else {
            String unsupported = unsupportedContainer(magic);
            if (unsupported != null) {
                found.add(unreadable(source.displayPath(), unsupported));
                return;
            }
            DecodedInput decoded = new Decoded(source);
            Head head = readHead(decoded);
            if (head.length() == 0) {
                found.add(unreadable(source.displayPath(), "empty"));
                return;
            }
            LogFormat format = formats.recognize(head);
            found.add(format != null
                    ? new DiscoveredInput(decoded, format, null)
                    : new DiscoveredInput(decoded, null, head.binaryShare() > 0.1
                            ? "unknown format (binary content)" : "unknown format"));
        }
    }

    private void expandZipFile(Path file, List<DiscoveredInput> found) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory()) {
                    names.add(entry.getName());
                }
            }
        }
        Set<String> repeated = repeated(names);
        for (Member entry : members(names)) {
            // ZipFile finds a member by name only, so a name the archive holds twice is read by position
            InputSource member = repeated.contains(entry.name())
                    ? new ZipStreamMember(new FileSource(file), entry.name(), entry.occurrence())
                    : new ZipFileMember(file, entry.name());
            try {
                examine(member, readMagic(member), 1, found);
            } catch (IOException | RuntimeException e) {
                found.add(unreadable(member.displayPath(), "cannot read: " + message(e)));
            }
        }
    }

    private void expandZipStream(InputSource archive, int depth, List<DiscoveredInput> found) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(archive.open())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    names.add(entry.getName());
                }
            }
        }
        for (Member entry : members(names)) {
            InputSource member = new ZipStreamMember(archive, entry.name(), entry.occurrence());
            try {
                examine(member, readMagic(member), depth + 1, found);
            } catch (IOException | RuntimeException e) {
                found.add(unreadable(member.displayPath(), "cannot read: " + message(e)));
            }
        }
    }

    /** The members in name order; members of one name keep their order in the archive. */
    private static List<Member> members(List<String> namesInArchiveOrder) {
        Map<String, Integer> seen = new HashMap<>();
        List<Member> members = new ArrayList<>(namesInArchiveOrder.size());
        for (String name : namesInArchiveOrder) {
            members.add(new Member(name, seen.merge(name, 1, Integer::sum) - 1));
        }
        members.sort(Comparator.comparing(Member::name).thenComparingInt(Member::occurrence));
        return members;
    }

    private static Set<String> repeated(List<String> names) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                repeated.add(name);
            }
        }
        return repeated;
    }

    /** A zip member by name and by which of the members so named it is: an archive may hold a name twice. */
    private record Member(String name, int occurrence) {
    }

    static Head readHead(DecodedInput input) throws IOException {
        byte[] bytes = new byte[HEAD_BYTES];
        try (InputStream in = input.openDecoded()) {
            int length = in.readNBytes(bytes, 0, bytes.length);
            boolean complete = length < bytes.length || in.read() < 0;
            return new Head(bytes, length, complete);
        }
    }

    private static byte[] readMagic(InputSource source) throws IOException {
        try (InputStream in = source.open()) {
            return in.readNBytes(8);
        }
    }

    private static boolean isGzip(byte[] magic) {
        return magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
    }

    private static boolean isZip(byte[] magic) {
        return magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }

    private static String unsupportedContainer(byte[] magic) {
        if (magic.length >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
            return "bzip2-compressed: decompress it first (bunzip2)";
        }
        if (magic.length >= 6 && (magic[0] & 0xFF) == 0xFD && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X'
                && magic[4] == 'Z') {
            return "xz-compressed: decompress it first (unxz)";
        }
        if (magic.length >= 4 && magic[0] == '7' && magic[1] == 'z' && (magic[2] & 0xFF) == 0xBC) {
            return "7-Zip archive: extract it first";
        }
        if (magic.length >= 4 && (magic[0] & 0xFF) == 0x28 && (magic[1] & 0xFF) == 0xB5 && (magic[2] & 0xFF) == 0x2F
                && (magic[3] & 0xFF) == 0xFD) {
            return "zstd-compressed: decompress it first (unzstd)";
        }
        return null;
    }

    private static DiscoveredInput unreadable(String path, String note) {
        return new DiscoveredInput(new Unreadable(path), null, note);
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        String text = cause.getMessage();
        return text == null ? cause.getClass().getSimpleName() : text;
    }

    private record FileSource(Path file) implements InputSource {
        @Override
        public String displayPath() {
            return file.toString();
        }

        @Override
        public long sizeBytes() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }

    private record GzipSource(InputSource compressed) implements InputSource {
        @Override
        public String displayPath() {
            return compressed.displayPath();
        }

        @Override
        public long sizeBytes() {
            return -1;
        }

        @Override
        public InputStream open() throws IOException {
            InputStream raw = compressed.open();
            try {
                return new GZIPInputStream(raw, 1 << 16);
            } catch (IOException e) {
                raw.close();
                throw e;
            }
        }
    }

    private record ZipFileMember(Path archive, String name) implements InputSource {
        @Override
        public String displayPath() {
            return archive + "!/" + name;
        }

        @Override
        public long sizeBytes() {
            return -1;
        }

        @Override
        public InputStream open() throws IOException {
            ZipFile zip = new ZipFile(archive.toFile());
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                zip.close();
                throw new IOException("entry vanished: " + name);
            }
            return new BufferedInputStream(new ClosingStream(zip.getInputStream(entry), zip), 1 << 16);
        }
    }

    private record ZipStreamMember(InputSource archive, String name, int occurrence) implements InputSource {
        @Override
        public String displayPath() {
            return archive.displayPath() + "!/" + name + (occurrence > 0 ? " (#" + (occurrence + 1) + ")" : "");
        }

        @Override
        public long sizeBytes() {
            return -1;
        }

        @Override
        public InputStream open() throws IOException {
            ZipInputStream zip = new ZipInputStream(archive.open());
            int seen = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory() && entry.getName().equals(name) && seen++ == occurrence) {
                    return zip;
                }
            }
            zip.close();
            throw new IOException("entry vanished: " + name);
        }
    }

    private record Decoded(InputSource source) implements DecodedInput {
        @Override
        public String displayPath() {
            return source.displayPath();
        }

        @Override
        public InputStream openDecoded() throws IOException {
            return source.open();
        }
    }

    private record Unreadable(String displayPath) implements DecodedInput {
        @Override
        public InputStream openDecoded() throws IOException {
            throw new IOException("not readable: " + displayPath);
        }
    }

    /** Closes the owning zip file together with the member stream. */
    private static final class ClosingStream extends java.io.FilterInputStream {
        private final AutoCloseable owner;

        ClosingStream(InputStream in, AutoCloseable owner) {
            super(in);
            this.owner = owner;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                try {
                    owner.close();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        }
    }
}
