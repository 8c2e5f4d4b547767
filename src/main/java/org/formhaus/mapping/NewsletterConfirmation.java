package org.formhaus.mapping;

import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.Actions;

/**
 * The onOffice steps of a newsletter subscriber's confirmation (double opt-in), run by delivery as a job of its own
 * once the subscriber pressed the button: the address recorded at subscription gets {@code newsletter_aktiv} = 1
 * (recorded as {@link #CONFIRMED} = {@code ok}), and an agent's-log entry is written (best effort: a failure is
 * recorded as empty and does not hold up the confirmation). One request. Stateless.
 */
public final class NewsletterConfirmation {

    /** The records key of the confirmed address. */
    public static final String CONFIRMED = "newsletter.confirmed";
    static final String LOGGED = "agentslog.newsletter";

    private NewsletterConfirmation() {
    }

    public static List<PlannedStep> steps() {
        return List.of(
                new PlannedStep(CONFIRMED, r -> Actions.modifyAddress(address(r.get("address")),
                        Map.of("newsletter_aktiv", NewsletterMail.CONFIRMED)), (result, stage) -> "ok", false, null),
                new PlannedStep(LOGGED, r -> Actions.createAgentsLog(List.of(address(r.get("address"))), null, "Email",
                        "Eingang", "Newsletter-Anmeldung bestätigt (Double-Opt-In)", Map.of()),
                        PlannedStep.Outcome.CREATED_ID, true, null));
    }

    private static String address(com.google.gson.JsonElement recorded) {
        if (recorded == null || recorded.isJsonNull() || recorded.getAsString().isEmpty()) {
            throw new MappingException("The subscription has no onOffice address to confirm");
        }
        return recorded.getAsString();
    }
}
