package io.stagehunt.simulate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one Zeek log in Zeek's TSV layout: the standard header block, rows, and the closing line. Values
 * are written as given; callers pass {@code -} for unset and {@code (empty)} for empty sets. Not thread-safe.
 */
final class ZeekTsvWriter implements Closeable {

    private final BufferedWriter out;
    private final String closeStamp;
    private long bytes;

    ZeekTsvWriter(Path file, String path, List<String> fields, List<String> types, String openStamp,
            String closeStamp) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.closeStamp = closeStamp;
        write("#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\t" + path
                + "\n#open\t" + openStamp + "\n#fields\t" + String.join("\t", fields) + "\n#types\t"
                + String.join("\t", types) + "\n");
    }

    void row(CharSequence line) throws IOException {
        out.append(line);
        out.append('\n');
        bytes += line.length() + 1;
    }

    long bytes() {
        return bytes;
    }

    private void write(String text) throws IOException {
        out.write(text);
        bytes += text.length();
    }

    @Override
    public void close() throws IOException {
        write("#close\t" + closeStamp + "\n");
        out.close();
    }
}
