package org.formhaus.mail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.formhaus.forms.DefinitionException.Problem;
import org.formhaus.forms.EmailAddresses;
import org.formhaus.forms.FormDefinition;

/**
 * A form's {@code emails} section, read from its definition's JSON. Absent or disabled, nothing is sent.
 *
 * <pre>{@code
 * "emails": {
 *   "from": "vertrieb@agentur.example",                  // optional; default: the account's first sender
 *   "confirmation": {"enabled": true, "subject": "Danke, ${values.vorname}", "body": "<p>...</p>",
 *                    "repeatFields": ["vorname"]},              // optional; see below

 *   "notice": {"enabled": true, "to": ["team@agentur.example"]}   // subject/body: built-in defaults
 * }
 * }</pre>
 * The confirmation goes to whatever address a visitor typed, so by default it repeats no free text the visitor entered
 * (the values of text, textarea, e-mail, phone, hidden and file fields are empty in its templates): else anyone could
 * make Formhaus mail their text to anyone. {@code repeatFields} opts such fields in by name. Immutable.
 */
record FormEmails(String from, MailSpec confirmation, MailSpec notice) {

    static final String SECTION = "emails";
    static final FormEmails NONE = new FormEmails(null, MailSpec.off("confirmation"), MailSpec.off("notice"));

    /** Reads the section, adding what is wrong (with its place, e.g. {@code emails.notice.to[0]}) to {@code problems}. */
    static FormEmails read(FormDefinition form, List<Problem> problems) {
        JsonElement section = form.source() == null ? null : form.source().get(SECTION);
        if (section == null || section.isJsonNull()) {
            return NONE;
        }
        if (!section.isJsonObject()) {
            problems.add(new Problem(SECTION, "must be an object with 'confirmation' and/or 'notice'"));
            return NONE;
        }
        JsonObject o = section.getAsJsonObject();
        String from = text(o, "from", SECTION, problems);
        if (from != null && !EmailAddresses.isValid(from)) {
            problems.add(new Problem(SECTION + ".from", "'" + from + "' is not an e-mail address"));
        }
        MailSpec confirmation = spec(form, o, "confirmation", problems);
        MailSpec notice = spec(form, o, "notice", problems);
        if (notice.enabled() && notice.to().isEmpty()) {
            problems.add(new Problem(SECTION + ".notice.to", "name at least one recipient address"));
        }
        return new FormEmails(from, confirmation, notice);
    }

    private static MailSpec spec(FormDefinition form, JsonObject section, String name, List<Problem> problems) {
        String place = SECTION + "." + name;
        JsonElement e = section.get(name);
        if (e == null || e.isJsonNull()) {
            return MailSpec.off(name);
        }
        if (!e.isJsonObject()) {
            problems.add(new Problem(place, "must be an object such as {\"enabled\": true}"));
            return MailSpec.off(name);
        }
        JsonObject o = e.getAsJsonObject();
        boolean enabled = !o.has("enabled") || bool(o.get("enabled"), place + ".enabled", problems);
        return new MailSpec(name, enabled, recipients(o, place, problems), text(o, "subject", place, problems),
                text(o, "body", place, problems), repeatFields(form, o, name, place, problems));
    }

    /** The confirmation's opted-in free-text fields: names of value-carrying fields of the form. */
    private static List<String> repeatFields(FormDefinition form, JsonObject o, String name, String place,
                                             List<Problem> problems) {
        List<String> names = new ArrayList<>();
        JsonElement e = o.get("repeatFields");
        if (e == null || e.isJsonNull()) {
            return names;
        }
        if (!name.equals("confirmation")) {
            problems.add(new Problem(place + ".repeatFields", "only the confirmation takes repeatFields (the notice "
                    + "shows every field)"));
            return names;
        }
        if (!e.isJsonArray()) {
            problems.add(new Problem(place + ".repeatFields", "must be a list of field names"));
            return names;
        }
        JsonArray list = e.getAsJsonArray();
        for (int i = 0; i < list.size(); i++) {
            String field = list.get(i).isJsonPrimitive() ? list.get(i).getAsString() : "";
            if (form.field(field).filter(f -> f.type().carriesValue()).isEmpty()) {
                problems.add(new Problem(place + ".repeatFields[" + i + "]", "'" + field
                        + "' is no field of this form"));
            } else {
                names.add(field);
            }
        }
        return names;
    }

    private static List<String> recipients(JsonObject o, String place, List<Problem> problems) {
        List<String> to = new ArrayList<>();
        JsonElement e = o.get("to");
        if (e == null || e.isJsonNull()) {
            return to;
        }
        JsonArray list = new JsonArray();
        if (e.isJsonArray()) {
            list = e.getAsJsonArray();
        } else {
            list.add(e);
        }
        for (int i = 0; i < list.size(); i++) {
            String address = list.get(i).isJsonPrimitive() ? list.get(i).getAsString().strip() : "";
            if (!EmailAddresses.isValid(address) && !address.equals(ResponsibleAgent.KEYWORD)) {
                problems.add(new Problem(place + ".to[" + i + "]", "'" + address + "' is neither an e-mail address nor '"
                        + ResponsibleAgent.KEYWORD + "' (the responsible agent)"));
            } else {
                to.add(address);
            }
        }
        return to;
    }

    private static String text(JsonObject o, String key, String place, List<Problem> problems) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            problems.add(new Problem(place + "." + key, "must be a string"));
            return null;
        }
        String s = e.getAsString();
        return s.isBlank() ? null : s;
    }

    private static boolean bool(JsonElement e, String place, List<Problem> problems) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
            return e.getAsBoolean();
        }
        problems.add(new Problem(place, "must be true or false"));
        return false;
    }
}
