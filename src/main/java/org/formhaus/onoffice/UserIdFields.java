package org.formhaus.onoffice;

import java.util.Locale;
import java.util.Set;

/**
 * The onOffice fields that hold a user's ID rather than the user's name (onoffice-api.md §6 "ID or user NAME?"): the
 * estate's supervisor {@code benutzer}, the search criterion's {@code advisor}, the agent's-log {@code userid}. Every
 * other user field (address {@code Benutzer}, task {@code Verantwortung}/{@code Bearbeiter}, calendar {@code von})
 * takes the user NAME; onOffice refuses the other form (184 "User id is not existing or inactive", 251 "Unknown
 * user"). Stateless.
 */
public final class UserIdFields {

    private static final Set<String> IDS = Set.of("estate.benutzer", "searchcriteria.advisor", "agentslog.userid");

    private UserIdFields() {
    }

    /** Whether {@code maps} ({@code module.field}, as a form definition writes it) takes a user ID. */
    public static boolean takesId(String maps) {
        return maps != null && IDS.contains(maps.toLowerCase(Locale.ROOT));
    }
}
