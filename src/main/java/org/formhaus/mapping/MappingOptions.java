package org.formhaus.mapping;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormKind;

/**
 * The account's choices for what a form writes to onOffice, from the definition's optional {@code "onoffice"}
 * object. Every member is optional; the defaults depend on the kind:
 * <pre>{@code
 * "onoffice": {
 *   "duplicates": {"match": "email", "update": ["Telefon1"]},   // DuplicateRule: never overwrite but these
 *   "routing": {"rule": "postcode", "user": "mmakler", "postcodes": [...]},   // LeadRouting: the responsible agent
 *   "activity": {"actionkind": "Email", "actiontype": "Eingang"},   // or false: no agent's-log entry
 *   "task": {"user": "estate", "subject": "...", "priority": 3, "deadlineDays": 2},   // or true / false
 *   "appointment": {"as": "calendar", "durationMinutes": 60, "art": "Beratung", "user": "mmakler"},
 *   "newsletter": "formhaus"           // newsletter forms: formhaus (default) | onoffice: whose double opt-in
 * }
 * }</pre>
 * {@code task.user} / {@code appointment.user} is an onOffice user name, or {@code "estate"}: the responsible person
 * of the inquired estate. Immutable.
 */
record MappingOptions(DuplicateRule duplicates, Activity activity, Task task, Appointment appointment,
                      Newsletter newsletter, LeadRouting routing) {

    /**
     * Whose double opt-in a newsletter form uses: {@code FORMHAUS} mails its own confirmation link and writes the
     * address to onOffice only once the visitor confirmed; {@code ONOFFICE} writes the address at once and asks
     * onOffice to run its own double opt-in (DO {@code registerNewsletter}), which mails the visitor onOffice's link.
     */
    enum Newsletter { FORMHAUS, ONOFFICE }

    /** null activity means none. */
    record Activity(String actionKind, String actionType) {
    }

    /** null task means none; user may be null (no responsible person), a user name, or "estate". */
    record Task(String user, String subject, int priority, Integer deadlineDays) {
    }

    record Appointment(boolean asTask, int durationMinutes, String art, String user) {
    }

    static final String ESTATE_AGENT = "estate";

    static MappingOptions of(FormDefinition form) {
        return parse(form, new java.util.ArrayList<>());
    }

    /** Parses the options, adding a problem (place {@code onoffice.x}) for each bad member. */
    static MappingOptions parse(FormDefinition form, List<Problem> problems) {
        JsonElement raw = form.source() == null ? null : form.source().get("onoffice");
        JsonObject o = raw != null && raw.isJsonObject() ? raw.getAsJsonObject() : new JsonObject();
        if (raw != null && !raw.isJsonObject()) {
            problems.add(new Problem("onoffice", "must be an object"));
        }
        FormKind kind = form.kind();
        DuplicateRule duplicates = DuplicateRule.parse(o.get("duplicates"), form, problems);
        LeadRouting routing = LeadRouting.parse(form, problems);
        Newsletter newsletter = Newsletter.FORMHAUS;
        String n = string(o, "newsletter");
        if (n != null) {
            if (kind != FormKind.NEWSLETTER) {
                problems.add(new Problem("onoffice.newsletter", "only newsletter forms choose a double opt-in"));
            } else if (n.equals("formhaus") || n.equals("onoffice")) {
                newsletter = Newsletter.valueOf(n.toUpperCase(java.util.Locale.ROOT));
            } else {
                problems.add(new Problem("onoffice.newsletter", "must be formhaus or onoffice"));
            }
        }
        Activity activity = null;
        JsonElement a = o.get("activity");
        // onOffice's double opt-in writes its own "Newsletter" activity (onoffice-api.md §5): none of ours by default
        boolean activityDefault = kind != FormKind.CUSTOM && !(kind == FormKind.NEWSLETTER
                && newsletter == Newsletter.ONOFFICE)
                || form.fields().stream().anyMatch(f -> f.maps() != null && f.maps().startsWith("agentslog."));
        if (a == null ? activityDefault : !isFalse(a)) {
            JsonObject ao = a != null && a.isJsonObject() ? a.getAsJsonObject() : new JsonObject();
            activity = new Activity(orElse(string(ao, "actionkind"), defaultActionKind(kind)),
                    orElse(string(ao, "actiontype"), "Eingang"));
        }
        boolean taskDefault = kind == FormKind.OWNER || kind == FormKind.VALUATION
                || form.fields().stream().anyMatch(f -> f.maps() != null && f.maps().startsWith("task."));
        Task task = null;
        JsonElement t = o.get("task");
        if (t == null ? taskDefault : !isFalse(t)) {
            JsonObject to = t != null && t.isJsonObject() ? t.getAsJsonObject() : new JsonObject();
            task = new Task(string(to, "user"), string(to, "subject"),
                    integer(to, "onoffice.task", "priority", 3, 1, 5, problems),
                    to.has("deadlineDays") ? integer(to, "onoffice.task", "deadlineDays", 0, 0, 365, problems) : null);
        }
        JsonObject ap = o.has("appointment") && o.get("appointment").isJsonObject()
                ? o.getAsJsonObject("appointment") : new JsonObject();
        String as = orElse(string(ap, "as"), "calendar");
        if (!as.equals("calendar") && !as.equals("task")) {
            problems.add(new Problem("onoffice.appointment.as", "must be calendar or task"));
        }
        Appointment appointment = new Appointment(as.equals("task"),
                integer(ap, "onoffice.appointment", "durationMinutes", 60, 5, 24 * 60, problems), string(ap, "art"),
                string(ap, "user") != null ? string(ap, "user") : task == null ? null : task.user());
        SlotWindow.parse(form, problems); // onoffice.appointment.slots: judged here, read by the form page and delivery
        return new MappingOptions(duplicates, activity, task, appointment, newsletter, routing);
    }

    private static String defaultActionKind(FormKind kind) {
        return "Email";
    }

    private static boolean isFalse(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && !e.getAsBoolean();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() || e.getAsString().isBlank() ? null : e.getAsString().strip();
    }

    private static String orElse(String s, String fallback) {
        return s == null ? fallback : s;
    }

    /** A whole number from {@code min} to {@code max} at {@code key}, else a problem naming it (2.5 is not 2). */
    static int integer(JsonObject o, String place, String key, int fallback, int min, int max,
                               List<Problem> problems) {
        JsonElement e = o.get(key);
        if (e == null) {
            return fallback;
        }
        try {
            int v = e.getAsInt();
            if (v >= min && v <= max && e.getAsDouble() == v) {
                return v;
            }
        } catch (RuntimeException ignored) {
            // reported below
        }
        problems.add(new Problem(place + "." + key, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
