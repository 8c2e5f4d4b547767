package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.str;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An address's contact entries (e-mails, phones, faxes), kept as {@code _contacts: [{type, value}]} on the stored
 * record, as onOffice keeps them apart from the address fields. Stateless.
 */
final class SimContacts {

    /** The contact parameters onOffice accepts on an address (plus the legacy Email, Telefon1, Telefax1). */
    static final Set<String> KEYS = Set.of("phone", "phone_private", "phone_business", "mobile", "fax",
            "fax_private", "fax_business", "email", "email_private", "email_business");
    private static final String[] WRITTEN = {"email", "email_private", "email_business", "phone", "phone_private",
            "phone_business", "mobile", "fax", "fax_private", "fax_business", "Email", "Telefon1", "Telefax1"};

    private SimContacts() {
    }

    /** Adds the contact parameters of {@code p} to the record's contacts; an object value adds/modifies/deletes one. */
    static void write(JsonObject record, JsonObject p) throws SimError {
        JsonArray contacts = record.getAsJsonArray("_contacts");
        for (String k : WRITTEN) {
            JsonElement v = p.get(k);
            if (v == null || v.isJsonNull()) continue;
            String type = switch (k) {
                case "Email" -> "email";
                case "Telefon1" -> "phone";
                case "Telefax1" -> "fax";
                default -> k;
            };
            if (v.isJsonObject()) {
                change(contacts, type, v.getAsJsonObject());
            } else if (!v.getAsString().isBlank() && !has(contacts, v.getAsString())) {
                JsonObject c = new JsonObject();
                c.addProperty("type", type);
                c.addProperty("value", v.getAsString());
                contacts.add(c);
            }
        }
    }

    private static void change(JsonArray contacts, String type, JsonObject change) throws SimError {
        String action = str(change, "action");
        String oldValue = str(change, "oldvalue");
        String newValue = str(change, "newvalue");
        if ("add".equals(action)) {
            if (newValue == null) throw SimError.missingParameter(type + ".newvalue");
            JsonObject c = new JsonObject();
            c.addProperty("type", type);
            c.addProperty("value", newValue);
            contacts.add(c);
            return;
        }
        List<JsonElement> matches = new ArrayList<>();
        contacts.forEach(c -> {
            if (c.getAsJsonObject().get("value").getAsString().equals(oldValue)) matches.add(c);
        });
        if (matches.size() != 1) {
            throw SimError.invalid(type, "oldvalue must match exactly one entry, matched " + matches.size());
        }
        if ("delete".equals(action)) {
            contacts.remove(matches.get(0));
        } else if ("modify".equals(action)) {
            matches.get(0).getAsJsonObject().addProperty("value", newValue);
        } else {
            throw SimError.invalid(type, "action must be add, modify or delete");
        }
    }

    private static boolean has(JsonArray contacts, String value) {
        for (JsonElement c : contacts) {
            if (c.getAsJsonObject().get("value").getAsString().equalsIgnoreCase(value)) return true;
        }
        return false;
    }

    /** The e-mail addresses of a stored record (its contacts) or of create parameters (its e-mail keys). */
    static List<String> emails(JsonObject o) {
        List<String> emails = new ArrayList<>();
        JsonElement contacts = o.get("_contacts");
        if (contacts != null && contacts.isJsonArray()) {
            contacts.getAsJsonArray().forEach(c -> {
                if (str(c.getAsJsonObject(), "type").startsWith("email")) emails.add(str(c.getAsJsonObject(), "value"));
            });
            return emails;
        }
        for (String k : new String[]{"email", "email_private", "email_business", "Email"}) {
            String v = str(o, k);
            if (v != null && !v.isBlank()) emails.add(v.strip());
        }
        return emails;
    }

    /** The first contact whose type starts with {@code prefix} (e.g. "email"), or "". */
    static String first(JsonObject a, String prefix) {
        JsonElement contacts = a.get("_contacts");
        if (contacts == null) return "";
        for (JsonElement c : contacts.getAsJsonArray()) {
            if (str(c.getAsJsonObject(), "type").startsWith(prefix)) return str(c.getAsJsonObject(), "value");
        }
        return "";
    }
}
