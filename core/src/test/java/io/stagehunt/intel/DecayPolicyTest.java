package io.stagehunt.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecayPolicyTest {

    private static final long DAY = 86_400_000_000L;
    private static final long LISTED = 1_700_000_000_000_000L;
    private static final Attribution FEED = Attribution.of("feed", "stix21");

    private static Indicator listed(IndicatorType type) {
        return Indicator.of(type, "x", FEED).seen(LISTED, Indicator.UNKNOWN_TIME);
    }

    @ParameterizedTest(name = "{0} seen {1} days after listing -> {2}, weight {3}")
    @CsvSource({
            "IP,      0,    AFTER_LISTING,  1.0",
            "IP,      15,   AFTER_LISTING,  0.5",
            "IP,      30,   AFTER_LISTING,  0.293",
            "IP,      60,   AFTER_LISTING,  0.0",
            "IP,      400,  AFTER_LISTING,  0.0",
            "DOMAIN,  30,   AFTER_LISTING,  0.833",
            "DOMAIN,  90,   AFTER_LISTING,  0.5",
            "URL,     45,   AFTER_LISTING,  0.5",
            "SHA256,  365,  AFTER_LISTING,  0.9",
            "IP,      -10,  BEFORE_LISTING, 0.592",
            "IP,      -31,  TOO_EARLY,      0.0",
    })
    void weighsIndicatorsByTheirAgeAtTheEventsTimeAndType(IndicatorType type, long days, Freshness.Status status,
            double weight) {
        Freshness freshness = DecayPolicy.DEFAULTS.assess(listed(type), LISTED + days * DAY);
        assertThat(freshness.status()).isEqualTo(status);
        assertThat(freshness.weight()).isCloseTo(weight, within(0.001));
    }

    @Test
    void aMonthOldAddressCountsLessThanAFreshOrMonthOldDomain() {
        long monthLater = LISTED + 30 * DAY;
        double address = DecayPolicy.DEFAULTS.assess(listed(IndicatorType.IP), monthLater).weight();
        double domain = DecayPolicy.DEFAULTS.assess(listed(IndicatorType.DOMAIN), monthLater).weight();
        double freshDomain = DecayPolicy.DEFAULTS.assess(listed(IndicatorType.DOMAIN), LISTED).weight();
        assertThat(address).isLessThan(domain).isLessThan(freshDomain);
    }

    @Test
    void expiredIndicatorsNoLongerCountAfterTheirValidUntil() {
        Indicator indicator = listed(IndicatorType.DOMAIN).validUntil(LISTED + 10 * DAY);
        assertThat(DecayPolicy.DEFAULTS.assess(indicator, LISTED + 10 * DAY).counts()).isTrue();
        Freshness expired = DecayPolicy.DEFAULTS.assess(indicator, LISTED + 10 * DAY + 1);
        assertThat(expired.status()).isEqualTo(Freshness.Status.EXPIRED);
        assertThat(expired.counts()).isFalse();
    }

    @Test
    void aValueTheFeedSawActiveKeepsFullWeightUntilItsLastSighting() {
        Indicator indicator = Indicator.of(IndicatorType.IP, "1.2.3.4", FEED).seen(LISTED, LISTED + 100 * DAY);
        assertThat(DecayPolicy.DEFAULTS.assess(indicator, LISTED + 50 * DAY))
                .isEqualTo(new Freshness(Freshness.Status.ACTIVE, 0, 1));
        assertThat(DecayPolicy.DEFAULTS.assess(indicator, LISTED + 115 * DAY).weight()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void undatedIndicatorsGetTheUndatedWeightWhateverTheEventTime() {
        Indicator indicator = Indicator.of(IndicatorType.DOMAIN, "evil.com", FEED);
        assertThat(DecayPolicy.DEFAULTS.assess(indicator, 0)).isEqualTo(new Freshness(Freshness.Status.UNDATED, 0, 0.5));
        assertThat(DecayPolicy.DEFAULTS.assess(indicator, LISTED)).isEqualTo(
                new Freshness(Freshness.Status.UNDATED, 0, 0.5));
    }

    @ParameterizedTest(name = "{0} µs -> {1}")
    @CsvSource({
            "0,                 less than an hour",
            "3600000000,        1 hour",
            "7200000000,        2 hours",
            "172800000000,      2 days",
            "86400000000000,    2.7 years",
    })
    void describesSpansAsAnAnalystWouldSayThem(long micros, String text) {
        assertThat(Freshness.span(micros)).isEqualTo(text);
    }
}
