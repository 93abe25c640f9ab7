package io.stagehunt.detect.beacon;

import io.stagehunt.detect.Detector;

/**
 * A detector built on the pair tracker. Pair detectors with the same {@link PairSettings} can run as one
 * {@link PairDetectorGroup}, which joins each pair's flows once for all of them.
 *
 * @param <C> the detector's channel state
 */
public interface PairDetector<C extends ChannelState> extends Detector<PairKey, PairTracker<C>> {

    /** How this detector keeps its pairs. */
    PairSettings pairSettings();

    /** Creates this detector's state for one channel. */
    ChannelState.Factory<C> channels();
}
