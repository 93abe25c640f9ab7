package io.stagehunt.ingest.suricata;

import io.stagehunt.ingest.json.IsoTime;
import io.stagehunt.ingest.json.JsonRecord;
import io.stagehunt.net.IpAddress;
import java.util.List;

/**
 * Typed access to the current EVE record: absent and {@code null} fields read as unknown ({@code null},
 * {@code -1}, {@link Long#MIN_VALUE} for times), a value of the wrong JSON type or an unparsable address or
 * time throws. Messages name the field and the problem, never the value, so quarantine reasons stay few and
 * free of attacker-chosen text. Reused for every line. Not thread-safe.
 */
final class EveRecord {

    private final JsonRecord json;

    EveRecord(JsonRecord json) {
        this.json = json;
    }

    JsonRecord json() {
        return json;
    }

    boolean has(int slot) {
        return json.has(slot);
    }

    String text(int slot) throws MalformedEveException {
        return switch (json.kind(slot)) {
            case ABSENT, NULL -> null;
            case STRING -> json.string(slot);
            default -> throw wrongType(slot, "a string");
        };
    }

    String requiredText(int slot) throws MalformedEveException {
        String text = text(slot);
        if (text == null) {
            throw missing(slot);
        }
        return text;
    }

    /** A non-negative integer; -1 when absent. */
    long count(int slot) throws MalformedEveException {
        return switch (json.kind(slot)) {
            case ABSENT, NULL -> -1;
            case INTEGER -> {
                long value = json.number(slot);
                if (value < 0) {
                    throw new MalformedEveException(name(slot), "negative count");
                }
                yield value;
            }
            default -> throw wrongType(slot, "an integer");
        };
    }

    /** An integer that older Suricata versions wrote as a numeric string (HTTP status); -1 when absent. */
    long lenientCount(int slot) throws MalformedEveException {
        if (json.kind(slot) == JsonRecord.Kind.STRING) {
            String text = json.string(slot);
            if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
                throw new MalformedEveException(name(slot), "not a number");
            }
            return Long.parseLong(text);
        }
        return count(slot);
    }

    int port(int slot) throws MalformedEveException {
        long value = count(slot);
        if (value > 65535) {
            throw new MalformedEveException(name(slot), "port out of range");
        }
        return (int) value;
    }

    IpAddress address(int slot) throws MalformedEveException {
        String text = text(slot);
        if (text == null) {
            return null;
        }
        IpAddress address = IpAddress.tryParse(text);
        if (address == null) {
            throw new MalformedEveException(name(slot), "not an address");
        }
        return address;
    }

    IpAddress requiredAddress(int slot) throws MalformedEveException {
        IpAddress address = address(slot);
        if (address == null) {
            throw missing(slot);
        }
        return address;
    }

    /** An ISO-8601 time as epoch microseconds; {@link Long#MIN_VALUE} when absent. */
    long time(int slot) throws MalformedEveException {
        String text = text(slot);
        if (text == null) {
            return Long.MIN_VALUE;
        }
        long micros = IsoTime.parseMicros(text);
        if (micros == Long.MIN_VALUE) {
            throw new MalformedEveException(name(slot), "not an ISO-8601 time");
        }
        return micros;
    }

    boolean bool(int slot, boolean fallback) throws MalformedEveException {
        return switch (json.kind(slot)) {
            case ABSENT, NULL -> fallback;
            case TRUE -> true;
            case FALSE -> false;
            default -> throw wrongType(slot, "a boolean");
        };
    }

    /** TCP flags written as hex ({@code "1b"}); -1 when absent. */
    int flags(int slot) throws MalformedEveException {
        String text = text(slot);
        if (text == null) {
            return -1;
        }
        if (text.isEmpty() || text.length() > 2) {
            throw new MalformedEveException(name(slot), "not hex TCP flags");
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                throw new MalformedEveException(name(slot), "not hex TCP flags");
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /**
     * The values of a column or grouped slot, as text, null where an element lacked the field; empty when
     * absent. Throws when the array held values of the wrong shape.
     */
    List<String> column(int slot) throws MalformedEveException {
        return switch (json.kind(slot)) {
            case ABSENT, NULL -> List.of();
            case ARRAY -> {
                if (json.irregular(slot)) {
                    throw new MalformedEveException(name(slot), "array holds values of the wrong shape");
                }
                yield json.array(slot);
            }
            default -> throw wrongType(slot, "an array");
        };
    }

    String name(int slot) {
        return json.schema().slotName(slot);
    }

    MalformedEveException missing(int slot) {
        return new MalformedEveException(name(slot), "missing");
    }

    private MalformedEveException wrongType(int slot, String expected) {
        return new MalformedEveException(name(slot), "expected " + expected + ", found " + json.describe(slot));
    }
}
