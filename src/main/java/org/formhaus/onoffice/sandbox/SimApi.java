package org.formhaus.onoffice.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.ApiRight;

/**
 * Runs one signed-and-checked action against the simulated account. Every handler checks rights first (the
 * operation's rights, then the rights of individual fields), then parameters, then whether records exist, like a
 * real server would. Not thread-safe: called under {@link Simulator}'s lock.
 */
final class SimApi {

    /** What an action produced: {@code data.records} and {@code data.meta.cntabsolute} (null when not a list). */
    record Outcome(JsonArray records, Long cntAbsolute) {
    }

    private static final Set<String> CONTACT_KEYS = Set.of("phone", "phone_private", "phone_business", "mobile", "fax",
            "fax_private", "fax_business", "email", "email_private", "email_business");
    private static final Set<String> ADDRESS_CONTROL = Set.of("checkDuplicate", "noOverrideByDuplicate",
            "default_phone", "default_fax", "default_email");
    private static final Set<String> AGENTSLOG_KEYS = Set.of("addressids", "estateid", "actionkind", "actiontype",
            "origincontact", "features", "note", "datetime", "cost", "duration", "advisorylevel",
            "reasoncancellation", "projectid", "taskid", "appointmentid", "fileids", "userid");
    private static final Set<String> SC_LOCATION = Set.of("range_plz", "range_ort", "range_strasse",
            "range_hausnummer", "range", "range_land", "advisor", "krit_bemerkung");
    /** How long a temporary upload waits for its second step (assumed; onOffice does not document it). */
    static final long TMP_UPLOAD_LIFETIME_MS = 60 * 60 * 1000L;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SimState s;
    private final SimCatalogue catalogue;
    private final Clock clock;

    SimApi(SimState state, SimCatalogue catalogue, Clock clock) {
        this.s = state;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    Outcome run(ActionKind kind, String type, String resourceId, JsonObject p) throws SimError {
        String key = kind.name() + " " + type;
        if (!key.equals("DO unlockProvider")) {
            if (s.marketplace && !s.validClaims.contains(str(p, "extendedclaim"))) {
                throw SimError.extendedClaim();
            }
            // The claim is part of the envelope's parameters, not of the action's own: the handlers never see it.
            p = p.deepCopy();
            p.remove("extendedclaim");
        }
        return switch (key) {
            case "READ address" -> readAddress(resourceId, p);
            case "CREATE address" -> createAddress(p);
            case "MODIFY address" -> modifyAddress(resourceId, p);
            case "DO registerNewsletter" -> registerNewsletter(resourceId, p);
            case "DO contactaddress" -> contactAddress(p);
            case "READ estate" -> readEstate(resourceId, p);
            case "CREATE estate" -> createEstate(p);
            case "MODIFY estate" -> modifyEstate(resourceId, p);
            case "GET search" -> search(resourceId, p);
            case "CREATE searchcriteria" -> createSearchCriteria(p);
            case "MODIFY searchcriteria" -> modifySearchCriteria(resourceId, p);
            case "DELETE searchcriteria" -> deleteSearchCriteria(resourceId);
            case "GET searchcriterias" -> getSearchCriterias(p);
            case "CREATE relation" -> createRelation(p);
            case "GET idsfromrelation" -> idsFromRelation(p);
            case "READ agentslog" -> readSimple("agentslog", "read agents log entries", p,
                    ApiRight.AGENTS_LOG, ApiRight.ACTIVITIES, ApiRight.READ_ENTRIES);
            case "CREATE agentslog" -> createAgentsLog(p);
            case "READ task" -> readSimple("task", "read tasks", p, ApiRight.TASK_MANAGEMENT, ApiRight.READ_TASKS);
            case "CREATE task" -> createTask(p);
            case "MODIFY task" -> modifySimple("task", "modify tasks", resourceId, p, ApiRight.TASK_MANAGEMENT);
            case "READ calendar" -> readSimple("calendar", "read appointments", p,
                    ApiRight.APPOINTMENT_MANAGEMENT, ApiRight.READ_APPOINTMENTS);
            case "CREATE calendar" -> createAppointment(p);
            case "MODIFY calendar" -> modifySimple("calendar", "edit appointments", resourceId, p,
                    ApiRight.APPOINTMENT_MANAGEMENT, ApiRight.EDIT_APPOINTMENTS);
            case "READ project" -> readSimple("project", "read projects", p,
                    ApiRight.PROJECT_MANAGEMENT, ApiRight.READ_PROJECTS);
            case "MODIFY project" -> modifySimple("project", "write projects", resourceId, p,
                    ApiRight.PROJECT_MANAGEMENT, ApiRight.WRITE_PROJECTS);
            case "GET users" -> users();
            case "GET fields" -> fields(p);
            case "GET searchCriteriaFields" -> new Outcome(catalogue.searchCriteriaRecords(str(p, "language")), null);
            case "GET actionkindtypes" -> actionKindTypes();
            case "GET templates" -> templates(p);
            case "DO sendmail" -> sendMail(p);
            case "DO unlockProvider" -> unlockProvider(p);
            case "DO uploadfile" -> p.has("tmpUploadId") ? linkUpload(p) : upload(p);
            default -> throw new SimError(SimError.UNKNOWN_ACTION, "Unknown resource type '" + type + "' for action "
                    + kind.name().toLowerCase(Locale.ROOT));
        };
    }

    // ---- rights --------------------------------------------------------------------------------------------------

    /**
     * The simulator's missing-right error. Real onOffice's code and wording for a missing right are not documented;
     * the simulator uses code 140 and names both the operation and the right (in double quotes).
     */
    private void need(String operation, ApiRight... rights) throws SimError {
        for (ApiRight r : rights) {
            if (!s.has(r)) {
                throw new SimError(SimError.MISSING_RIGHT, "No permission to " + operation
                        + ": the API user lacks the right \"" + r.label() + "\"");
            }
        }
    }

    private void needFieldRights(String module, Iterable<String> keys, String operation) throws SimError {
        for (String key : keys) {
            SimField f = catalogue.field(module, key).orElse(null);
            if (f != null && f.writeRight() != null) {
                need(operation + " field '" + key + "'", f.writeRight());
            }
        }
    }

    private boolean addressVisible(JsonObject a) {
        return !s.has(ApiRight.ONLY_PUBLISHED_CONTACTS) || "1".equals(str(a, "homepage_veroeffentlichen"));
    }

    private boolean estateVisible(JsonObject e) {
        return !s.has(ApiRight.ONLY_PUBLISHED_PROPERTIES) || "1".equals(str(e, "veroeffentlichen"));
    }

    // ---- addresses -----------------------------------------------------------------------------------------------

    private Outcome readAddress(String resourceId, JsonObject p) throws SimError {
        need("read addresses", ApiRight.ADDRESSES, ApiRight.READ_ADDRESSES);
        List<String> data = strings(p.get("data"));
        needFieldRights("address", data, "read");
        return list("address", resourceId, p, this::addressVisible, (id, a) -> addressElements(id, a, data));
    }

    private Outcome createAddress(JsonObject p) throws SimError {
        need("create addresses", ApiRight.ADDRESSES, ApiRight.WRITE_ADDRESSES);
        needFieldRights("address", p.keySet(), "write");
        JsonObject fields = addressFields(p);
        List<String> emails = emailsOf(p);
        if (bool(p.get("checkDuplicate")) && !emails.isEmpty()) {
            for (Map.Entry<Long, JsonObject> e : s.table("address").entrySet()) {
                if (emailsOf(e.getValue()).stream().anyMatch(m -> emails.stream().anyMatch(m::equalsIgnoreCase))) {
                    if (!bool(p.get("noOverrideByDuplicate"))) {
                        merge(e.getValue(), fields, p);
                    }
                    return created(e.getKey(), "address");
                }
            }
        }
        JsonObject record = new JsonObject();
        record.addProperty("homepage_veroeffentlichen", "0");
        record.addProperty("Status", "1");
        record.add("_contacts", new JsonArray());
        merge(record, fields, p);
        return created(s.insert("address", record), "address");
    }

    private Outcome modifyAddress(String resourceId, JsonObject p) throws SimError {
        need("modify addresses", ApiRight.ADDRESSES, ApiRight.WRITE_ADDRESSES);
        needFieldRights("address", p.keySet(), "write");
        JsonObject record = find("address", resourceId, this::addressVisible);
        JsonObject fields = addressFields(p);
        merge(record, fields, p);
        return created(Long.parseLong(resourceId.trim()), "address");
    }

    private Outcome registerNewsletter(String resourceId, JsonObject p) throws SimError {
        need("modify addresses", ApiRight.ADDRESSES, ApiRight.WRITE_ADDRESSES);
        JsonObject record = find("address", resourceId, this::addressVisible);
        record.addProperty("newsletter_aktiv", bool(p.get("register")) ? "3" : "2");
        return success();
    }

    private Outcome contactAddress(JsonObject p) throws SimError {
        need("create addresses", ApiRight.ADDRESSES, ApiRight.WRITE_ADDRESSES);
        JsonObject mail = new JsonObject();
        mail.addProperty("kind", "contactaddress");
        mail.add("parameters", p.deepCopy());
        mail.addProperty("sentAt", now());
        s.mails.add(mail);
        return success();
    }

    /** Address fields without contact keys, checked against the catalogue. */
    private JsonObject addressFields(JsonObject p) throws SimError {
        JsonObject out = new JsonObject();
        for (Map.Entry<String, JsonElement> e : p.entrySet()) {
            String k = e.getKey();
            if (ADDRESS_CONTROL.contains(k) || CONTACT_KEYS.contains(k) || k.equals("Email") || k.equals("Telefon1")
                    || k.equals("Telefax1")) {
                continue;
            }
            out.add(k, value(fieldOf("address", k), e.getValue()));
        }
        for (String k : CONTACT_KEYS) {
            JsonElement v = p.get(k);
            if (v != null && v.isJsonPrimitive() && k.startsWith("email") && !v.getAsString().isBlank()
                    && !v.getAsString().contains("@")) {
                throw SimError.invalid(k, "not an e-mail address");
            }
        }
        return out;
    }

    private void merge(JsonObject record, JsonObject fields, JsonObject p) throws SimError {
        fields.entrySet().forEach(e -> record.add(e.getKey(), e.getValue()));
        JsonArray contacts = record.getAsJsonArray("_contacts");
        for (String k : new String[]{"email", "email_private", "email_business", "phone", "phone_private",
                "phone_business", "mobile", "fax", "fax_private", "fax_business", "Email", "Telefon1", "Telefax1"}) {
            JsonElement v = p.get(k);
            if (v == null || v.isJsonNull()) continue;
            String type = switch (k) {
                case "Email" -> "email";
                case "Telefon1" -> "phone";
                case "Telefax1" -> "fax";
                default -> k;
            };
            if (v.isJsonObject()) {
                changeContact(contacts, type, v.getAsJsonObject());
            } else if (!v.getAsString().isBlank() && !hasContact(contacts, v.getAsString())) {
                JsonObject c = new JsonObject();
                c.addProperty("type", type);
                c.addProperty("value", v.getAsString());
                contacts.add(c);
            }
        }
    }

    private static void changeContact(JsonArray contacts, String type, JsonObject change) throws SimError {
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

    private static boolean hasContact(JsonArray contacts, String value) {
        for (JsonElement c : contacts) {
            if (c.getAsJsonObject().get("value").getAsString().equalsIgnoreCase(value)) return true;
        }
        return false;
    }

    private static List<String> emailsOf(JsonObject o) {
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

    private static String contact(JsonObject a, String prefix) {
        JsonElement contacts = a.get("_contacts");
        if (contacts == null) return "";
        for (JsonElement c : contacts.getAsJsonArray()) {
            if (str(c.getAsJsonObject(), "type").startsWith(prefix)) return str(c.getAsJsonObject(), "value");
        }
        return "";
    }

    private JsonObject addressElements(long id, JsonObject a, List<String> data) {
        JsonObject e = new JsonObject();
        e.addProperty("id", id);
        List<String> fields = data.isEmpty() ? new ArrayList<>(catalogue.module("address").keySet()) : data;
        for (String f : fields) {
            switch (f) {
                case "Email" -> e.addProperty(f, contact(a, "email"));
                case "Telefon1" -> e.addProperty(f, contact(a, "phone"));
                case "mobile" -> e.addProperty(f, contact(a, "mobile"));
                case "Telefax1" -> e.addProperty(f, contact(a, "fax"));
                default -> e.add(f, a.has(f) ? a.get(f) : new JsonPrimitive(""));
            }
        }
        return e;
    }

    // ---- estates -------------------------------------------------------------------------------------------------

    private Outcome readEstate(String resourceId, JsonObject p) throws SimError {
        need("read properties", ApiRight.PROPERTY, ApiRight.READ_PROPERTIES);
        List<String> data = strings(p.get("data"));
        return list("estate", resourceId, p, this::estateVisible, (id, e) -> {
            JsonObject out = new JsonObject();
            List<String> fields = data.isEmpty() ? new ArrayList<>(catalogue.module("estate").keySet()) : data;
            for (String f : fields) {
                out.add(f, f.equals("Id") ? new JsonPrimitive(String.valueOf(id))
                        : e.has(f) ? e.get(f) : JsonNull.INSTANCE);
            }
            return out;
        });
    }

    private Outcome createEstate(JsonObject p) throws SimError {
        need("create properties", ApiRight.PROPERTY, ApiRight.WRITE_PROPERTIES);
        JsonObject data = object(p, "data");
        needFieldRights("estate", data.keySet(), "write");
        JsonObject record = new JsonObject();
        record.addProperty("veroeffentlichen", "0");
        record.addProperty("status", "1");
        record.addProperty("verkauft", "0");
        record.addProperty("reserviert", "0");
        copyValidated("estate", data, record);
        record.addProperty("geaendert_am", now());
        return created(s.insert("estate", record), "estate");
    }

    private Outcome modifyEstate(String resourceId, JsonObject p) throws SimError {
        need("modify properties", ApiRight.PROPERTY, ApiRight.WRITE_PROPERTIES);
        JsonObject data = object(p, "data");
        needFieldRights("estate", data.keySet(), "write");
        JsonObject record = find("estate", resourceId, this::estateVisible);
        copyValidated("estate", data, record);
        record.addProperty("geaendert_am", now());
        return created(Long.parseLong(resourceId.trim()), "estate");
    }

    // ---- search ----------------------------------------------------------------------------------------------------

    private Outcome search(String module, JsonObject p) throws SimError {
        String input = str(p, "input");
        switch (module) {
            case "address" -> need("read addresses", ApiRight.ADDRESSES, ApiRight.READ_ADDRESSES);
            case "estate" -> need("read properties", ApiRight.PROPERTY, ApiRight.READ_PROPERTIES);
            case "searchcriteria" -> need("read search criteria", ApiRight.READ_SEARCH_CRITERIA);
            default -> throw SimError.invalid("resourceid", "search supports address, estate and searchcriteria");
        }
        if (input == null) throw SimError.missingParameter("input");
        String needle = input.toLowerCase(Locale.ROOT);
        JsonArray records = new JsonArray();
        for (Map.Entry<Long, JsonObject> e : s.table(module).entrySet()) {
            JsonObject r = e.getValue();
            if (module.equals("address") && !addressVisible(r)) continue;
            if (module.equals("estate") && !estateVisible(r)) continue;
            if (!r.toString().toLowerCase(Locale.ROOT).contains(needle)) continue;
            JsonObject el = new JsonObject();
            if (module.equals("address")) {
                el.add("customerno", r.has("KdNr") ? r.get("KdNr") : new JsonPrimitive(""));
                el.addProperty("firstname", strOr(r, "Vorname"));
                el.addProperty("surname", strOr(r, "Name"));
                el.addProperty("company", strOr(r, "Zusatz1"));
                el.addProperty("emailaddress", String.join(", ", emailsOf(r)));
                el.addProperty("primaryEmail", contact(r, "email"));
            } else {
                r.entrySet().forEach(x -> {
                    if (!x.getKey().startsWith("_")) el.add(x.getKey(), x.getValue());
                });
            }
            records.add(record(e.getKey(), module, el));
        }
        return new Outcome(records, (long) records.size());
    }

    // ---- search criteria -----------------------------------------------------------------------------------------

    private Outcome createSearchCriteria(JsonObject p) throws SimError {
        need("create search criteria", ApiRight.WRITE_SEARCH_CRITERIA);
        if (!s.has(ApiRight.WRITE_ADDRESSES)) {
            need("create search criteria without write access to addresses",
                    ApiRight.CREATE_SEARCH_CRITERIA_WITHOUT_ADDRESS_WRITE);
        }
        String addressId = str(p, "addressid");
        if (addressId == null) addressId = str(p, "adressid");
        if (addressId == null) throw SimError.missingParameter("addressid");
        find("address", addressId, this::addressVisible);
        JsonObject record = new JsonObject();
        record.addProperty("adresse", addressId);
        copySearchCriteria(object(p, "data"), record);
        return created(s.insert("searchcriteria", record), "searchcriteria");
    }

    private Outcome modifySearchCriteria(String resourceId, JsonObject p) throws SimError {
        need("modify search criteria", ApiRight.WRITE_SEARCH_CRITERIA);
        JsonObject record = find("searchcriteria", resourceId, r -> true);
        copySearchCriteria(object(p, "data"), record);
        return created(Long.parseLong(resourceId.trim()), "searchcriteria");
    }

    private Outcome deleteSearchCriteria(String resourceId) throws SimError {
        need("delete search criteria", ApiRight.WRITE_SEARCH_CRITERIA);
        find("searchcriteria", resourceId, r -> true);
        s.table("searchcriteria").remove(Long.parseLong(resourceId.trim()));
        return success();
    }

    private void copySearchCriteria(JsonObject data, JsonObject record) throws SimError {
        for (Map.Entry<String, JsonElement> e : data.entrySet()) {
            String k = e.getKey();
            if (SC_LOCATION.contains(k)) {
                record.add(k, e.getValue());
                continue;
            }
            String base = k.replaceFirst("__(von|bis)$", "");
            SimField f = fieldOf("searchcriteria", base);
            if (!base.equals(k) && !f.rangeField()) throw SimError.invalid(k, "'" + base + "' is not a range field");
            if (e.getValue().isJsonArray() && f.rangeField()) {
                JsonArray range = e.getValue().getAsJsonArray();
                if (range.size() > 0) record.add(base + "__von", value(f, range.get(0)));
                if (range.size() > 1) record.add(base + "__bis", value(f, range.get(1)));
            } else {
                record.add(k, value(f, e.getValue()));
            }
        }
    }

    private Outcome getSearchCriterias(JsonObject p) throws SimError {
        need("read search criteria", ApiRight.READ_SEARCH_CRITERIA);
        String mode = str(p, "mode");
        if (mode == null) throw SimError.missingParameter("mode");
        List<String> ids = strings(p.get("ids"));
        JsonArray records = new JsonArray();
        for (Map.Entry<Long, JsonObject> e : s.table("searchcriteria").entrySet()) {
            String key = mode.equals("searchcriteria") ? String.valueOf(e.getKey()) : str(e.getValue(), "adresse");
            if (!ids.contains(key)) continue;
            JsonObject el = new JsonObject();
            e.getValue().entrySet().forEach(x -> el.add(x.getKey(), x.getValue()));
            JsonObject meta = new JsonObject();
            meta.addProperty("internaladdressid", str(e.getValue(), "adresse"));
            el.add("_meta", meta);
            records.add(record(e.getKey(), "searchcriteria", el));
        }
        return new Outcome(records, null);
    }

    // ---- relations -----------------------------------------------------------------------------------------------

    private Outcome createRelation(JsonObject p) throws SimError {
        String type = str(p, "relationtype");
        if (type == null) throw SimError.missingParameter("relationtype");
        List<String> parents = strings(p.get("parentid"));
        List<String> children = strings(p.get("childid"));
        if (parents.isEmpty()) throw SimError.missingParameter("parentid");
        if (children.isEmpty()) throw SimError.missingParameter("childid");
        String[] parts = type.replace("urn:onoffice-de-ns:smart:2.5:relationTypes:", "").split(":");
        for (String parent : parents) checkRelated(parts.length > 0 ? parts[0] : "", parent);
        for (String child : children) checkRelated(parts.length > 1 ? parts[1] : "", child);
        JsonArray records = new JsonArray();
        for (String parent : parents) {
            for (String child : children) {
                JsonObject rel = new JsonObject();
                rel.addProperty("relationtype", type);
                rel.addProperty("parentid", parent);
                rel.addProperty("childid", child);
                s.insert("relation", rel);
            }
        }
        JsonObject ok = record(0, "relation", new JsonObject());
        records.add(ok);
        return new Outcome(records, null);
    }

    /** The related record must exist and be visible to the API user (so an unpublished estate cannot be linked). */
    private void checkRelated(String module, String id) throws SimError {
        switch (module) {
            case "estate" -> {
                need("read properties", ApiRight.PROPERTY, ApiRight.READ_PROPERTIES);
                find("estate", id, this::estateVisible);
            }
            case "address" -> {
                need("read addresses", ApiRight.ADDRESSES, ApiRight.READ_ADDRESSES);
                find("address", id, this::addressVisible);
            }
            case "calendar" -> find("calendar", id, r -> true);
            default -> {
            }
        }
    }

    private Outcome idsFromRelation(JsonObject p) throws SimError {
        String type = str(p, "relationtype");
        if (type == null) throw SimError.missingParameter("relationtype");
        boolean byParent = p.has("parentids");
        if (byParent == p.has("childids")) throw SimError.invalid("parentids", "give either parentids or childids");
        List<String> ids = strings(byParent ? p.get("parentids") : p.get("childids"));
        JsonObject related = new JsonObject();
        for (String id : ids) {
            JsonArray found = new JsonArray();
            for (JsonObject rel : s.table("relation").values()) {
                if (type.equals(str(rel, "relationtype")) && id.equals(str(rel, byParent ? "parentid" : "childid"))) {
                    found.add(str(rel, byParent ? "childid" : "parentid"));
                }
            }
            related.add(id, found);
        }
        JsonArray records = new JsonArray();
        JsonObject rec = new JsonObject();
        rec.addProperty("id", "relatedIds");
        rec.addProperty("type", "");
        rec.add("elements", related);
        records.add(rec);
        return new Outcome(records, null);
    }

    // ---- agents log, tasks, appointments, projects -----------------------------------------------------------------

    private Outcome createAgentsLog(JsonObject p) throws SimError {
        need("write agents log entries", ApiRight.AGENTS_LOG, ApiRight.ACTIVITIES, ApiRight.WRITE_ENTRIES);
        for (String k : p.keySet()) {
            if (!AGENTSLOG_KEYS.contains(k)) throw new SimError(SimError.UNKNOWN_FIELD, "Unknown field '" + k + "' for module agentsLog");
        }
        List<String> addressIds = strings(p.get("addressids"));
        String estateId = str(p, "estateid");
        if (addressIds.isEmpty() && (estateId == null || estateId.isBlank())) {
            throw SimError.missingParameter("addressids or estateid");
        }
        for (String id : addressIds) find("address", id, r -> true);
        if (estateId != null && !estateId.isBlank()) find("estate", estateId, r -> true);
        JsonObject record = p.deepCopy();
        if (!record.has("datetime")) record.addProperty("datetime", now());
        return created(s.insert("agentslog", record), "agentsLog");
    }

    private Outcome createTask(JsonObject p) throws SimError {
        need("create tasks", ApiRight.TASK_MANAGEMENT);
        JsonObject record = new JsonObject();
        copyValidated("task", object(p, "data"), record);
        String addressId = str(p, "relatedAddressId");
        if (addressId != null) {
            find("address", addressId, r -> true);
            record.addProperty("relatedAddressId", addressId);
        }
        String estateId = str(p, "relatedEstateId");
        if (estateId != null) {
            find("estate", estateId, r -> true);
            record.addProperty("relatedEstateId", estateId);
        }
        return created(s.insert("task", record), "task");
    }

    private Outcome createAppointment(JsonObject p) throws SimError {
        need("create appointments", ApiRight.APPOINTMENT_MANAGEMENT);
        JsonObject data = object(p, "data");
        JsonObject record = new JsonObject();
        copyValidated("calendar", data, record);
        if (!record.has("start_dt")) throw SimError.missingParameter("data.start_dt");
        if (!record.has("end_dt")) throw SimError.missingParameter("data.end_dt");
        for (String id : strings(p.get("relatedAddressIds"))) find("address", id, r -> true);
        if (p.has("relatedAddressIds")) record.add("relatedAddressIds", p.get("relatedAddressIds"));
        if (p.has("relatedEstateId")) record.add("relatedEstateId", p.get("relatedEstateId"));
        if (p.has("subscribers")) record.add("subscribers", p.get("subscribers"));
        return created(s.insert("calendar", record), "calendar");
    }

    private Outcome readSimple(String type, String operation, JsonObject p, ApiRight... rights) throws SimError {
        need(operation, rights);
        return list(type, "", p, r -> true, (id, r) -> r.deepCopy());
    }

    private Outcome modifySimple(String type, String operation, String resourceId, JsonObject p, ApiRight... rights)
            throws SimError {
        need(operation, rights);
        JsonObject record = find(type, resourceId, r -> true);
        if (catalogue.module(type).isEmpty()) {
            object(p, "data").entrySet().forEach(e -> record.add(e.getKey(), e.getValue()));
        } else {
            copyValidated(type, object(p, "data"), record);
        }
        return created(Long.parseLong(resourceId.trim()), type);
    }

    // ---- metadata, templates, mail, marketplace ------------------------------------------------------------------

    private Outcome users() throws SimError {
        need("read user data", ApiRight.READ_USER_DATA);
        JsonArray records = new JsonArray();
        for (JsonObject u : s.users) {
            JsonObject rec = new JsonObject();
            rec.add("id", u.get("id"));
            rec.add("type", JsonNull.INSTANCE);
            rec.add("elements", u.deepCopy());
            records.add(rec);
        }
        return new Outcome(records, null);
    }

    private Outcome fields(JsonObject p) {
        boolean labels = bool(p.get("labels"));
        return new Outcome(catalogue.fieldsRecords(strings(p.get("modules")), str(p, "language"), labels), null);
    }

    private Outcome actionKindTypes() {
        JsonArray records = new JsonArray();
        String[][] kinds = {{"Email", "Eingang", "Ausgang"}, {"Anruf", "Eingang", "Ausgang"},
                {"Termin", "Besichtigung", "Beratung"}, {"Kontaktaufnahme", "Anfrage", "Rückruf"}};
        for (int i = 0; i < kinds.length; i++) {
            JsonObject el = new JsonObject();
            el.addProperty("key", kinds[i][0]);
            el.addProperty("label", kinds[i][0]);
            JsonObject types = new JsonObject();
            for (int j = 1; j < kinds[i].length; j++) types.addProperty(kinds[i][j], kinds[i][j]);
            el.add("types", types);
            el.addProperty("default", kinds[i][1]);
            records.add(record(i, "actionkind", el));
        }
        return new Outcome(records, null);
    }

    private Outcome templates(JsonObject p) throws SimError {
        String type = str(p, "type");
        if (type == null) throw SimError.missingParameter("type");
        switch (type) {
            case "mail" -> need("read email templates", ApiRight.EMAIL_TEMPLATES);
            case "pdfletter" -> need("read letter templates", ApiRight.LETTER_TEMPLATES);
            case "pdfform" -> need("read PDF forms", ApiRight.PDF_FORMS);
            case "pdf", "webexpose" -> {
            }
            default -> throw SimError.invalid("type", "use mail, pdf, pdfletter, pdfform or webexpose");
        }
        JsonArray records = new JsonArray();
        JsonObject el = new JsonObject();
        el.addProperty("title", type.equals("mail") ? "Anfragebestätigung" : "Vorlage " + type);
        if (type.equals("mail")) el.addProperty("subject", "Ihre Anfrage");
        records.add(record(1, "template", el));
        return new Outcome(records, null);
    }

    private Outcome sendMail(JsonObject p) throws SimError {
        String identity = str(p, "emailidentity");
        if (identity == null || identity.isBlank()) throw SimError.missingParameter("emailidentity");
        if (s.assignedMailboxes.stream().noneMatch(identity::equalsIgnoreCase)) {
            throw new SimError(SimError.IDENTITY_NOT_ASSIGNED, "Email identity '" + identity
                    + "' is not assigned to the API user");
        }
        if (p.has("templateid")) need("use email templates", ApiRight.EMAIL_TEMPLATES);
        List<String> receivers = strings(p.get("receiver"));
        if (receivers.isEmpty()) throw SimError.missingParameter("receiver (at least one valid entry)");
        for (String r : receivers) {
            if (!r.contains("@") && !r.matches("\\d+")) throw SimError.invalid("receiver", "'" + r + "' is neither an e-mail address nor an address id");
        }
        JsonObject mail = new JsonObject();
        mail.addProperty("from", identity);
        JsonArray to = new JsonArray();
        receivers.forEach(to::add);
        mail.add("to", to);
        for (String k : new String[]{"subject", "body", "replyto", "useHtml", "cc", "bcc", "templateid", "estateids"}) {
            if (p.has(k)) mail.add(k, p.get(k));
        }
        mail.addProperty("sentAt", now());
        s.mails.add(mail);
        return success();
    }

    private Outcome unlockProvider(JsonObject p) throws SimError {
        if (str(p, "parameterCacheId") == null) throw SimError.missingParameter("parameterCacheId");
        String claim = str(p, "extendedclaim");
        if (claim == null || claim.isBlank()) {
            throw SimError.extendedClaim();
        }
        // From now on this API user is the customer's marketplace API user: every call needs a claim. onOffice
        // announced that the unlock-time claim will become valid for the unlock only; today it still works.
        s.marketplace = true;
        s.validClaims.add(claim);
        return success();
    }

    // ---- files -----------------------------------------------------------------------------------------------------

    /**
     * uploadfile, first step: keeps the bytes under a new temporary id and answers it as
     * {@code records[0].elements.tmpUploadId} (that shape, the lack of a right for this step and the lifetime of
     * {@link #TMP_UPLOAD_LIFETIME_MS} are the simulator's assumptions; onOffice documents only the id).
     */
    private Outcome upload(JsonObject p) throws SimError {
        String data = str(p, "data");
        if (data == null || data.isEmpty()) throw SimError.missingParameter("data");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw SimError.invalid("data", "not base64");
        }
        String id = "tmp" + s.nextTmpUpload++ + "-" + Long.toHexString(clock.millis());
        s.tmpUploads.put(id, new SimState.TmpUpload(bytes, clock.millis()));
        JsonObject el = new JsonObject();
        el.addProperty("tmpUploadId", id);
        JsonArray records = new JsonArray();
        records.add(record(0, "", el));
        return new Outcome(records, null);
    }

    /**
     * uploadfile, second step: needs the right to write the module's records, a temporary upload that exists (each is
     * used once and expires), and a related record the API user can see; stores a {@code file} record.
     */
    private Outcome linkUpload(JsonObject p) throws SimError {
        String module = str(p, "module");
        if (module == null || module.isBlank()) throw SimError.missingParameter("module");
        switch (module) {
            case "estate" -> need("upload files to properties", ApiRight.PROPERTY, ApiRight.WRITE_PROPERTIES);
            case "address" -> need("upload files to addresses", ApiRight.ADDRESSES, ApiRight.WRITE_ADDRESSES);
            default -> throw SimError.invalid("module", "'" + module + "' (the simulator attaches files to estate and "
                    + "address records)");
        }
        String tmpId = str(p, "tmpUploadId");
        String related = str(p, "relatedRecordId");
        String fileName = str(p, "file");
        if (tmpId == null || tmpId.isBlank()) throw SimError.missingParameter("tmpUploadId");
        if (related == null || related.isBlank()) throw SimError.missingParameter("relatedRecordId");
        if (fileName == null || fileName.isBlank()) throw SimError.missingParameter("file");
        SimState.TmpUpload upload = s.tmpUploads.get(tmpId);
        if (upload == null || clock.millis() - upload.receivedMs() > TMP_UPLOAD_LIFETIME_MS) {
            s.tmpUploads.remove(tmpId);
            throw SimError.notFound("tmpUploadId", tmpId);
        }
        find(module, related, module.equals("estate") ? this::estateVisible : this::addressVisible);
        s.tmpUploads.remove(tmpId);
        JsonObject file = new JsonObject();
        file.addProperty("module", module);
        file.addProperty("relatedRecordId", related);
        file.addProperty("file", fileName);
        for (String k : new String[]{"title", "Art", "freetext", "documentAttribute"}) {
            if (p.has(k)) file.add(k, p.get(k));
        }
        file.addProperty("size", upload.data().length);
        file.addProperty("sha256", sha256(upload.data()));
        s.insert("file", file);
        return success();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** Forgets every temporary upload, as if they had expired; the next second step answers record-not-found. */
    void expireUploads() {
        s.tmpUploads.clear();
    }

    // ---- listing, lookup, validation -----------------------------------------------------------------------------

    private interface Render {
        JsonObject apply(long id, JsonObject record);
    }

    private Outcome list(String type, String resourceId, JsonObject p, Predicate<JsonObject> visible, Render render)
            throws SimError {
        List<String> wanted = new ArrayList<>(strings(p.get("recordids")));
        if (resourceId != null && !resourceId.isBlank()) wanted.add(resourceId.trim());
        JsonObject filter = object(p, "filter");
        List<Map.Entry<Long, JsonObject>> hits = new ArrayList<>();
        for (Map.Entry<Long, JsonObject> e : s.table(type).entrySet()) {
            if (!wanted.isEmpty() && !wanted.contains(String.valueOf(e.getKey()))) continue;
            if (!visible.test(e.getValue()) || !SimFilter.matches(e.getValue(), filter)) continue;
            hits.add(e);
        }
        sort(hits, p);
        int limit = p.has("listlimit") ? Math.max(0, Math.min(500, p.get("listlimit").getAsInt())) : 20;
        int offset = p.has("listoffset") ? Math.max(0, p.get("listoffset").getAsInt()) : 0;
        JsonArray records = new JsonArray();
        String recordType = type.equals("agentslog") ? "agentsLog" : type;
        hits.stream().skip(offset).limit(limit).forEach(e -> records.add(record(e.getKey(), recordType,
                strip(render.apply(e.getKey(), e.getValue())))));
        return new Outcome(records, (long) hits.size());
    }

    private static void sort(List<Map.Entry<Long, JsonObject>> hits, JsonObject p) {
        JsonElement sortBy = p.get("sortby");
        String field = null;
        boolean desc = "DESC".equalsIgnoreCase(str(p, "sortorder"));
        if (sortBy != null && sortBy.isJsonObject() && !sortBy.getAsJsonObject().keySet().isEmpty()) {
            field = sortBy.getAsJsonObject().keySet().iterator().next();
            desc = "DESC".equalsIgnoreCase(str(sortBy.getAsJsonObject(), field));
        } else if (sortBy != null && sortBy.isJsonPrimitive()) {
            field = sortBy.getAsString();
        }
        if (field == null) return;
        String f = field;
        Comparator<Map.Entry<Long, JsonObject>> c = (a, b) -> SimFilter.compare(
                f.equalsIgnoreCase("Id") || f.equals("KdNr") && !a.getValue().has(f) ? new JsonPrimitive(a.getKey()) : a.getValue().get(f),
                f.equalsIgnoreCase("Id") || f.equals("KdNr") && !b.getValue().has(f) ? new JsonPrimitive(b.getKey()) : b.getValue().get(f));
        hits.sort(desc ? c.reversed() : c);
    }

    private JsonObject find(String type, String id, Predicate<JsonObject> visible) throws SimError {
        TreeMap<Long, JsonObject> table = s.table(type);
        try {
            JsonObject r = table.get(Long.parseLong(id == null ? "" : id.trim()));
            if (r != null && visible.test(r)) return r;
        } catch (NumberFormatException e) {
            // not a number: not found either
        }
        throw SimError.notFound(type, id);
    }

    private void copyValidated(String module, JsonObject data, JsonObject target) throws SimError {
        for (Map.Entry<String, JsonElement> e : data.entrySet()) {
            target.add(e.getKey(), value(fieldOf(module, e.getKey()), e.getValue()));
        }
    }

    private SimField fieldOf(String module, String name) throws SimError {
        return catalogue.field(module, name).orElseThrow(() ->
                new SimError(SimError.UNKNOWN_FIELD, "Unknown field '" + name + "' for module " + module));
    }

    /** Checks a written value against the field's type; returns what is stored (multiselect as "|a||b|"). */
    private static JsonElement value(SimField f, JsonElement v) throws SimError {
        if (v == null || v.isJsonNull() || (v.isJsonPrimitive() && v.getAsString().isEmpty())) return new JsonPrimitive("");
        String name = f.name();
        switch (f.type()) {
            case "multiselect" -> {
                List<String> keys = v.isJsonArray() ? strings(v) : List.of(v.getAsString().replace("|", " ").trim().split("\\s+"));
                StringBuilder sb = new StringBuilder();
                for (String k : keys) {
                    if (!f.values().containsKey(k)) throw SimError.invalid(name, "'" + k + "' is not a permitted value");
                    sb.append('|').append(k).append('|');
                }
                return new JsonPrimitive(sb.toString());
            }
            case "singleselect" -> {
                String k = scalar(f, v);
                if (f.values().containsKey(k)) return new JsonPrimitive(k);
                for (Map.Entry<String, String[]> e : f.values().entrySet()) {
                    if (e.getValue()[0].equalsIgnoreCase(k)) return new JsonPrimitive(e.getKey()); // e.g. Land "Deutschland"
                }
                throw SimError.invalid(name, "'" + k + "' is not a permitted value");
            }
            case "integer" -> {
                String x = scalar(f, v);
                if (!x.matches("-?\\d+")) throw SimError.invalid(name, "'" + x + "' is not an integer");
                return new JsonPrimitive(Long.parseLong(x));
            }
            case "float" -> {
                String x = scalar(f, v).replace(',', '.');
                try {
                    return new JsonPrimitive(new BigDecimal(x).toPlainString());
                } catch (NumberFormatException e) {
                    throw SimError.invalid(name, "'" + x + "' is not a number");
                }
            }
            case "boolean" -> {
                String x = scalar(f, v).toLowerCase(Locale.ROOT);
                if (x.equals("true") || x.equals("1")) return new JsonPrimitive("1");
                if (x.equals("false") || x.equals("0")) return new JsonPrimitive("0");
                throw SimError.invalid(name, "'" + x + "' is not a boolean");
            }
            case "date" -> {
                String x = scalar(f, v);
                if (!x.matches("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}(:\\d{2})?)?")) {
                    throw SimError.invalid(name, "'" + x + "' is not a date (Y-m-d or Y-m-d H:i:s)");
                }
                return new JsonPrimitive(x);
            }
            default -> {
                String x = scalar(f, v);
                if (f.length() != null && x.length() > f.length()) {
                    throw SimError.invalid(name, "longer than " + f.length() + " characters");
                }
                return new JsonPrimitive(x);
            }
        }
    }

    private static String scalar(SimField f, JsonElement v) throws SimError {
        if (!v.isJsonPrimitive()) throw SimError.invalid(f.name(), "expected a single value");
        return v.getAsString().strip();
    }

    // ---- small helpers ---------------------------------------------------------------------------------------------

    private Outcome created(long id, String type) {
        JsonArray records = new JsonArray();
        JsonObject rec = new JsonObject();
        rec.addProperty("id", id);
        rec.addProperty("type", type);
        rec.add("elements", new JsonArray()); // onOffice sends [] on create
        records.add(rec);
        return new Outcome(records, null);
    }

    private static Outcome success() {
        JsonArray records = new JsonArray();
        JsonObject el = new JsonObject();
        el.addProperty("success", "success");
        JsonObject rec = new JsonObject();
        rec.addProperty("id", 0);
        rec.addProperty("type", "");
        rec.add("elements", el);
        records.add(rec);
        return new Outcome(records, null);
    }

    private static JsonObject record(long id, String type, JsonObject elements) {
        JsonObject rec = new JsonObject();
        rec.addProperty("id", id);
        rec.addProperty("type", type);
        rec.add("elements", elements);
        return rec;
    }

    private static JsonObject strip(JsonObject o) {
        o.keySet().removeIf(k -> k.startsWith("_"));
        return o;
    }

    private String now() {
        return LocalDateTime.now(clock).format(DATETIME);
    }

    static String str(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        if (e == null || e.isJsonNull()) return null;
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private static String strOr(JsonObject o, String key) {
        String v = str(o, key);
        return v == null ? "" : v;
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) return out;
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> {
                if (x.isJsonPrimitive()) out.add(x.getAsString());
            });
        } else if (e.isJsonPrimitive() && !e.getAsString().isEmpty()) {
            out.add(e.getAsString());
        }
        return out;
    }

    static boolean bool(JsonElement e) {
        if (e == null || !e.isJsonPrimitive()) return false;
        String v = e.getAsString();
        return v.equalsIgnoreCase("true") || v.equals("1");
    }
}
