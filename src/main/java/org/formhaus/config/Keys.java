package org.formhaus.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads of the merged key → value map, each failing with a {@link ConfigException} that names the key. Used
 * only while {@link AppConfig} builds its settings records; immutable.
 */
final class Keys {

    private final Map<String, String> values;

    Keys(Map<String, String> values) {
        this.values = values;
    }

    /** The value, or "" when the key is not set. */
    String string(String key) {
        return values.getOrDefault(key, "");
    }

    String required(String key) {
        String value = string(key);
        if (value.isEmpty()) {
            throw new ConfigException(key + " must not be empty");
        }
        return value;
    }

    /** {@code true} or {@code false} (any case); anything else is refused rather than read as false. */
    boolean bool(String key) {
        String raw = string(key).toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw new ConfigException(key + " must be true or false, is '" + string(key) + "'");
        };
    }

    int number(String key, long min, long max) {
        return Math.toIntExact(longNumber(key, min, max));
    }

    long longNumber(String key, long min, long max) {
        String raw = string(key);
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be a whole number, is '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new ConfigException(key + " must be between " + min + " and " + max + ", is " + value);
        }
        return value;
    }

    Duration millis(String key, long min, long max) {
        return Duration.ofMillis(longNumber(key, min, max));
    }

    Duration seconds(String key, long min, long max) {
        return Duration.ofSeconds(longNumber(key, min, max));
    }

    Duration minutes(String key, long min, long max) {
        return Duration.ofMinutes(longNumber(key, min, max));
    }

    Duration hours(String key, long min, long max) {
        return Duration.ofHours(longNumber(key, min, max));
    }

    Duration days(String key, long min, long max) {
        return Duration.ofDays(longNumber(key, min, max));
    }
}
