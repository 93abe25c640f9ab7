package io.stagehunt.intel.stix;

/** A STIX pattern that is malformed or asks for what stagehunt cannot match; the message is one line. */
public final class PatternException extends IllegalArgumentException {

    public PatternException(String message) {
        super(message);
    }
}
