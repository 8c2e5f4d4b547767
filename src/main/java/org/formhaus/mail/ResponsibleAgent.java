package org.formhaus.mail;

import com.google.gson.JsonObject;
import org.formhaus.forms.FormDefinition;
import org.formhaus.mapping.LeadRouting;

/**
 * Who "the responsible agent" of a submission is, for the notice recipient {@value #KEYWORD}: the agent lead routing
 * chose and delivery recorded ({@link LeadRouting#responsible}), else the form's fixed or fallback user (the routing's
 * {@code user}, or the user its task or appointment names). Stateless.
 */
final class ResponsibleAgent {

    /** The notice recipient that stands for the responsible agent. */
    static final String KEYWORD = "responsible";

    private ResponsibleAgent() {
    }

    /** The responsible agent's onOffice user name, or null when the submission has none. */
    static String username(FormDefinition form, JsonObject records) {
        return LeadRouting.responsible(records).map(LeadRouting.Agent::userName)
                .orElseGet(() -> LeadRouting.of(form).user()); // "estate" names nobody until the lookup ran
    }
}
