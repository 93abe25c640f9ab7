package io.stagehunt.intel.feed;

import io.stagehunt.ingest.FileAccount;
import io.stagehunt.intel.Attribution;
import io.stagehunt.intel.BenignList;
import io.stagehunt.intel.Indicator;
import io.stagehunt.intel.IndicatorIndex;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.Observables;
import java.util.List;

/**
 * What a feed reader writes to: the index and benign-list builders shared by all feeds of one load, and the
 * ledger of the file being read. A record that yields several indicators is loaded all or nothing: readers
 * {@link #check} every value first, then {@link #add} them. Not thread-safe.
 */
public final class FeedContext {

    private final IndicatorIndex.Builder indicators;
    private final BenignList.Builder benign;
    private final FileAccount account;
    private final String feedName;

    public FeedContext(IndicatorIndex.Builder indicators, BenignList.Builder benign, FileAccount account,
            String feedName) {
        this.indicators = indicators;
        this.benign = benign;
        this.account = account;
        this.feedName = feedName;
    }

    public FileAccount account() {
        return account;
    }

    public String feedName() {
        return feedName;
    }

    /** The attribution of this feed in the given format, without family or tags. */
    public Attribution attribution(String format) {
        return Attribution.of(feedName, format);
    }

    /** Throws {@link IllegalArgumentException} with the reason when {@code value} is not a {@code type}. */
    public static void check(IndicatorType type, String value) {
        if ((type == IndicatorType.IP || type == IndicatorType.CIDR) && value.indexOf('/') >= 0) {
            Observables.normalize(IndicatorType.CIDR, value);
        } else {
            Observables.normalize(type, value);
        }
    }

    /** Adds one indicator; throws {@link IllegalArgumentException} when its value is not of its type. */
    public void add(Indicator indicator) {
        indicators.add(indicator);
    }

    /** Adds indicators already {@link #check checked} and counts the record as produced. */
    public void produced(List<Indicator> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a produced record needs at least one indicator");
        }
        for (Indicator indicator : values) {
            indicators.add(indicator);
        }
        account.recordProduced();
        for (int i = 1; i < values.size(); i++) {
            account.recordExtraEvent();
        }
    }

    /** Adds one indicator and counts the record as produced, or refuses the record with the value's fault. */
    public void produceOrRefuse(Indicator indicator, long line, String excerpt) {
        try {
            indicators.add(indicator);
            account.recordProduced();
        } catch (IllegalArgumentException e) {
            account.recordQuarantined(line, e.getMessage(), excerpt);
        }
    }

    public BenignList.Builder benign() {
        return benign;
    }

    public void read() {
        account.recordRead();
    }

    public void skip(String reason) {
        account.recordSkipped(reason);
    }

    public void refuse(long line, String reason, String excerpt) {
        account.recordQuarantined(line, reason, excerpt);
    }

    /** Counts a benign-list entry as a produced record. */
    public void producedBenign() {
        account.recordProduced();
    }
}
