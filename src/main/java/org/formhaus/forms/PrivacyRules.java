package org.formhaus.forms;

import com.google.gson.JsonElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;

/**
 * A form's {@code privacy} section: {@code eraseAfterDelivery} (privacy mode: once a submission is delivered, its
 * values, consents, page context and files are erased at once; the row with status and onOffice ids stays, so
 * counts do not change) and {@code retentionDays} (how long this form's delivered and failed submissions are kept,
 * instead of the instance's {@code retention.days}; 1 to 3650).
 * <pre>{@code
 * "privacy": {"eraseAfterDelivery": true, "retentionDays": 30}
 * }</pre>
 * Newsletter forms cannot erase after delivery: the subscriber's address is needed until they confirm. Immutable.
 */
public record PrivacyRules(boolean eraseAfterDelivery, Integer retentionDays) {

    public static final PrivacyRules NONE = new PrivacyRules(false, null);
    static final int MAX_DAYS = 3650;

    /** The form's own retention period, when it has one. */
    public Optional<Duration> retention() {
        return retentionDays == null ? Optional.empty() : Optional.of(Duration.ofDays(retentionDays));
    }

    /** The rules of a parsed definition (from its source; judged when it was saved). */
    public static PrivacyRules of(FormDefinition definition) {
        ObjectReader lenient = new ObjectReader(definition.source(), "", new ArrayList<>(), false);
        return read(lenient, definition.kind());
    }

    /** Reads and judges the section of a definition being parsed; {@link #NONE} when absent. */
    static PrivacyRules read(ObjectReader d, FormKind kind) {
        JsonElement raw = d.raw("privacy");
        if (raw == null || raw.isJsonNull()) {
            return NONE;
        }
        if (!raw.isJsonObject()) {
            d.problem("privacy", "must be an object");
            return NONE;
        }
        ObjectReader p = d.object("privacy");
        boolean erase = p.bool("eraseAfterDelivery");
        Integer days = p.integer("retentionDays");
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            p.problem("retentionDays", "must be between 1 and " + MAX_DAYS + " days");
            days = null;
        }
        if (erase && kind == FormKind.NEWSLETTER) {
            p.problem("eraseAfterDelivery", "a newsletter form needs the address until the subscriber confirms");
        }
        p.refuseUnread();
        return new PrivacyRules(erase, days);
    }
}
