package io.stagehunt.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated configuration. Immutable.
 *
 * @param internal networks of the defended hosts (empty: the command line or the defaults decide)
 * @param intel threat-intelligence feeds added to those of the command line
 * @param allowlists allowlist files (MISP warninglists or plain lists) added to the bundled ones
 * @param disabled ids of detectors switched off
 * @param detectorSettings typed settings by detector id, for detectors whose settings were changed
 */
public record StagehuntConfig(List<String> internal, List<String> intel, List<Path> allowlists,
        Set<String> disabled, Map<String, Object> detectorSettings) {

    public static final StagehuntConfig DEFAULTS = new StagehuntConfig(List.of(), List.of(), List.of(), Set.of(),
            Map.of());

    public StagehuntConfig {
        internal = List.copyOf(internal);
        intel = List.copyOf(intel);
        allowlists = List.copyOf(allowlists);
        disabled = Set.copyOf(disabled);
        detectorSettings = Map.copyOf(detectorSettings);
    }
}
