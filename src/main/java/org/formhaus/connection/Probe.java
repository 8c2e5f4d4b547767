package org.formhaus.connection;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.ApiRight;

/**
 * One cheap call that exercises {@code rights} (in the order a server checks them). Write probes are built to fail
 * after the rights check and before anything is stored: a modify of record id 0 (which never exists) or a create
 * without its mandatory parameter. Reads cannot fail that way: onOffice answers a read without its right with no
 * records (apidoc:/erste-schritte/), so a {@link Kind#LIST} read proves its right only when it finds something, and a
 * {@link Kind#KNOWN} read of records known to exist ({@link KnownRecords}) that finds none, while its module's list
 * read finds none either, says the right is missing. Immutable.
 *
 * @param kind   how the answer is judged
 * @param list   for a {@link Kind#KNOWN} read: the id of its module's {@link Kind#LIST} probe; else null
 * @param known  for a {@link Kind#KNOWN} read: what it reads, in words ({@code the addresses 320, 321}); else null
 */
record Probe(String id, Action action, List<ApiRight> rights, Kind kind, String list, String known) {

    /** How a probe's answer is judged. */
    enum Kind {
        /** an action that fails with a rights error when a right is missing and otherwise after the rights check */
        CALL,
        /** a read: records prove the right; none prove nothing (an empty account looks the same) */
        LIST,
        /** a read of records known to exist: none, while the module's list read finds none too, means no right */
        KNOWN
    }

    Probe(String id, Action action, List<ApiRight> rights) {
        this(id, action, rights, Kind.CALL, null, null);
    }

    private Probe asList() {
        return new Probe(id, action, rights, Kind.LIST, null, null);
    }

    /** Record id 0 never exists in onOffice; modifying it passes the rights check and then fails harmlessly. */
    static final String NO_SUCH_RECORD = "0";

    static final String ADDRESS_READ = "addressRead";
    static final String ESTATE_READ = "estateRead";
    static final String CONTACT_TRAP = "contactsPublishedOnly";
    static final String ESTATE_TRAP = "estatesPublishedOnly";
    static final String SC_CREATE = "searchCriteriaCreate";
    static final String AGENTS_LOG_READ = "agentsLogRead";
    static final String TASK_READ = "taskRead";
    static final String APPOINTMENT_READ = "appointmentRead";
    static final String SEARCH_CRITERIA_READ = "searchCriteriaRead";

    static List<Probe> all(LocalDate today) {
        return all(today, KnownRecords.NONE);
    }

    /** Every probe, with reads of the {@code known} records where there are any. */
    static List<Probe> all(LocalDate today, KnownRecords known) {
        List<Probe> probes = new java.util.ArrayList<>(basic(today));
        probes.addAll(KnownReads.of(today, known));
        return probes;
    }

    private static List<Probe> basic(LocalDate today) {
        return List.of(
                new Probe(ADDRESS_READ, read("address", "Name"), List.of(ApiRight.ADDRESSES, ApiRight.READ_ADDRESSES))
                        .asList(),
                new Probe("addressWrite", modify("address", Map.of("Name", "Formhaus check")),
                        List.of(ApiRight.ADDRESSES, ApiRight.WRITE_ADDRESSES)),
                new Probe("customerNumber", modify("address", Map.of("KdNr", 0)),
                        List.of(ApiRight.ADDRESSES, ApiRight.WRITE_ADDRESSES, ApiRight.EDIT_CUSTOMER_NUMBER)),
                new Probe("supervisor", modify("address", Map.of("Benutzer", "")),
                        List.of(ApiRight.ADDRESSES, ApiRight.WRITE_ADDRESSES, ApiRight.CHANGE_SUPERVISOR)),
                new Probe(CONTACT_TRAP, unpublished("address", "homepage_veroeffentlichen", "Name"),
                        List.of(ApiRight.ADDRESSES, ApiRight.READ_ADDRESSES)).asList(),
                new Probe(ESTATE_READ, read("estate", "Id"), List.of(ApiRight.PROPERTY, ApiRight.READ_PROPERTIES))
                        .asList(),
                new Probe("estateWrite", modifyEstate("objekttitel", "Formhaus check"),
                        List.of(ApiRight.PROPERTY, ApiRight.WRITE_PROPERTIES)),
                new Probe("propertyStatus", modifyEstate("status", 1),
                        List.of(ApiRight.PROPERTY, ApiRight.WRITE_PROPERTIES, ApiRight.EDIT_PROPERTY_STATUS)),
                new Probe("externalNumber", modifyEstate("objektnr_extern", "check"),
                        List.of(ApiRight.PROPERTY, ApiRight.WRITE_PROPERTIES, ApiRight.EDIT_EXTERNAL_PROPERTY_NUMBER)),
                new Probe("listing", modifyEstate("veroeffentlichen", 0), List.of(ApiRight.PROPERTY,
                        ApiRight.WRITE_PROPERTIES, ApiRight.ALLOW_LISTING_ON_WEBSITE, ApiRight.MARKETING_WEBSITE)),
                new Probe("topListing", modifyEstate("top_angebot", 0),
                        List.of(ApiRight.PROPERTY, ApiRight.WRITE_PROPERTIES, ApiRight.MARKETING_TOP_LISTING)),
                new Probe("reference", modifyEstate("referenz", 0),
                        List.of(ApiRight.PROPERTY, ApiRight.WRITE_PROPERTIES, ApiRight.MARKETING_REFERENCE)),
                new Probe(ESTATE_TRAP, unpublished("estate", "veroeffentlichen", "Id"),
                        List.of(ApiRight.PROPERTY, ApiRight.READ_PROPERTIES)).asList(),
                new Probe(AGENTS_LOG_READ, read("agentslog", null),
                        List.of(ApiRight.AGENTS_LOG, ApiRight.ACTIVITIES, ApiRight.READ_ENTRIES)).asList(),
                new Probe("agentsLogWrite", agentsLogWithoutTarget(),
                        List.of(ApiRight.AGENTS_LOG, ApiRight.ACTIVITIES, ApiRight.WRITE_ENTRIES)),
                new Probe(TASK_READ, read("task", null), List.of(ApiRight.TASK_MANAGEMENT, ApiRight.READ_TASKS))
                        .asList(),
                new Probe("taskWrite", modify("task", Map.of()), List.of(ApiRight.TASK_MANAGEMENT)),
                new Probe(APPOINTMENT_READ, calendarRead(today),
                        List.of(ApiRight.APPOINTMENT_MANAGEMENT, ApiRight.READ_APPOINTMENTS)).asList(),
                new Probe("appointmentEdit", modify("calendar", Map.of()),
                        List.of(ApiRight.APPOINTMENT_MANAGEMENT, ApiRight.EDIT_APPOINTMENTS)),
                new Probe(SEARCH_CRITERIA_READ, searchCriteriaRead(), List.of(ApiRight.READ_SEARCH_CRITERIA)).asList(),
                new Probe("searchCriteriaWrite", modify("searchcriteria", Map.of()), List.of(ApiRight.WRITE_SEARCH_CRITERIA)),
                new Probe(SC_CREATE, searchCriteriaForMissingAddress(), List.of(ApiRight.WRITE_SEARCH_CRITERIA,
                        ApiRight.CREATE_SEARCH_CRITERIA_WITHOUT_ADDRESS_WRITE)),
                new Probe("users", Actions.getUsers(), List.of(ApiRight.READ_USER_DATA)),
                new Probe("emailTemplates", Actions.getTemplates("mail"), List.of(ApiRight.EMAIL_TEMPLATES)),
                new Probe("letterTemplates", Actions.getTemplates("pdfletter"), List.of(ApiRight.LETTER_TEMPLATES)),
                new Probe("pdfForms", Actions.getTemplates("pdfform"), List.of(ApiRight.PDF_FORMS)),
                new Probe("projectRead", read("project", null), List.of(ApiRight.PROJECT_MANAGEMENT, ApiRight.READ_PROJECTS))
                        .asList(),
                new Probe("projectWrite", modify("project", Map.of()),
                        List.of(ApiRight.PROJECT_MANAGEMENT, ApiRight.WRITE_PROJECTS)));
    }

    /** A sendmail that names the mailbox but no receiver: onOffice checks the identity, then refuses to send. */
    static Probe mailbox(int index, String mailbox) {
        JsonObject p = new JsonObject();
        p.addProperty("emailidentity", mailbox);
        p.add("receiver", new JsonArray());
        p.addProperty("subject", "Formhaus connection check");
        p.addProperty("body", "");
        return new Probe("mailbox" + index, Action.of(ActionKind.DO, "sendmail", "", "mailbox" + index, p), List.of());
    }

    private static Action read(String type, String field) {
        JsonObject p = new JsonObject();
        p.addProperty("listlimit", 1);
        if (field != null) {
            JsonArray data = new JsonArray();
            data.add(field);
            p.add("data", data);
        }
        return Action.of(ActionKind.READ, type, p);
    }

    private static Action unpublished(String type, String publishField, String field) {
        Action read = read(type, field);
        JsonObject condition = new JsonObject();
        condition.addProperty("op", "=");
        condition.addProperty("val", 0);
        JsonArray conditions = new JsonArray();
        conditions.add(condition);
        JsonObject filter = new JsonObject();
        filter.add(publishField, conditions);
        read.parameters().add("filter", filter);
        return read;
    }

    private static Action modify(String type, Map<String, ?> data) {
        if (type.equals("address")) {
            return Actions.modifyAddress(NO_SUCH_RECORD, data);
        }
        JsonObject p = new JsonObject();
        JsonObject d = new JsonObject();
        data.forEach((k, v) -> d.addProperty(k, String.valueOf(v)));
        p.add("data", d);
        return Action.of(ActionKind.MODIFY, type, NO_SUCH_RECORD, "", p);
    }

    private static Action modifyEstate(String field, Object value) {
        return Actions.modifyEstate(NO_SUCH_RECORD, Map.of(field, value));
    }

    private static Action agentsLogWithoutTarget() {
        JsonObject p = new JsonObject();
        p.addProperty("actionkind", "Sonstiges");
        p.addProperty("note", "Formhaus connection check (never stored: no address or estate given)");
        return Action.of(ActionKind.CREATE, "agentslog", p);
    }

    private static Action calendarRead(LocalDate today) {
        JsonObject p = new JsonObject();
        p.addProperty("datestart", today + " 00:00:00");
        p.addProperty("dateend", today + " 00:00:01");
        p.addProperty("listlimit", 1);
        return Action.of(ActionKind.READ, "calendar", p);
    }

    private static Action searchCriteriaRead() {
        JsonObject p = new JsonObject();
        p.addProperty("mode", "searchcriteria");
        JsonArray ids = new JsonArray();
        ids.add(0);
        p.add("ids", ids);
        return Action.of(ActionKind.GET, "searchcriterias", p);
    }

    private static Action searchCriteriaForMissingAddress() {
        JsonObject p = new JsonObject();
        p.addProperty("addressid", 0);
        p.add("data", new JsonObject());
        return Action.of(ActionKind.CREATE, "searchcriteria", p);
    }
}
