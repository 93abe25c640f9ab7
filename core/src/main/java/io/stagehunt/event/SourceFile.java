package io.stagehunt.event;

import java.io.Serializable;

/**
 * One input as an analyst would name it: a path, or {@code archive.zip!/entry} for archive members, and the
 * format it was read as. Shared by all events of that input.
 */
public record SourceFile(String path, String format) implements Serializable {
}
