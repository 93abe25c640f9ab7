package io.stagehunt.event;

/** A file written on an endpoint (Sysmon 11, 15), with the process that wrote it. */
public record FileCreate(
        long timeMicros, Host host, Provenance provenance,
        String processGuid, long processId, String image, String targetFilename, FileHashes hashes)
        implements Event {
}
