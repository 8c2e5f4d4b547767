package org.formhaus.viewings;

import java.util.List;
import org.formhaus.forms.FormDefinition;
import org.formhaus.mapping.SlotWindow;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.onoffice.OnOfficeMetadata;
import org.formhaus.onoffice.OnOfficeUser;

/**
 * Whose calendar a viewing form's slots come from, as the onOffice user id appointmentList filters by and an
 * appointment's {@code subscribers.users} takes: the agent the form's lead routing names before the visitor submits
 * ({@link SlotWindow#agent}), by name from the account's user list (the catalogue cache's GET users), or for
 * {@code "estate"} the inquired estate's {@code benutzer} (READ estate). Thread-safe.
 */
public final class SlotAgent {

    private final OnOfficeMetadata metadata;

    public SlotAgent(OnOfficeMetadata metadata) {
        this.metadata = metadata;
    }

    /** The agent's user id; null when the form names none or onOffice knows none. */
    Long userId(long accountId, OnOfficeClient client, FormDefinition form, String estateId)
            throws OnOfficeException {
        boolean onEstate = estateId != null && estateId.matches("\\d{1,18}");
        String agent = SlotWindow.agent(form, onEstate);
        if (agent == null) {
            return null;
        }
        if (SlotWindow.estateAgent(agent)) {
            ActionResult estate = client.executeOne(Actions.readEstate(estateId, List.of("benutzer")));
            return estate.records().isEmpty() ? null : id(estate.records().get(0).get("benutzer"));
        }
        return metadata.get("account-" + accountId, client).userByName(agent).map(OnOfficeUser::id)
                .map(SlotAgent::id).orElse(null);
    }

    private static Long id(String s) {
        return s != null && s.strip().matches("\\d{1,18}") ? Long.valueOf(s.strip()) : null;
    }
}
