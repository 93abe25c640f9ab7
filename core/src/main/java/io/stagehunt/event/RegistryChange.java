package io.stagehunt.event;

/**
 * A registry change (Sysmon 12, 13, 14; Security 4657).
 *
 * @param operation {@code CreateKey}, {@code DeleteKey}, {@code SetValue}, {@code DeleteValue} or
 *     {@code RenameKey}
 * @param details the value written, for {@code SetValue}
 */
public record RegistryChange(
        long timeMicros, Host host, Provenance provenance,
        String processGuid, long processId, String image, String operation, String targetObject,
        String details) implements Event {
}
