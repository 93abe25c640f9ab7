package io.stagehunt.detect.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.StandardDetectors;
import io.stagehunt.detect.network.RealDataRun;
import io.stagehunt.engine.RunSummary;
import io.stagehunt.simulate.NetworkSimulator;
import io.stagehunt.simulate.SimulationSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairDetectorGroupTest {

    @TempDir
    Path folder;

    @Test
    void groupsThePairDetectorsThatKeepPairsAlikeAndLeavesTheRest() {
        List<Detector<?, ?>> fused = StandardDetectors.all();
        assertThat(fused.get(0)).isInstanceOf(PairDetectorGroup.class);
        assertThat(fused.get(0).memberIds()).containsExactly("beacon", "strobe", "long-connection");
        assertThat(fused.get(0).id()).isEqualTo("beacon+strobe+long-connection");
        assertThat(fused.stream().filter(detector -> detector instanceof PairDetector<?>)).isEmpty();

        PairSettings own = new PairSettings(Duration.ofHours(12), Duration.ofHours(24), Duration.ofHours(24),
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofHours(1), 256, 256);
        List<Detector<?, ?>> apart = PairDetectorGroup.fuse(List.of(new BeaconDetector(),
                new StrobeDetector(new StrobeDetector.Settings(own, 86_400)), new LongConnectionDetector()));
        assertThat(apart).extracting(Detector::id)
                .containsExactly("beacon+long-connection", "strobe");
    }

    /** Sharing the flow join and the timer changes what is computed once, not what is found. */
    @Test
    void findsExactlyWhatTheThreeDetectorsFindAlone() throws IOException {
        NetworkSimulator.run(new SimulationSettings(1104, 16, SimulationSettings.DEFAULT_START, 30, true, 0), folder);
        RealDataRun alone = RealDataRun.of(separate(), folder);
        RealDataRun grouped = RealDataRun.of(PairDetectorGroup.fuse(separate()), folder);

        assertThat(alone.findings()).extracting(Finding::detectorId).contains("beacon");
        assertThat(sorted(grouped.findings())).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(sorted(alone.findings()));
        assertThat(grouped.summary().detectors()).extracting(RunSummary.DetectorStats::id)
                .containsExactly("beacon", "strobe", "long-connection");
        assertThat(grouped.summary().detectors()).allSatisfy(stats -> {
            assertThat(stats.keysLeft()).isZero();
            assertThat(stats.peakKeys()).isEqualTo(alone.summary().detectors().get(0).peakKeys());
        });
    }

    private static List<Detector<?, ?>> separate() {
        return List.of(new BeaconDetector(), new StrobeDetector(), new LongConnectionDetector());
    }

    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparing(Finding::uid)).toList();
    }
}
