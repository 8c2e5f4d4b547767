package org.formhaus.config;

/**
 * {@code log.format}: {@code text} (one line per record for people; the default) or {@code json} (one JSON object per
 * line for log shippers). Immutable.
 */
public record LogConfig(boolean json) {

    static LogConfig read(Keys keys) {
        String format = keys.string("log.format");
        return switch (format) {
            case "text" -> new LogConfig(false);
            case "json" -> new LogConfig(true);
            default -> throw new ConfigException("log.format must be text or json, is '" + format + "'");
        };
    }
}
