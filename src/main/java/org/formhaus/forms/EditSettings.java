package org.formhaus.forms;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A form's {@code edit} section: the form edits an existing onOffice record instead of creating one. It opens only
 * through an edit link (sent by another form's e-mail, {@code ${editLinks["<this form's key>"]}}), which loads the
 * record of {@code module} into the fields mapped to {@code module.*}; its submission modifies that record by id.
 * <pre>{@code
 * "edit": {"module": "searchcriteria", "validDays": 30}
 * }</pre>
 * {@code validDays} (1–365, default 30) is how long a link to this form stays valid after it was sent. An address
 * edit may not map contact data (e-mail, phone, fax): onOffice changes those by their old value, which a form does not
 * have. Immutable.
 */
public record EditSettings(String module, int validDays) {

    public static final List<String> MODULES = List.of("address", "searchcriteria", "calendar", "estate");
    public static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 365;
    /** The address fields that are contact data (as {@code mapping.AddressFields} knows them). */
    private static final Set<String> CONTACT = Set.of("Email", "Telefon1", "Telefax1", "mobile", "phone",
            "phone_private", "phone_business", "fax", "fax_private", "fax_business", "email", "email_private",
            "email_business");

    /** The section of a parsed definition (judged when it was saved); null when the form edits nothing. */
    public static EditSettings of(FormDefinition definition) {
        if (definition.source() == null || !definition.source().has("edit")) {
            return null;
        }
        ObjectReader lenient = new ObjectReader(definition.source(), "", new ArrayList<>(), false);
        return read(lenient, definition.fields());
    }

    /** The module prefix of the fields this form loads and writes back: {@code searchcriteria.}. */
    public String prefix() {
        return module + ".";
    }

    /** Reads and judges the section of a definition being parsed; null when absent. {@code fields}: null when they
     * did not parse cleanly (then not judged). */
    static EditSettings read(ObjectReader d, List<Field> fields) {
        JsonElement raw = d.raw("edit");
        if (raw == null || raw.isJsonNull()) {
            return null;
        }
        if (!raw.isJsonObject()) {
            d.problem("edit", "must be an object");
            return null;
        }
        ObjectReader e = d.object("edit");
        String module = e.string("module");
        Integer days = e.integer("validDays");
        e.refuseUnread();
        if (module == null || !MODULES.contains(module)) {
            e.problem("module", "must be one of " + String.join(", ", MODULES));
            return null;
        }
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            e.problem("validDays", "must be between 1 and " + MAX_DAYS + " days");
        }
        if (fields == null) {
            return new EditSettings(module, days == null ? DEFAULT_DAYS : days);
        }
        boolean writes = false;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.maps() == null || !f.maps().startsWith(module + ".")) {
                continue;
            }
            writes = true;
            if (module.equals("address") && CONTACT.contains(f.maps().substring(8))) {
                d.problem("fields[" + i + "].maps", "an edit form cannot change an address's contact data ("
                        + f.maps() + "): onOffice changes it by its old value; show it as text instead");
            }
        }
        if (!writes) {
            e.problem("module", "no field of the form maps a " + module + " field, so there is nothing to edit");
        }
        return new EditSettings(module, days == null ? DEFAULT_DAYS : days);
    }
}
