package io.stagehunt.detect.beacon;

import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.net.NetworkScope;
import io.stagehunt.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchRealTest {
    @Test
    void print() throws Exception {
        for (String path : List.of("zeek/rita-proxy", "zeek/rita-proxy-rolling", "zeek/ctu/001-zeek-scenario-malicious")) {
            RealDataRuns.Outcome outcome = RealDataRuns.run(List.of(new BeaconDetector()), NetworkScope.defaults(),
                    SharedData.path(path));
            System.out.println("=== " + path + " " + outcome.summary().detectors());
            for (Finding f : outcome.findings()) {
                System.out.printf("%.3f %s %s | %s%n", f.score(), f.host().label(), f.destination().label(), f.reason());
                for (Signal s : f.signals()) {
                    System.out.println("     " + s.name() + ": " + s.observed() + " [" + s.contribution() + "]");
                }
            }
        }
    }
}
