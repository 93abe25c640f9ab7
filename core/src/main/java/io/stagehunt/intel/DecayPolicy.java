package io.stagehunt.intel;

import java.util.EnumMap;
import java.util.Map;

/**
 * Indicator lifetime rules: a {@link DecayModel} per type, how long before its listing a sighting still counts,
 * and the weight of an undated indicator. Age is measured from the event's time, never from a clock. Immutable.
 *
 * @param retroHuntMicros how long before a feed listed a value a sighting still matches: feeds list C2 servers
 *     some days after they go live, and traffic in those days is exactly what an analyst wants to find
 * @param undatedWeight the weight of an indicator whose feed gives no date
 */
public record DecayPolicy(Map<IndicatorType, DecayModel> models, long retroHuntMicros, double undatedWeight) {

    /**
     * Addresses churn within weeks, URLs within months, domains a little slower, certificates and fingerprints
     * live a year and file hashes never change meaning, hence a long lifetime.
     */
    public static final DecayPolicy DEFAULTS = new DecayPolicy(defaultModels(), 30 * 86_400_000_000L, 0.5);

    public DecayPolicy {
        EnumMap<IndicatorType, DecayModel> copy = new EnumMap<>(IndicatorType.class);
        copy.putAll(models);
        for (IndicatorType type : IndicatorType.values()) {
            if (!copy.containsKey(type)) {
                throw new IllegalArgumentException("no decay model for " + type.label());
            }
        }
        models = Map.copyOf(copy);
        if (retroHuntMicros < 0 || undatedWeight < 0 || undatedWeight > 1) {
            throw new IllegalArgumentException("retro-hunt window must be >= 0 and undated weight 0..1");
        }
    }

    public DecayModel model(IndicatorType type) {
        return models.get(type);
    }

    /** Where {@code eventMicros} falls in the indicator's life. */
    public Freshness assess(Indicator indicator, long eventMicros) {
        return assess(indicator.type(), indicator.firstSeenMicros(), indicator.lastSeenMicros(),
                indicator.validUntilMicros(), eventMicros);
    }

    /** Where {@code eventMicros} falls in the life of an indicator of this type and these dates. */
    public Freshness assess(IndicatorType type, long firstSeenMicros, long lastSeenMicros, long validUntilMicros,
            long eventMicros) {
        if (validUntilMicros != Indicator.NO_EXPIRY && eventMicros > validUntilMicros) {
            return new Freshness(Freshness.Status.EXPIRED, eventMicros - validUntilMicros, 0);
        }
        long first = firstSeenMicros;
        long last = lastSeenMicros;
        if (first == Indicator.UNKNOWN_TIME) {
            first = last;
        }
        if (first == Indicator.UNKNOWN_TIME) {
            return new Freshness(Freshness.Status.UNDATED, 0, undatedWeight);
        }
        last = Math.max(first, last);
        DecayModel model = model(type);
        if (eventMicros < first) {
            long lead = first - eventMicros;
            return lead > retroHuntMicros
                    ? new Freshness(Freshness.Status.TOO_EARLY, lead, 0)
                    : new Freshness(Freshness.Status.BEFORE_LISTING, lead, model.weight(lead));
        }
        if (eventMicros <= last && last > first) {
            return new Freshness(Freshness.Status.ACTIVE, 0, 1);
        }
        long age = eventMicros - last;
        return new Freshness(Freshness.Status.AFTER_LISTING, age, model.weight(age));
    }

    private static Map<IndicatorType, DecayModel> defaultModels() {
        Map<IndicatorType, DecayModel> models = new EnumMap<>(IndicatorType.class);
        models.put(IndicatorType.IP, DecayModel.days(60, 2));
        models.put(IndicatorType.CIDR, DecayModel.days(90, 1));
        models.put(IndicatorType.URL, DecayModel.days(90, 1));
        models.put(IndicatorType.DOMAIN, DecayModel.days(180, 1));
        models.put(IndicatorType.JA3, DecayModel.days(365, 1));
        models.put(IndicatorType.JA3S, DecayModel.days(365, 1));
        models.put(IndicatorType.CERT_SHA1, DecayModel.days(365, 1));
        models.put(IndicatorType.CERT_SHA256, DecayModel.days(365, 1));
        models.put(IndicatorType.MD5, DecayModel.days(3650, 1));
        models.put(IndicatorType.SHA1, DecayModel.days(3650, 1));
        models.put(IndicatorType.SHA256, DecayModel.days(3650, 1));
        return models;
    }
}
