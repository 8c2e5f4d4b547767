package org.formhaus.simulator;

import java.util.Locale;

/**
 * Faults the simulator can inject, by their wire names as {@code POST faults} takes them.
 * <ul>
 * <li>{@code ok}: normal service.</li>
 * <li>{@code down}: nothing is processed; HTTP 503 with a plain-text body (like a proxy in front of a dead host).</li>
 * <li>{@code slow}: waits {@code latencyMs} before processing.</li>
 * <li>{@code http500}: nothing is processed; HTTP 500 with onOffice's status {@code {"code":500,...,"message":"server error"}}.</li>
 * <li>{@code timeout-after-commit}: processes (commits) the actions, then stalls {@code latencyMs} (default 60 s)
 * before replying, so the client times out although the records exist.</li>
 * <li>{@code invalid-signature}: every action fails with 137 "The HMAC is invalid.".</li>
 * <li>{@code rate-limit}: nothing is processed; HTTP 429 with {@code Retry-After: 1}.</li>
 * </ul>
 */
public enum FaultMode {
    OK, DOWN, SLOW, HTTP500, TIMEOUT_AFTER_COMMIT, INVALID_SIGNATURE, RATE_LIMIT;

    public String wireName() {
        return switch (this) {
            case TIMEOUT_AFTER_COMMIT -> "timeout-after-commit";
            case INVALID_SIGNATURE -> "invalid-signature";
            case RATE_LIMIT -> "rate-limit";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** @throws IllegalArgumentException naming the unknown mode */
    public static FaultMode fromWire(String name) {
        for (FaultMode m : values()) {
            if (m.wireName().equalsIgnoreCase(name == null ? "" : name.strip())) return m;
        }
        throw new IllegalArgumentException("Unknown fault mode '" + name + "'; use ok, down, slow, http500, "
                + "timeout-after-commit, invalid-signature or rate-limit");
    }
}
