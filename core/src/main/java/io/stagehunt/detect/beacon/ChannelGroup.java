package io.stagehunt.detect.beacon;

import io.stagehunt.detect.Finding;
import java.util.List;
import java.util.function.Consumer;

/**
 * The channels of several pair detectors for one name inside one pair, fed by one flow join. Each member
 * lives and ends on its own terms, exactly as it would in a tracker of its own: a member that finished is
 * dropped and created afresh by the next observation. Not thread-safe.
 */
final class ChannelGroup implements ChannelState {

    private final List<ChannelState.Factory<?>> factories;
    private final ChannelState[] members;

    ChannelGroup(List<ChannelState.Factory<?>> factories) {
        this.factories = factories;
        this.members = new ChannelState[factories.size()];
    }

    @Override
    public void observe(Observation observation, long nowMicros) {
        for (int i = 0; i < members.length; i++) {
            if (members[i] == null) {
                members[i] = factories.get(i).create();
            }
            members[i].observe(observation, nowMicros);
        }
    }

    @Override
    public long dueMicros() {
        long due = Long.MAX_VALUE;
        for (ChannelState member : members) {
            if (member != null) {
                due = Math.min(due, member.dueMicros());
            }
        }
        return due;
    }

    @Override
    public long lastActivityMicros() {
        long last = Long.MIN_VALUE;
        for (ChannelState member : members) {
            if (member != null) {
                last = Math.max(last, member.lastActivityMicros());
            }
        }
        return last;
    }

    /**
     * The rhythm of the first live member: members come in catalog order, so the beacon's when it runs, which
     * measures the check-ins' rhythm where the others assume one.
     */
    @Override
    public long typicalGapMicros() {
        for (ChannelState member : members) {
            if (member != null) {
                return member.typicalGapMicros();
            }
        }
        return 0;
    }

    @Override
    public boolean attend(Moment moment, ChannelView view, Consumer<Finding> findings) {
        boolean live = false;
        for (int i = 0; i < members.length; i++) {
            ChannelState member = members[i];
            if (member == null) {
                continue;
            }
            // attending is idempotent before a member is due, as in a tracker of its own (which attends all
            // its channels whenever one of them, or its flow join, is due)
            if (!member.attend(moment, view, findings)) {
                members[i] = null;
            } else {
                live = true;
            }
        }
        return live;
    }

    @Override
    public void close(Moment moment, ChannelView view, Consumer<Finding> findings) {
        for (int i = 0; i < members.length; i++) {
            if (members[i] != null) {
                members[i].close(moment, view, findings);
                members[i] = null;
            }
        }
    }
}
