package io.stagehunt.detect.beacon;

import io.stagehunt.detect.Detector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several pair detectors run as one: one key, one flow join and one timer per pair, with each name's channels
 * of every member side by side ({@link ChannelGroup}). The members' findings are theirs, under their own ids;
 * only the work of keying events, joining flows and keeping time is done once instead of once per member.
 * Stateless apart from its members' settings; thread-safe.
 */
public final class PairDetectorGroup implements PairTrackerDetector<ChannelGroup> {

    private final List<String> memberIds;
    private final PairSettings settings;
    private final ChannelState.Factory<ChannelGroup> factory;

    private PairDetectorGroup(List<PairDetector<?>> members) {
        this.memberIds = members.stream().map(Detector::id).toList();
        this.settings = members.get(0).pairSettings();
        List<ChannelState.Factory<?>> factories = List.copyOf(members.stream().map(PairDetector::channels).toList());
        this.factory = () -> new ChannelGroup(factories);
    }

    /**
     * The detectors with the pair detectors that keep pairs alike replaced by one group, at the first one's
     * place; pair detectors configured with pair settings of their own keep running alone.
     */
    public static List<Detector<?, ?>> fuse(List<? extends Detector<?, ?>> detectors) {
        Map<PairSettings, List<PairDetector<?>>> bySettings = new LinkedHashMap<>();
        for (Detector<?, ?> detector : detectors) {
            if (detector instanceof PairDetector<?> pair) {
                bySettings.computeIfAbsent(pair.pairSettings(), settings -> new ArrayList<>()).add(pair);
            }
        }
        List<Detector<?, ?>> fused = new ArrayList<>();
        for (Detector<?, ?> detector : detectors) {
            if (!(detector instanceof PairDetector<?> pair)) {
                fused.add(detector);
                continue;
            }
            List<PairDetector<?>> alike = bySettings.get(pair.pairSettings());
            if (alike.size() == 1) {
                fused.add(detector);
            } else if (alike.get(0) == detector) {
                fused.add(new PairDetectorGroup(alike));
            }
        }
        return fused;
    }

    @Override
    public String id() {
        return String.join("+", memberIds);
    }

    @Override
    public List<String> memberIds() {
        return memberIds;
    }

    @Override
    public PairSettings pairSettings() {
        return settings;
    }

    @Override
    public ChannelState.Factory<ChannelGroup> channels() {
        return factory;
    }
}
