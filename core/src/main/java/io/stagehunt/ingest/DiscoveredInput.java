package io.stagehunt.ingest;

/**
 * An input found on disk or in an archive, with the format its content was recognized as, or null and a
 * one-line note saying why it will not be read.
 */
public record DiscoveredInput(DecodedInput input, LogFormat format, String note) {

    public String displayPath() {
        return input.displayPath();
    }

    public boolean readable() {
        return format != null;
    }
}
