package io.stagehunt.detect.beacon;

/**
 * A detector built on the pair tracker that can share it. Pair detectors with the same {@link PairSettings} can
 * run as one {@link PairDetectorGroup}, which joins each pair's flows once for all of them.
 *
 * @param <C> the detector's channel state
 */
public interface PairDetector<C extends ChannelState> extends PairTrackerDetector<C> {
}
