package io.stagehunt.event;

/**
 * A scheduled task registered, changed or removed (Security 4698, 4702, 4699; TaskScheduler 106, 140, 141).
 *
 * @param action {@code created}, {@code updated} or {@code deleted}
 * @param command the task's command and arguments when the log carries the task definition
 */
public record ScheduledTask(
        long timeMicros, Host host, Provenance provenance,
        String taskName, String action, String user, String command, String definition) implements Event {
}
