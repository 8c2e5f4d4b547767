package org.formhaus.config;

/**
 * {@code metrics.token}: the bearer token {@code GET /metrics} asks for; empty: the metrics are open to anyone who
 * reaches the server. Immutable; {@link #toString()} hides the token.
 */
public record MetricsConfig(String token) {

    static MetricsConfig read(Keys keys) {
        String token = keys.string("metrics.token");
        if (!token.isEmpty() && token.length() < 16) {
            throw new ConfigException("metrics.token must be at least 16 characters long");
        }
        return new MetricsConfig(token);
    }

    @Override
    public String toString() {
        return "MetricsConfig[token=" + (token.isEmpty() ? "none" : "***") + "]";
    }
}
