package org.formhaus.simulator;

import static org.formhaus.simulator.SimJson.bool;
import static org.formhaus.simulator.SimJson.strings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.formhaus.onoffice.ApiRight;

/**
 * The address resource: READ (with filters on contact data), CREATE (with duplicate check by e-mail) and MODIFY
 * address, DO registerNewsletter and DO contactaddress (kept as a sent mail). The duplicate check follows apidoc
 * (onoffice-api.md §5, CONFIRMED): with {@code checkDuplicate} only the e-mail matches (no name, postcode or phone);
 * of several matches the lowest id is the one; it is updated with the sent data unless {@code noOverrideByDuplicate},
 * which leaves it unchanged; its id is answered as for a new address (onOffice documents no "was a duplicate" flag).
 * Where the reference is silent the simulator chooses: the sent e-mail keys ({@code email}, {@code email_private},
 * {@code email_business}) are compared with every stored e-mail entry, not only the main one, and without case. registerNewsletter behaves
 * as with double opt-in switched on: {@code newsletter_aktiv} 3, onOffice's own link mail (kept as a mail of kind
 * {@code newsletterDoubleOptIn}) and an agent's-log entry of kind {@code Newsletter} it writes itself. Not thread-safe: called under {@link Simulator}'s lock.
 */
final class SimAddresses {

    private static final Set<String> CONTACT_FILTERS = Set.of("email", "Email", "phone", "Telefon1", "mobile", "fax",
            "Telefax1");
    private static final Set<String> CONTROL = Set.of("checkDuplicate", "noOverrideByDuplicate",
            "default_phone", "default_fax", "default_email");

    private final SimContext c;

    SimAddresses(SimContext context) {
        this.c = context;
    }

    void register(Map<String, SimAction> routes) {
        routes.put("READ address", this::read);
        routes.put("CREATE address", (id, p) -> create(p));
        routes.put("MODIFY address", this::modify);
        routes.put("DO registerNewsletter", this::registerNewsletter);
        routes.put("DO contactaddress", (id, p) -> contactAddress(p));
    }

    private SimOutcome read(String resourceId, JsonObject p) throws SimError {
        if (!c.mayRead(ApiRight.ADDRESSES, ApiRight.READ_ADDRESSES)) return SimOutcome.none();
        List<String> data = strings(p.get("data"));
        JsonObject query = p.deepCopy();
        JsonObject contactFilter = new JsonObject();
        if (query.has("filter") && query.get("filter").isJsonObject()) {
            JsonObject filter = query.getAsJsonObject("filter");
            for (String k : List.copyOf(filter.keySet())) {
                if (CONTACT_FILTERS.contains(k)) contactFilter.add(k, filter.remove(k));
            }
        }
        return c.list("address", resourceId, query, a -> c.addressVisible(a) && contactsMatch(a, contactFilter),
                (id, a) -> elements(id, a, data));
    }

    /**
     * A filter on contact data: {@code Email}, {@code Telefon1}, {@code Telefax1} test only the main (first) entry,
     * {@code email}, {@code phone}, {@code fax} every entry of the kind, as the reference says (§5 READ address);
     * {@code phone} leaves out mobile numbers and {@code mobile} tests them, as the read pseudo-fields do (the
     * reference is silent on filtering mobiles). Values compare as every filter does here: without case.
     */
    private static boolean contactsMatch(JsonObject address, JsonObject filter) {
        for (String key : filter.keySet()) {
            List<String> values = new ArrayList<>();
            switch (key) {
                case "Email" -> values.add(SimContacts.first(address, "email"));
                case "Telefon1" -> values.add(SimContacts.first(address, "phone"));
                case "Telefax1" -> values.add(SimContacts.first(address, "fax"));
                default -> address.getAsJsonArray("_contacts").forEach(e -> {
                    String type = e.getAsJsonObject().get("type").getAsString();
                    if (type.startsWith(key)) values.add(e.getAsJsonObject().get("value").getAsString());
                });
            }
            JsonObject one = new JsonObject();
            one.add(key, filter.get(key));
            boolean any = false;
            for (String v : values) {
                JsonObject view = new JsonObject();
                view.addProperty(key, v);
                any |= SimFilter.matches(view, one);
            }
            if (!any) return false;
        }
        return true;
    }

    private SimOutcome create(JsonObject p) throws SimError {
        c.need("create addresses", ApiRight.ADDRESSES, ApiRight.WRITE_ADDRESSES);
        c.needFieldRights("address", p.keySet(), "write");
        JsonObject fields = fields(p);
        List<String> emails = SimContacts.emails(p);
        if (bool(p.get("checkDuplicate")) && !emails.isEmpty()) {
            for (Map.Entry<Long, JsonObject> e : c.s.table("address").entrySet()) {
                if (SimContacts.emails(e.getValue()).stream().anyMatch(m -> emails.stream().anyMatch(m::equalsIgnoreCase))) {
                    if (!bool(p.get("noOverrideByDuplicate"))) {
                        merge(e.getValue(), fields, p);
                    }
                    return SimOutcome.created(e.getKey(), "address");
                }
            }
        }
        JsonObject record = new JsonObject();
        record.addProperty("homepage_veroeffentlichen", "0");
        record.addProperty("Status", "1");
        record.add("_contacts", new JsonArray());
        merge(record, fields, p);
        return SimOutcome.created(c.s.insert("address", record), "address");
    }

    private SimOutcome modify(String resourceId, JsonObject p) throws SimError {
        c.need("modify addresses", ApiRight.ADDRESSES, ApiRight.WRITE_ADDRESSES);
        c.needFieldRights("address", p.keySet(), "write");
        JsonObject record = c.find("address", resourceId, c::addressVisible);
        JsonObject fields = fields(p);
        merge(record, fields, p);
        return SimOutcome.created(Long.parseLong(resourceId.trim()), "address");
    }

    private SimOutcome registerNewsletter(String resourceId, JsonObject p) throws SimError {
        c.need("modify addresses", ApiRight.ADDRESSES, ApiRight.WRITE_ADDRESSES);
        JsonObject record = c.find("address", resourceId, c::addressVisible);
        boolean register = bool(p.get("register"));
        // the simulated account has double opt-in switched on (Basic settings › General › Newsletter)
        record.addProperty("newsletter_aktiv", register ? "3" : "2");
        List<String> emails = SimContacts.emails(record);
        if (register && !emails.isEmpty()) { // onOffice mails its own confirmation link (template with doilink)
            JsonObject mail = new JsonObject();
            mail.addProperty("kind", "newsletterDoubleOptIn");
            JsonArray to = new JsonArray();
            to.add(emails.get(0));
            mail.add("to", to);
            mail.addProperty("addressId", resourceId.strip());
            mail.addProperty("sentAt", c.now());
            c.s.mails.add(mail);
        }
        // and writes the activity itself: kind "Newsletter"; the type keys for "sent Double Opt-In" and "not ordered"
        // are not documented, these are the simulator's
        JsonObject entry = new JsonObject();
        JsonArray addressIds = new JsonArray();
        addressIds.add(resourceId.strip());
        entry.add("addressids", addressIds);
        entry.addProperty("actionkind", "Newsletter");
        entry.addProperty("actiontype", register ? "DOI versendet" : "nicht bestellt");
        entry.addProperty("datetime", c.now());
        c.s.insert("agentslog", entry);
        return SimOutcome.success();
    }

    private SimOutcome contactAddress(JsonObject p) throws SimError {
        c.need("create addresses", ApiRight.ADDRESSES, ApiRight.WRITE_ADDRESSES);
        JsonObject mail = new JsonObject();
        mail.addProperty("kind", "contactaddress");
        mail.add("parameters", p.deepCopy());
        mail.addProperty("sentAt", c.now());
        c.s.mails.add(mail);
        return SimOutcome.success();
    }

    /** Address fields without contact keys, checked against the catalogue. */
    private JsonObject fields(JsonObject p) throws SimError {
        JsonObject out = new JsonObject();
        for (Map.Entry<String, JsonElement> e : p.entrySet()) {
            String k = e.getKey();
            if (CONTROL.contains(k) || SimContacts.KEYS.contains(k) || k.equals("Email") || k.equals("Telefon1")
                    || k.equals("Telefax1")) {
                continue;
            }
            out.add(k, c.fieldOf("address", k).check(e.getValue()));
        }
        c.userName(p.get("Benutzer")); // the supervisor's user NAME, not the id
        for (String k : SimContacts.KEYS) {
            JsonElement v = p.get(k);
            if (v != null && v.isJsonPrimitive() && k.startsWith("email") && !v.getAsString().isBlank()
                    && !v.getAsString().contains("@")) {
                throw SimError.invalid(k, "not an e-mail address");
            }
        }
        return out;
    }

    private static void merge(JsonObject record, JsonObject fields, JsonObject p) throws SimError {
        fields.entrySet().forEach(e -> record.add(e.getKey(), e.getValue()));
        SimContacts.write(record, p);
    }

    private boolean hiddenTab(String field) {
        SimField f = c.catalogue.field("address", field).orElse(null);
        return f != null && f.writeRights().contains(ApiRight.ADDRESS_OTHER1) && !c.mayRead(ApiRight.ADDRESS_OTHER1);
    }

    private JsonObject elements(long id, JsonObject a, List<String> data) {
        JsonObject e = new JsonObject();
        e.addProperty("id", id);
        List<String> fields = data.isEmpty() ? new ArrayList<>(c.catalogue.module("address").keySet()) : data;
        for (String f : fields) {
            switch (f) {
                case "Email" -> e.addProperty(f, SimContacts.first(a, "email"));
                case "Telefon1" -> e.addProperty(f, SimContacts.first(a, "phone"));
                case "mobile" -> e.addProperty(f, SimContacts.first(a, "mobile"));
                case "Telefax1" -> e.addProperty(f, SimContacts.first(a, "fax"));
                // a field on the AddressOther1 tab without "Read/write AddressOther1" reads as empty: the reference
                // says such fields are "ignored", nothing more (onoffice-rights.md), so the read itself succeeds
                default -> e.add(f, a.has(f) && !hiddenTab(f) ? a.get(f) : new JsonPrimitive(""));
            }
        }
        return e;
    }
}
