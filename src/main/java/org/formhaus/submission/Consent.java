package org.formhaus.submission;

import java.time.Instant;

/**
 * GDPR: one consent a visitor gave: the consent field, the exact text they agreed to, its {@code version} (null when
 * the definition names none), the form version it belongs to and when. Immutable.
 */
public record Consent(String field, String text, String version, int formVersion, Instant acceptedAt) {
}
