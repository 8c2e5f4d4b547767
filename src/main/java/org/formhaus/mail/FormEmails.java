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
 *                    "repeatFields": ["vorname"], "attach": {"expose": "Standard"}},
 *   "notice": {"enabled": true, "to": ["team@agentur.example"], "cc": ["chef@agentur.example"]},
 *   "more": [{"to": ["responsible"], "templateid": 12, "replyToVisitor": true}],   // at most three mails in all
 *   "addressCompletion": "modus1"                       // onOffice's address-completion mail to the visitor
 * }
 * }</pre>
 * The confirmation goes to whatever address a visitor typed, so by default it repeats no free text the visitor entered
 * (the values of text, textarea, e-mail, phone, hidden and file fields are empty in its templates): else anyone could
 * make Formhaus mail their text to anyone. {@code repeatFields} opts such fields in by name; any other mail that goes
 * to the visitor ({@code "visitor"} among its recipients) follows the same rule. Immutable.
 */
record FormEmails(String from, MailSpec confirmation, MailSpec notice, List<MailSpec> more, String addressCompletion) {

    static final String SECTION = "emails";
    /** The most e-mails one submission sends (confirmation, notice and further mails together). */
    static final int MAX_MAILS = 3;
    /** The recipient that stands for the visitor's own address (the form's first e-mail field). */
    static final String VISITOR = "visitor";
    static final List<String> COMPLETION_MODES = List.of("modus1", "modus2");
    static final FormEmails NONE = new FormEmails(null, MailSpec.off("confirmation"), MailSpec.off("notice"),
            List.of(), null);

    FormEmails {
        more = List.copyOf(more);
    }

    /** Every mail of the section, confirmation first. */
    List<MailSpec> all() {
        List<MailSpec> all = new ArrayList<>(List.of(confirmation, notice));
        all.addAll(more);
        return all;
    }

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
        MailSpec confirmation = spec(form, o.get("confirmation"), "confirmation", SECTION + ".confirmation", false,
                problems);
        MailSpec notice = spec(form, o.get("notice"), "notice", SECTION + ".notice", true, problems);
        if (notice.enabled() && notice.to().isEmpty()) {
            problems.add(new Problem(SECTION + ".notice.to", "name at least one recipient address"));
        }
        int count = (confirmation.enabled() ? 1 : 0) + (notice.enabled() ? 1 : 0);
        List<MailSpec> more = new ArrayList<>();
        JsonElement list = o.get("more");
        if (list != null && !list.isJsonNull() && !list.isJsonArray()) {
            problems.add(new Problem(SECTION + ".more", "must be a list of e-mails such as [{\"to\": [...]}]"));
        } else if (list != null && list.isJsonArray()) {
            for (int i = 0; i < list.getAsJsonArray().size(); i++) {
                String place = SECTION + ".more[" + i + "]";
                MailSpec spec = spec(form, list.getAsJsonArray().get(i), "more" + (i + 1), place, false, problems);
                if (!spec.enabled()) {
                    continue;
                }
                if (spec.to().isEmpty()) {
                    problems.add(new Problem(place + ".to", "name at least one recipient address"));
                }
                if (++count > MAX_MAILS) {
                    problems.add(new Problem(place, "a submission sends at most " + MAX_MAILS
                            + " e-mails (confirmation, notice and further mails together)"));
                    break;
                }
                more.add(spec);
            }
        }
        String completion = text(o, "addressCompletion", SECTION, problems);
        if (completion != null && !COMPLETION_MODES.contains(completion)) {
            problems.add(new Problem(SECTION + ".addressCompletion", "must be 'modus1' (address data) or 'modus2'"
                    + " (address data and search criteria), not '" + completion + "'"));
            completion = null;
        }
        return new FormEmails(from, confirmation, notice, more, completion);
    }

    private static MailSpec spec(FormDefinition form, JsonElement e, String name, String place, boolean replyByDefault,
                                 List<Problem> problems) {
        if (e == null || e.isJsonNull()) {
            return MailSpec.off(name);
        }
        if (!e.isJsonObject()) {
            problems.add(new Problem(place, "must be an object such as {\"enabled\": true}"));
            return MailSpec.off(name);
        }
        JsonObject o = e.getAsJsonObject();
        boolean enabled = !o.has("enabled") || bool(o.get("enabled"), place + ".enabled", problems);
        boolean replyToVisitor = o.has("replyToVisitor") ? bool(o.get("replyToVisitor"), place + ".replyToVisitor",
                problems) : replyByDefault;
        return new MailSpec(name, enabled, addresses(o, "to", place, true, problems), text(o, "subject", place, problems),
                text(o, "body", place, problems), templateId(o, place, problems),
                addresses(o, "cc", place, false, problems), addresses(o, "bcc", place, false, problems),
                replyToVisitor, attachments(o.get("attach"), place + ".attach", name.equals("confirmation"), problems),
                repeatFields(form, o, name, place, problems));
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

    private static Integer templateId(JsonObject o, String place, List<Problem> problems) {
        JsonElement e = o.get("templateid");
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()
                && e.getAsBigDecimal().stripTrailingZeros().scale() <= 0 && e.getAsBigDecimal().signum() > 0
                && e.getAsBigDecimal().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            return e.getAsInt();
        }
        problems.add(new Problem(place + ".templateid", "must be the id (a positive whole number) of an onOffice"
                + " e-mail template"));
        return null;
    }

    private static MailAttachments attachments(JsonElement e, String place, boolean toVisitor,
                                               List<Problem> problems) {
        if (e == null || e.isJsonNull()) {
            return MailAttachments.NONE;
        }
        if (!e.isJsonObject()) {
            problems.add(new Problem(place, "must be an object such as {\"uploads\": true}"));
            return MailAttachments.NONE;
        }
        JsonObject o = e.getAsJsonObject();
        boolean uploads = o.has("uploads") && bool(o.get("uploads"), place + ".uploads", problems);
        if (uploads && toVisitor) {
            // Else anyone could have Formhaus mail any file to any address.
            problems.add(new Problem(place + ".uploads", "the confirmation goes to whatever address the visitor typed,"
                    + " so it never carries the uploaded files"));
            uploads = false;
        }
        String expose = text(o, "expose", place, problems);
        List<String> documents = new ArrayList<>();
        JsonElement list = o.get("documents");
        if (list != null && !list.isJsonNull()) {
            JsonArray ids = list.isJsonArray() ? list.getAsJsonArray() : new JsonArray();
            if (!list.isJsonArray()) {
                ids.add(list);
            }
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i).isJsonPrimitive() ? ids.get(i).getAsString().strip() : "";
                if (id.matches("\\d{1,18}")) {
                    documents.add(id);
                } else {
                    problems.add(new Problem(place + ".documents[" + i + "]", "'" + id + "' is not the id of a file"
                            + " of the estate in onOffice"));
                }
            }
        }
        return new MailAttachments(uploads, expose, documents);
    }

    private static List<String> addresses(JsonObject o, String key, String place, boolean agentAllowed,
                                          List<Problem> problems) {
        List<String> to = new ArrayList<>();
        JsonElement e = o.get(key);
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
            if (agentAllowed && (address.equals(ResponsibleAgent.KEYWORD) || address.equals(VISITOR))
                    || EmailAddresses.isValid(address)) {
                to.add(address);
            } else {
                problems.add(new Problem(place + "." + key + "[" + i + "]", "'" + address + "' is "
                        + (agentAllowed ? "neither an e-mail address nor '" + ResponsibleAgent.KEYWORD
                        + "' (the responsible agent) nor '" + VISITOR + "'" : "not an e-mail address")));
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
