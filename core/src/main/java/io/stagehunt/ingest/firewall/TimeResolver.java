package io.stagehunt.ingest.firewall;

import io.stagehunt.ingest.FileAccount;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Turns the wall-clock times of one input into epoch microseconds. Years missing from BSD syslog times come
 * from the latest dated record read before, else from the settings, else 1970 (noted once in the input's
 * ledger); a month that falls back by more than half a year means the log crossed New Year. Not thread-safe:
 * one per reader.
 */
final class TimeResolver {

    private static final int FALLBACK_YEAR = 1970;

    private final FirewallSettings settings;
    private final FileAccount account;
    private int year;
    private int month;

    TimeResolver(FirewallSettings settings, FileAccount account) {
        this.settings = settings;
        this.account = account;
    }

    /** The instant of {@code stamp}: at {@code offset} when known, else in {@code zone}, else in the settings' zone. */
    long micros(LocalStamp stamp, ZoneOffset offset, ZoneId zone) throws RecordRejected {
        LocalStamp dated = dated(stamp);
        LocalDateTime local;
        try {
            local = LocalDateTime.of(dated.year(), dated.month(), dated.day(), dated.hour(), dated.minute(),
                    Math.min(dated.second(), 59));
        } catch (DateTimeException e) {
            throw RecordRejected.malformed("invalid date " + dated.year() + "-" + dated.month() + "-" + dated.day());
        }
        ZoneId effective = offset != null ? offset : zone != null ? zone : settings.zone();
        long seconds = local.atZone(effective).toEpochSecond();
        return seconds * 1_000_000L + dated.micros();
    }

    /** Takes note of an absolute time (an epoch value), which dates later BSD syslog times as well as any. */
    long observed(long micros) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
        year = utc.getYear();
        month = utc.getMonthValue();
        return micros;
    }

    private LocalStamp dated(LocalStamp stamp) {
        if (stamp.year() != 0) {
            year = stamp.year();
            month = stamp.month();
            return stamp;
        }
        if (year == 0) {
            if (settings.undatedYear() != 0) {
                year = settings.undatedYear();
            } else {
                year = FALLBACK_YEAR;
                account.note("syslog timestamps without a year were read as " + FALLBACK_YEAR
                        + ": set the firewall logs' year in the settings to date them");
            }
        } else if (stamp.month() + 6 < month) {
            year++;
        }
        month = stamp.month();
        return stamp.withYear(year);
    }
}
