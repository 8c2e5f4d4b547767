package org.formhaus.mail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.formhaus.forms.FormDefinition;

/**
 * Who "the responsible agent" of a submission is, for the notice recipient {@value #KEYWORD}: the estate's
 * responsible user that delivery looked up ({@code agent.user} in the records), else the fixed user the form assigns
 * tasks or appointments to ({@code onoffice.task.user}, {@code onoffice.appointment.user}). Stateless.
 */
final class ResponsibleAgent {

    /** The notice recipient that stands for the responsible agent. */
    static final String KEYWORD = "responsible";

    private ResponsibleAgent() {
    }

    /** The responsible agent's onOffice user name, or null when the submission has none. */
    static String username(FormDefinition form, JsonObject records) {
        String looked = string(records, "agent.user");
        if (looked != null) {
            return looked;
        }
        JsonObject options = form.source().has("onoffice") && form.source().get("onoffice").isJsonObject()
                ? form.source().getAsJsonObject("onoffice") : new JsonObject();
        for (String section : new String[] {"task", "appointment"}) {
            if (options.has(section) && options.get(section).isJsonObject()) {
                String user = string(options.getAsJsonObject(section), "user");
                // "estate" means "the estate's agent", which only the lookup above can name.
                if (user != null && !user.equals("estate")) {
                    return user;
                }
            }
        }
        return null;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() || e.getAsString().isBlank() ? null : e.getAsString().strip();
    }
}
