package org.formhaus.storage;

/**
 * One entry of an account's security event log, as stored: what happened ({@code kind}, e.g. {@code sign-in}),
 * when, which user did it or is concerned (id and email; null when unknown) and a detail without secrets.
 */
public record SecurityEvent(long id, long accountId, long occurredMs, String kind, Long userId, String userEmail,
                            String detail) {
}
