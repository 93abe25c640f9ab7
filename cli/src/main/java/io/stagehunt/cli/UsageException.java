package io.stagehunt.cli;

/** Bad usage or unreadable configuration: exit status 2, with a one-line message saying what to fix. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
