package org.formhaus.mapping;

import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.Actions;

/**
 * The last onOffice steps of a newsletter subscriber's confirmation (Formhaus's double opt-in), after the address
 * ({@link SubmissionMapper#confirmation}): {@code newsletter_aktiv} = 1 on the address (recorded as {@link #CONFIRMED}
 * = {@code ok}; already so when the confirmation created the address, harmless then) and an agent's-log entry with the
 * form's activity kind and type (none when the form's activity is off). The entry carries the confirmation's own
 * {@link RecordTag} ({@code FN-...}) and is probed after a lost reply like the submission's entries, so it is written
 * once; it is best effort: a failure is recorded as empty and does not hold up the confirmation. Stateless.
 */
public final class NewsletterConfirmation {

    /** The records key of the confirmed address. */
    public static final String CONFIRMED = "newsletter.confirmed";
    static final String LOGGED = "agentslog.newsletter";

    private NewsletterConfirmation() {
    }

    /** The flag and, when {@code actionKind} is not null, the tagged agent's-log entry. */
    static List<PlannedStep> steps(String actionKind, String actionType, RecordTag tag) {
        PlannedStep confirmed = new PlannedStep(CONFIRMED, r -> Actions.modifyAddress(address(r.get("address")),
                Map.of("newsletter_aktiv", NewsletterMail.CONFIRMED)), (result, stage) -> "ok", false, null);
        if (actionKind == null) {
            return List.of(confirmed);
        }
        return List.of(confirmed, new PlannedStep(LOGGED, r -> Actions.createAgentsLog(
                List.of(address(r.get("address"))), null, actionKind, actionType,
                tag.appendTo("Newsletter-Anmeldung bestätigt (Double-Opt-In)"), Map.of()),
                PlannedStep.Outcome.CREATED_ID, true, TagProbes.agentsLog(tag, null)));
    }

    private static String address(com.google.gson.JsonElement recorded) {
        if (recorded == null || recorded.isJsonNull() || recorded.getAsString().isEmpty()) {
            throw new MappingException("The subscription has no onOffice address to confirm");
        }
        return recorded.getAsString();
    }
}
