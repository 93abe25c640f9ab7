package io.stagehunt.event;

/**
 * A process creation (Sysmon 1, Security 4688).
 *
 * @param processGuid the sensor's stable process id (Sysmon ProcessGuid), null when the log has none
 */
public record ProcessStart(
        long timeMicros, Host host, Provenance provenance,
        String processGuid, long processId, String image, String commandLine, String user,
        String parentGuid, long parentProcessId, String parentImage, String parentCommandLine,
        String integrityLevel, FileHashes hashes) implements Event {
}
