package io.stagehunt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagehunt.detect.Detector;
import io.stagehunt.detect.DetectorContext;
import io.stagehunt.detect.Finding;
import io.stagehunt.event.Connection;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class DetectorRunnerTest {

    private static final long MINUTE = 60_000_000L;

    @Test
    void reportsOncePerKeyAndDropsStateAfterTheIdleGap() {
        DetectorHarness<Host, CountingDetector.Count> harness =
                new DetectorHarness<>(new CountingDetector(3, 10 * MINUTE));
        for (int i = 0; i < 5; i++) {
            harness.accept(EngineEvents.outbound(i * 60, "10.0.0.5", "198.51.100.7", 443));
        }
        harness.accept(EngineEvents.outbound(30, "10.0.0.6", "198.51.100.7", 443));
        assertThat(harness.liveKeys()).isEqualTo(2);

        harness.advanceTo(4 * MINUTE + 10 * MINUTE);
        assertThat(harness.liveKeys()).as("both keys idle for 10 minutes").isZero();
        assertThat(harness.findings()).singleElement()
                .satisfies(finding -> assertThat(finding.host().label()).isEqualTo("10.0.0.5"));
        harness.finish();
    }

    @Test
    void timerPushedForwardOnEveryEventDoesNotGrowTheTimerQueue() {
        DetectorHarness<Host, CountingDetector.Count> harness =
                new DetectorHarness<>(new CountingDetector(1_000_000, 10 * MINUTE));
        for (int i = 0; i < 10_000; i++) {
            harness.accept(EngineEvents.outbound(i, "10.0.0.5", "198.51.100.7", 443));
        }
        assertThat(harness.queuedTimers()).isLessThanOrEqualTo(2);
        // the idle deadline moved on 10,000 times; the queue saw it once, then once each time it came due
        assertThat(harness.timersQueued()).isLessThan(10_000 / 500);
        harness.finish();
        assertThat(harness.liveKeys()).isZero();
        assertThat(harness.timersFired()).isEqualTo(1);
    }

    @Test
    void rejectsStateWithoutATimerBecauseItWouldNeverExpire() {
        Detector<Host, String> leaky = new ConnectionsByHost<>("leaky") {
            @Override
            public String onEvent(Host key, String state, Event event, DetectorContext context) {
                return "kept";
            }

            @Override
            public String onTimer(Host key, String state, long timeMicros, DetectorContext context) {
                return null;
            }
        };
        DetectorHarness<Host, String> harness = new DetectorHarness<>(leaky);
        assertThatThrownBy(() -> harness.accept(EngineEvents.outbound(1, "10.0.0.5", "198.51.100.7", 443)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without a timer");
    }

    @Test
    void failsAtTheEndWhenADetectorKeepsPostponingForever() {
        Detector<Host, String> clingy = new ConnectionsByHost<>("clingy") {
            @Override
            public String onEvent(Host key, String state, Event event, DetectorContext context) {
                context.setTimer(event.timeMicros() + MINUTE);
                return "kept";
            }

            @Override
            public String onTimer(Host key, String state, long timeMicros, DetectorContext context) {
                context.setTimer(timeMicros + MINUTE);
                return state;
            }
        };
        DetectorHarness<Host, String> harness = new DetectorHarness<>(clingy);
        harness.accept(EngineEvents.outbound(1, "10.0.0.5", "198.51.100.7", 443));
        assertThatThrownBy(harness::finish).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never expires");
    }

    @Test
    void failsInsteadOfSpinningWhenATimerIsSetBackToTheTimeThatFired() {
        Detector<Host, String> stuck = new ConnectionsByHost<>("stuck") {
            @Override
            public String onEvent(Host key, String state, Event event, DetectorContext context) {
                context.setTimer(event.timeMicros() + MINUTE);
                return "kept";
            }

            @Override
            public String onTimer(Host key, String state, long timeMicros, DetectorContext context) {
                context.setTimer(timeMicros);
                return state;
            }
        };
        DetectorHarness<Host, String> harness = new DetectorHarness<>(stuck);
        harness.accept(EngineEvents.outbound(1, "10.0.0.5", "198.51.100.7", 443));
        assertThatThrownBy(() -> harness.accept(EngineEvents.outbound(3_600, "10.0.0.5", "198.51.100.7", 443)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("would never move on");
    }

    @Test
    void firesTimersInEventTimeOrderAcrossKeys() {
        List<String> fired = new ArrayList<>();
        Detector<Host, Long> recorder = timerRecorder(fired,
                (key, event) -> event.timeMicros() + (key.label().endsWith(".1") ? 5 * MINUTE : MINUTE));
        List<Finding> none = DetectorHarness.run(recorder, List.of(
                EngineEvents.outbound(0, "10.0.0.1", "198.51.100.7", 443),
                EngineEvents.outbound(60, "10.0.0.2", "198.51.100.7", 443),
                EngineEvents.outbound(600, "10.0.0.3", "198.51.100.7", 443)));
        assertThat(none).isEmpty();
        assertThat(fired).containsExactly("10.0.0.2@2", "10.0.0.1@5", "10.0.0.3@11");
    }

    /** Timers moved later or earlier fire at their last time, ties going to the timer moved or set first. */
    @Test
    void timersMovedLaterOrEarlierFireAtTheirLastTimeInOrder() {
        List<String> fired = new ArrayList<>();
        // the responder port says when the key's timer is due, in minutes
        Detector<Host, Long> mover = timerRecorder(fired,
                (key, event) -> ((Connection) event).responderPort() * MINUTE);
        DetectorHarness<Host, Long> harness = new DetectorHarness<>(mover);
        harness.accept(EngineEvents.outbound(0, "10.0.0.1", "198.51.100.7", 10));
        harness.accept(EngineEvents.outbound(1, "10.0.0.2", "198.51.100.7", 20));
        harness.accept(EngineEvents.outbound(2, "10.0.0.3", "198.51.100.7", 30));
        harness.accept(EngineEvents.outbound(3, "10.0.0.1", "198.51.100.7", 40));
        harness.accept(EngineEvents.outbound(4, "10.0.0.4", "198.51.100.7", 20));
        harness.accept(EngineEvents.outbound(5, "10.0.0.3", "198.51.100.7", 20));
        harness.accept(EngineEvents.outbound(6, "10.0.0.5", "198.51.100.7", 25));
        harness.accept(EngineEvents.outbound(7, "10.0.0.5", "198.51.100.7", 15));
        harness.advanceTo(19 * MINUTE);
        assertThat(fired).containsExactly("10.0.0.5@15");
        harness.advanceTo(39 * MINUTE);
        assertThat(fired).containsExactly("10.0.0.5@15", "10.0.0.2@20", "10.0.0.4@20", "10.0.0.3@20");
        harness.finish();
        assertThat(fired).endsWith("10.0.0.1@40");
        assertThat(harness.liveKeys()).isZero();
    }

    /** A detector that keeps one timer per host, set by {@code timerOf} on each event, and notes each firing. */
    private static Detector<Host, Long> timerRecorder(List<String> fired, BiFunction<Host, Event, Long> timerOf) {
        return new ConnectionsByHost<>("timer-recorder") {
            @Override
            public Long onEvent(Host key, Long state, Event event, DetectorContext context) {
                context.setTimer(timerOf.apply(key, event));
                return event.timeMicros();
            }

            @Override
            public Long onTimer(Host key, Long state, long timeMicros, DetectorContext context) {
                fired.add(key.label() + "@" + timeMicros / MINUTE);
                return null;
            }
        };
    }
}
