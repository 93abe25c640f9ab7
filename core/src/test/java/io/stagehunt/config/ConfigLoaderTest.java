package io.stagehunt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagehunt.detect.DetectorCatalog;
import io.stagehunt.detect.beacon.BeaconDetector;
import io.stagehunt.detect.network.dns.DnsSurgeDetector;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();
    private final Path folder = Path.of("conf");

    @Test
    void theDescribedDefaultsLoadBackToEveryDetectorsOwnDefaults() throws ConfigException {
        String defaults = loader.describe(StagehuntConfig.DEFAULTS);

        StagehuntConfig loaded = loader.parse(defaults, "defaults.yaml", folder);

        assertThat(loaded.disabled()).isEmpty();
        assertThat(loaded.detectorSettings()).containsOnlyKeys(DetectorCatalog.ids());
        assertThat(loader.describe(loaded)).as("every setting survives the round trip").isEqualTo(defaults);
        for (DetectorCatalog.Entry<?> entry : DetectorCatalog.network()) {
            assertThat(loaded.detectorSettings().get(entry.id())).as(entry.id())
                    .isInstanceOf(entry.settingsType());
        }
        assertThat(loaded.detectorSettings().get(BeaconDetector.ID)).isEqualTo(BeaconDetector.Settings.DEFAULTS);
    }

    @Test
    void overridesOnlyWhatTheFileGivesAndDisablesDetectors() throws ConfigException {
        String text = """
                internal: [10.0.0.0/8, 2001:db8::/32]
                intel: [feeds/, https://taxii.example/api/collections/1/]
                allowlists: lists/saas.list
                detectors:
                  beacon:
                    reportScore: 0.55
                    quietMaximum: PT2H
                  dns-surge:
                    enabled: false
                """;

        StagehuntConfig config = loader.parse(text, "stagehunt.yaml", folder);

        BeaconDetector.Settings beacon = (BeaconDetector.Settings) config.detectorSettings().get("beacon");
        assertThat(beacon.reportScore()).isEqualTo(0.55);
        assertThat(beacon.quietMaximum()).isEqualTo(Duration.ofHours(2));
        assertThat(beacon.minCheckIns()).isEqualTo(BeaconDetector.Settings.DEFAULTS.minCheckIns());
        assertThat(config.disabled()).containsExactly(DnsSurgeDetector.ID);
        assertThat(config.internal()).containsExactly("10.0.0.0/8", "2001:db8::/32");
        assertThat(config.intel()).containsExactly(folder.resolve("feeds/").toString(),
                "https://taxii.example/api/collections/1/");
        assertThat(config.allowlists()).containsExactly(folder.resolve("lists/saas.list"));
    }

    @Test
    void reportsEveryProblemWithItsPlace() {
        String text = """
                internal: [10.0.0.0/33]
                colour: blue
                detectors:
                  beakon: {}
                  beacon:
                    reportScor: 0.5
                    minCheckIns: many
                  dga:
                    enabled: maybe
                  egress:
                    uncommonPortWeight: [1, 2]
                """;

        assertThatThrownBy(() -> loader.parse(text, "bad.yaml", folder)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(6).anySatisfy(p -> assertThat(p)
                                .startsWith("internal:"))
                        .anySatisfy(p -> assertThat(p).startsWith("unknown section 'colour'"))
                        .anySatisfy(p -> assertThat(p).startsWith("detectors.beakon: no such detector"))
                        .anySatisfy(p -> assertThat(p).startsWith("detectors.beacon.reportScor: no such setting"))
                        .anySatisfy(p -> assertThat(p).startsWith("detectors.dga.enabled"))
                        .anySatisfy(p -> assertThat(p).startsWith("detectors.egress")));
    }

    @Test
    void detectorValidationRejectsImpossibleSettings() {
        String text = "detectors:\n  beacon:\n    minCheckIns: 2\n";
        assertThatThrownBy(() -> loader.parse(text, "bad.yaml", folder)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("detectors.beacon").hasMessageContaining("invalid beacon settings");
    }

    @Test
    void aPortListWithSomethingThatIsNoPortIsRefusedWithItsSetting() {
        String text = "detectors:\n  exfil:\n    commonPorts: [443, 70000]\n";
        assertThatThrownBy(() -> loader.parse(text, "bad.yaml", folder)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("detectors.exfil").hasMessageContaining("commonPorts: 70000 is not a port");
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> loader.parse("detectors:\n  beacon: [\n", "broken.yaml", folder))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line").hasMessageContaining("YAML");
    }

    @Test
    void anEmptyFileMeansDefaults() throws ConfigException {
        assertThat(loader.parse("", "empty.yaml", folder)).isEqualTo(StagehuntConfig.DEFAULTS);
    }
}
