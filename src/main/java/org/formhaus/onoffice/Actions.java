package org.formhaus.onoffice;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Ready-made {@link Action}s for every call Formhaus makes, with the parameter shapes onOffice documents, so that
 * callers never build the JSON by hand. Field maps take strings, numbers, booleans, collections (sent as JSON
 * arrays, e.g. multiselect keys without pipes) or {@link JsonElement}s. Numeric ids are sent as JSON numbers.
 * Stateless.
 *
 * <pre>{@code
 * Action create = Actions.createAddress(Map.of("Vorname", "Max", "Name", "Muster", "email", "max@example.org"),
 *         true, false);
 * Action note = Actions.createAgentsLog(List.of("320"), null, "Email", "Eingang", "Anfrage über Formular", Map.of());
 * }</pre>
 */
public final class Actions {

    private static final String REL = "urn:onoffice-de-ns:smart:2.5:relationTypes:";
    public static final String RELATION_OWNER = REL + "estate:address:owner";
    public static final String RELATION_BUYER = REL + "estate:address:buyer";
    public static final String RELATION_TENANT = REL + "estate:address:renter";
    public static final String RELATION_INTERESTED = REL + "estate:address:interested";
    public static final String RELATION_CONTACT_PERSON = REL + "estate:address:contactPerson";
    public static final String RELATION_CONTACT_PERSON_ALL = REL + "estate:address:contactPersonAll";
    public static final String RELATION_CALENDAR_ADDRESS = REL + "calendar:address";
    public static final String RELATION_ADDRESS_CONTACT = REL + "address:contact:address";
    public static final String RELATION_ADDRESS_ESTATE_CONTACTED = REL + "address:estate:contacted";

    private Actions() {
    }

    // ---- addresses ----------------------------------------------------------------------------------------------

    /**
     * CREATE address. {@code fields} are address fields ({@code Vorname}, {@code Name}, ...) and contact keys
     * ({@code email}, {@code phone}, {@code mobile}, ...). With {@code checkDuplicate} onOffice matches by e-mail and
     * updates the match (lowest id) unless {@code noOverride} is set; the result's id is the new or matched address.
     */
    public static Action createAddress(Map<String, ?> fields, boolean checkDuplicate, boolean noOverride) {
        JsonObject p = fieldsObject(fields);
        p.addProperty("checkDuplicate", checkDuplicate);
        p.addProperty("noOverrideByDuplicate", noOverride);
        return Action.of(ActionKind.CREATE, "address", p);
    }

    /** MODIFY address; contact data changes use objects like {@code {"action":"add","newvalue":"..."}}. */
    public static Action modifyAddress(String addressId, Map<String, ?> fields) {
        return Action.of(ActionKind.MODIFY, "address", requireId(addressId, "addressId"), "", fieldsObject(fields));
    }

    /** READ address records by id with the given fields. */
    public static Action readAddress(Collection<String> ids, Collection<String> fields) {
        JsonObject p = new JsonObject();
        p.add("recordids", ids(ids));
        p.add("data", strings(fields));
        p.addProperty("listlimit", Math.max(1, Math.min(500, ids == null ? 1 : ids.size())));
        return Action.of(ActionKind.READ, "address", p);
    }

    /**
     * READ address records whose {@code field} equals {@code value}, e.g. {@code email} (any of their e-mail entries;
     * {@code Email} is only the main one), {@code phone} or {@code mobile}: a duplicate lookup (issue #12).
     */
    public static Action readAddressesWhere(String field, String value, Collection<String> fields, int limit) {
        JsonObject condition = new JsonObject();
        condition.addProperty("op", "=");
        condition.addProperty("val", requireText(value, field));
        JsonArray conditions = new JsonArray();
        conditions.add(condition);
        JsonObject filter = new JsonObject();
        filter.add(field, conditions);
        JsonObject p = new JsonObject();
        p.add("data", strings(fields));
        p.add("filter", filter);
        p.addProperty("listlimit", Math.max(1, Math.min(500, limit)));
        return Action.of(ActionKind.READ, "address", p);
    }

    /** GET search on addresses (quick search); handy for an own duplicate lookup by e-mail. */
    public static Action searchAddressByEmail(String email) {
        JsonObject p = new JsonObject();
        p.addProperty("input", requireText(email, "email"));
        p.addProperty("listlimit", 20);
        return Action.of(ActionKind.GET, "search", "address", "", p);
    }

    /** DO registerNewsletter for an address. */
    public static Action registerNewsletter(String addressId, boolean register) {
        JsonObject p = new JsonObject();
        p.addProperty("register", register);
        return Action.of(ActionKind.DO, "registerNewsletter", requireId(addressId, "addressId"), "", p);
    }

    // ---- estates -------------------------------------------------------------------------------------------------

    public static Action readEstate(String estateId, Collection<String> fields) {
        JsonObject p = new JsonObject();
        p.add("data", strings(fields));
        return Action.of(ActionKind.READ, "estate", requireId(estateId, "estateId"), "", p);
    }

    /** CREATE estate: fields go inside {@code data}. New estates are unpublished unless {@code veroeffentlichen} is set. */
    public static Action createEstate(Map<String, ?> data) {
        JsonObject p = new JsonObject();
        p.add("data", fieldsObject(data));
        return Action.of(ActionKind.CREATE, "estate", p);
    }

    public static Action modifyEstate(String estateId, Map<String, ?> data) {
        JsonObject p = new JsonObject();
        p.add("data", fieldsObject(data));
        return Action.of(ActionKind.MODIFY, "estate", requireId(estateId, "estateId"), "", p);
    }

    // ---- editing an existing record by id (edit links, #12) -------------------------------------------------------

    /** MODIFY searchcriteria by id: {@code data} as on create (ranges as {@code __von}/{@code __bis}). */
    public static Action modifySearchCriteria(String searchCriteriaId, Map<String, ?> data) {
        JsonObject p = new JsonObject();
        p.add("data", fieldsObject(data));
        return Action.of(ActionKind.MODIFY, "searchcriteria", requireId(searchCriteriaId, "searchCriteriaId"), "", p);
    }

    /** MODIFY calendar by id: {@code data} as on create ({@code start_dt}, {@code end_dt}, {@code note}, ...). */
    public static Action modifyAppointment(String appointmentId, Map<String, ?> data) {
        JsonObject p = new JsonObject();
        p.add("data", fieldsObject(data));
        return Action.of(ActionKind.MODIFY, "calendar", requireId(appointmentId, "appointmentId"), "", p);
    }

    // ---- search criteria, relations, activities, tasks, appointments ----------------------------------------------

    /** CREATE searchcriteria for an address; ranges as {@code kaufpreis__von}/{@code kaufpreis__bis} strings. */
    public static Action createSearchCriteria(String addressId, Map<String, ?> data) {
        JsonObject p = new JsonObject();
        p.add("addressid", id(requireId(addressId, "addressId")));
        p.add("data", fieldsObject(data));
        return Action.of(ActionKind.CREATE, "searchcriteria", p);
    }

    /** CREATE relation; use the {@code RELATION_*} constants. For estate↔address the estate is the parent. */
    public static Action createRelation(String relationTypeUrn, String parentId, String childId) {
        JsonObject p = new JsonObject();
        p.addProperty("relationtype", requireText(relationTypeUrn, "relationTypeUrn"));
        p.add("parentid", id(requireId(parentId, "parentId")));
        p.add("childid", id(requireId(childId, "childId")));
        return Action.of(ActionKind.CREATE, "relation", p);
    }

    /**
     * DO priceOffer: records {@code offer} (a plain decimal, no currency) as the address's purchase price offer for
     * the estate; onOffice also adds an "Offered till now" entry if missing and raises the advisory level to C. Writes
     * no agent's-log entry. Repeating it sets the same offer again.
     */
    public static Action priceOffer(String estateId, String addressId, java.math.BigDecimal offer) {
        JsonObject p = new JsonObject();
        p.add("estateId", id(requireId(estateId, "estateId")));
        p.add("addressId", id(requireId(addressId, "addressId")));
        if (offer == null) throw new IllegalArgumentException("The parameter 'offer' must not be null.");
        // a plain decimal: 4E+5 (what stripTrailingZeros makes of 400000) is no number onOffice documents
        p.addProperty("priceOffer", offer.scale() < 0 ? offer.setScale(0) : offer);
        return Action.of(ActionKind.DO, "priceOffer", p);
    }

    /**
     * CREATE agentslog. {@code estateId}, {@code actionType} and {@code note} may be null; {@code extra} carries
     * further documented keys ({@code origincontact}, {@code features}, {@code datetime}, {@code duration}, ...).
     */
    public static Action createAgentsLog(Collection<String> addressIds, String estateId, String actionKind,
                                         String actionType, String note, Map<String, ?> extra) {
        JsonObject p = fieldsObject(extra);
        if (addressIds != null && !addressIds.isEmpty()) p.add("addressids", ids(addressIds));
        if (estateId != null && !estateId.isBlank()) p.add("estateid", id(estateId));
        if (!p.has("addressids") && !p.has("estateid")) {
            throw new IllegalArgumentException("An agents log entry needs addressIds or an estateId");
        }
        p.addProperty("actionkind", requireText(actionKind, "actionKind"));
        if (actionType != null) p.addProperty("actiontype", actionType);
        if (note != null) p.addProperty("note", note);
        return Action.of(ActionKind.CREATE, "agentslog", p);
    }

    /** CREATE task; {@code data} holds Betreff, Aufgabe, Prio, Status, Verantwortung, Bearbeiter, Deadline, ... */
    public static Action createTask(Map<String, ?> data, String relatedAddressId, String relatedEstateId) {
        JsonObject p = new JsonObject();
        p.add("data", fieldsObject(data));
        if (relatedAddressId != null && !relatedAddressId.isBlank()) p.add("relatedAddressId", id(relatedAddressId));
        if (relatedEstateId != null && !relatedEstateId.isBlank()) p.add("relatedEstateId", id(relatedEstateId));
        return Action.of(ActionKind.CREATE, "task", p);
    }

    /** CREATE calendar (appointment); {@code data} needs start_dt and end_dt ("Y-m-d H:i:s"). */
    public static Action createAppointment(Map<String, ?> data, Collection<String> relatedAddressIds, String relatedEstateId) {
        JsonObject p = new JsonObject();
        p.add("data", fieldsObject(data));
        if (relatedAddressIds != null && !relatedAddressIds.isEmpty()) p.add("relatedAddressIds", ids(relatedAddressIds));
        if (relatedEstateId != null && !relatedEstateId.isBlank()) p.add("relatedEstateId", id(relatedEstateId));
        return Action.of(ActionKind.CREATE, "calendar", p);
    }

    // ---- metadata --------------------------------------------------------------------------------------------------

    /** GET fields for {@code modules} in {@code language} (3 letters: DEU, ENG). */
    public static Action getFields(Collection<String> modules, String language, boolean labels, boolean showContent,
                                   boolean realDataTypes) {
        JsonObject p = new JsonObject();
        p.add("modules", strings(modules));
        if (language != null) p.addProperty("language", language);
        p.addProperty("labels", labels);
        p.addProperty("showContent", showContent);
        p.addProperty("realDataTypes", realDataTypes);
        return Action.of(ActionKind.GET, "fields", p);
    }

    /** GET searchCriteriaFields in {@code language}. */
    public static Action getSearchCriteriaFields(String language) {
        JsonObject p = new JsonObject();
        if (language != null) p.addProperty("language", language);
        return Action.of(ActionKind.GET, "searchCriteriaFields", p);
    }

    /** GET users (all users; needs the right "Read user data via API"). */
    public static Action getUsers() {
        return Action.of(ActionKind.GET, "users", new JsonObject());
    }

    /** GET templates of a type: mail, pdf, pdfletter, pdfform, webexpose. */
    public static Action getTemplates(String type) {
        JsonObject p = new JsonObject();
        p.addProperty("type", requireText(type, "type"));
        if ("mail".equals(type)) p.addProperty("list", true);
        return Action.of(ActionKind.GET, "templates", p);
    }

    // ---- mail and marketplace ------------------------------------------------------------------------------------

    /** DO sendmail from a mailbox (email identity) assigned to the API user. {@code replyTo} may be null. */
    public static Action sendMail(String emailIdentity, Collection<String> receivers, String subject, String body,
                                  boolean useHtml, String replyTo) {
        return sendMail(emailIdentity, receivers, subject, body, useHtml, replyTo, MailExtras.NONE);
    }

    /**
     * What a sendmail may carry besides its text, named as onOffice names the parameters: {@code templateid} (an
     * onOffice e-mail template, which wins over the body), {@code cc}, {@code bcc}, {@code estateids} (for macros and
     * exposés), {@code pdfexposeidentifiers} (exposé URNs), {@code onlineattachmentids} (estate file ids) and
     * {@code attachmentsDirectData} (file name → bytes, sent base64). Empty lists are left out. Immutable.
     */
    public record MailExtras(Integer templateId, List<String> cc, List<String> bcc, List<String> estateIds,
                             List<String> exposeIdentifiers, List<String> onlineAttachmentIds,
                             Map<String, byte[]> directAttachments) {

        public static final MailExtras NONE = new MailExtras(null, List.of(), List.of(), List.of(), List.of(),
                List.of(), Map.of());

        public MailExtras {
            cc = List.copyOf(cc);
            bcc = List.copyOf(bcc);
            estateIds = List.copyOf(estateIds);
            exposeIdentifiers = List.copyOf(exposeIdentifiers);
            onlineAttachmentIds = List.copyOf(onlineAttachmentIds);
            directAttachments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(directAttachments));
        }
    }

    /** DO sendmail with a template, copies and attachments ({@link MailExtras}). */
    public static Action sendMail(String emailIdentity, Collection<String> receivers, String subject, String body,
                                  boolean useHtml, String replyTo, MailExtras extras) {
        JsonObject p = new JsonObject();
        p.addProperty("emailidentity", requireText(emailIdentity, "emailIdentity"));
        p.add("receiver", strings(receivers));
        p.addProperty("subject", subject == null ? "" : subject);
        p.addProperty("body", body == null ? "" : body);
        p.addProperty("useHtml", useHtml);
        if (replyTo != null && !replyTo.isBlank()) p.addProperty("replyto", replyTo);
        if (extras.templateId() != null) p.addProperty("templateid", extras.templateId());
        if (!extras.cc().isEmpty()) p.add("cc", strings(extras.cc()));
        if (!extras.bcc().isEmpty()) p.add("bcc", strings(extras.bcc()));
        if (!extras.estateIds().isEmpty()) p.add("estateids", ints(extras.estateIds()));
        if (!extras.exposeIdentifiers().isEmpty()) p.add("pdfexposeidentifiers", strings(extras.exposeIdentifiers()));
        if (!extras.onlineAttachmentIds().isEmpty()) p.add("onlineattachmentids", ints(extras.onlineAttachmentIds()));
        if (!extras.directAttachments().isEmpty()) {
            JsonObject files = new JsonObject();
            extras.directAttachments().forEach((name, bytes) ->
                    files.addProperty(name, Base64.getEncoder().encodeToString(bytes)));
            p.add("attachmentsDirectData", files);
        }
        return Action.of(ActionKind.DO, "sendmail", p);
    }

    /**
     * DO sendaddresscompletion: onOffice e-mails the address {@code addressId} a link to complete its own data
     * ({@code mode} {@code modus1}: address data, {@code modus2}: with search criteria), from {@code emailIdentity}.
     */
    public static Action sendAddressCompletion(String addressId, String mode, String emailIdentity) {
        JsonObject p = new JsonObject();
        p.addProperty("addressId", Long.parseLong(requireId(addressId, "addressId")));
        p.addProperty("mode", requireText(mode, "mode"));
        if (emailIdentity != null && !emailIdentity.isBlank()) p.addProperty("emailidentity", emailIdentity);
        return Action.of(ActionKind.DO, "sendaddresscompletion", p);
    }

    private static com.google.gson.JsonArray ints(List<String> ids) {
        com.google.gson.JsonArray a = new com.google.gson.JsonArray();
        ids.forEach(id -> a.add(Long.parseLong(id)));
        return a;
    }

    /** DO unlockProvider: the one call allowed while a marketplace activation is pending. */
    public static Action unlockProvider(String parameterCacheId, String extendedClaim) {
        JsonObject p = new JsonObject();
        p.addProperty("parameterCacheId", requireText(parameterCacheId, "parameterCacheId"));
        p.addProperty("extendedclaim", requireText(extendedClaim, "extendedClaim"));
        p.addProperty("isRegularCustomer", 0);
        return Action.of(ActionKind.DO, "unlockProvider", p);
    }

    // ---- files -------------------------------------------------------------------------------------------------------

    /**
     * DO uploadfile, step one: sends a file's bytes (base64 in {@code data}) and gets back a temporary upload id that
     * step two ({@link #linkUploadedFile}) attaches to a record. Read the id with {@link #tmpUploadId(ActionResult)}.
     */
    public static Action uploadFileData(byte[] data) {
        if (data == null) throw new IllegalArgumentException("The parameter 'data' must not be null.");
        JsonObject p = new JsonObject();
        p.addProperty("data", Base64.getEncoder().encodeToString(data));
        return Action.of(ActionKind.DO, "uploadfile", p);
    }

    /**
     * DO uploadfile, step two: attaches the file uploaded under {@code tmpUploadId} to the record
     * {@code relatedRecordId} of {@code module} ({@code estate}, {@code address}, ...). {@code title} and {@code art}
     * (the file's kind, e.g. {@code Dokument}, {@code Foto}) may be null. onOffice answers with the do-result
     * {@code success}.
     */
    public static Action linkUploadedFile(String tmpUploadId, String module, String relatedRecordId, String fileName,
                                          String title, String art) {
        JsonObject p = new JsonObject();
        p.addProperty("tmpUploadId", requireText(tmpUploadId, "tmpUploadId"));
        p.addProperty("module", requireText(module, "module"));
        p.add("relatedRecordId", id(requireId(relatedRecordId, "relatedRecordId")));
        p.addProperty("file", requireText(fileName, "fileName"));
        if (title != null && !title.isBlank()) p.addProperty("title", title);
        if (art != null && !art.isBlank()) p.addProperty("Art", art);
        return Action.of(ActionKind.DO, "uploadfile", p);
    }

    /**
     * The temporary upload id from the result of {@link #uploadFileData}: {@code records[0].elements.tmpUploadId}.
     * That shape is assumed (onOffice documents only that step one returns a {@code tmpUploadId}); a non-zero
     * {@code records[0].id} is taken as a fallback. Null when the result carries neither.
     */
    public static String tmpUploadId(ActionResult result) {
        if (result.records().isEmpty()) return null;
        OnOfficeRecord first = result.records().get(0);
        String id = first.get("tmpUploadId");
        if (id != null && !id.isBlank()) return id;
        String recordId = first.id();
        return recordId == null || recordId.isBlank() || recordId.equals("0") ? null : recordId;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    static JsonObject fieldsObject(Map<String, ?> fields) {
        JsonObject o = new JsonObject();
        if (fields != null) {
            fields.forEach((k, v) -> o.add(k, value(v)));
        }
        return o;
    }

    /** The JSON of a field value, built by hand: this package needs no Gson configuration of its own. */
    private static JsonElement value(Object v) {
        if (v == null) return JsonNull.INSTANCE;
        if (v instanceof JsonElement e) return e;
        if (v instanceof String s) return new JsonPrimitive(s);
        if (v instanceof Number n) return new JsonPrimitive(n);
        if (v instanceof Boolean b) return new JsonPrimitive(b);
        if (v instanceof Character c) return new JsonPrimitive(c);
        if (v instanceof Enum<?> e) return new JsonPrimitive(e.name());
        if (v instanceof Collection<?> c) {
            JsonArray a = new JsonArray();
            c.forEach(x -> a.add(value(x)));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            m.forEach((k, x) -> {
                if (x != null) { // as Gson wrote nested maps: without their null entries
                    o.add(String.valueOf(k), value(x));
                }
            });
            return o;
        }
        throw new IllegalArgumentException("A field value of type " + v.getClass().getSimpleName()
                + " cannot be sent to onOffice");
    }

    /** A numeric id as a JSON number, anything else as a string. */
    static JsonElement id(String id) {
        String s = id.strip();
        return s.matches("\\d{1,18}") ? new JsonPrimitive(Long.parseLong(s)) : new JsonPrimitive(s);
    }

    private static JsonArray ids(Collection<String> ids) {
        JsonArray a = new JsonArray();
        if (ids != null) ids.forEach(i -> a.add(id(i)));
        return a;
    }

    private static JsonArray strings(Collection<String> values) {
        JsonArray a = new JsonArray();
        if (values != null) values.forEach(a::add);
        return a;
    }

    private static String requireId(String id, String name) {
        return requireText(id, name);
    }

    private static String requireText(String s, String name) {
        if (s == null || s.isBlank()) throw new IllegalArgumentException("The parameter '" + name + "' must not be empty.");
        return s;
    }

    static List<String> list(String... values) {
        return List.of(values);
    }
}
