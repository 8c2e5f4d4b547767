package org.formhaus.mapping;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.forms.Field;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormKind;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionKind;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.Actions;
import org.formhaus.onoffice.OnOfficeRecord;

/**
 * Plans what a submission becomes in onOffice, per form kind, in as few requests as possible (see
 * {@link MappingPlan}). Stage one creates what depends on nothing (the address; for owner and valuation forms also
 * the estate) and reads what later steps need (the inquired estate's responsible agent); the last stage links
 * everything (relation, agent's log, task, appointment, search criteria, confirmation mail). Thread-safe; one per
 * application.
 */
public final class SubmissionMapper {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final KnownFields known;
    private final ConfirmationLinks links;

    public SubmissionMapper(KnownFields known, ConfirmationLinks links) {
        this.known = known;
        this.links = links;
    }

    /** Without a field catalogue (conversion by form field types) and without newsletter links. */
    public SubmissionMapper() {
        this(new KnownFields(), ConfirmationLinks.NONE);
    }

    /**
     * The plan for one submission.
     *
     * @param senders the account's mailboxes; the newsletter confirmation is sent from the first
     * @throws MappingException when a value cannot be written as mapped
     */
    public MappingPlan plan(FormDefinition form, long accountId, String submissionId, Map<String, Object> values,
                            List<String> senders) {
        return plan(form, accountId, submissionId, values, senders, List.of());
    }

    /**
     * The plan for one submission with its uploaded files: each file's bytes travel in stage one
     * ({@code file.<id>.tmp}, DO uploadfile step one, which depends on no record) and its link to the record in the
     * last stage ({@code file.<id>}, step two), so files cost no extra request.
     *
     * @param files the submission's uploads, in upload order; their bytes are read only when sent
     * @throws MappingException when a value cannot be written as mapped
     */
    public MappingPlan plan(FormDefinition form, long accountId, String submissionId, Map<String, Object> values,
                            List<String> senders, List<UploadedFile> files) {
        MappedValues mapped = new MappedValues(form, values, accountId, known);
        MappingOptions options = MappingOptions.of(form);
        FormKind kind = form.kind();
        String inquired = inquiredEstate(mapped);
        List<PlannedStep> first = new ArrayList<>();
        List<PlannedStep> last = new ArrayList<>();

        boolean address = kind != FormKind.CUSTOM || mapped.has("address");
        if (address) {
            first.add(PlannedStep.create("address", r -> addressCreate(mapped, options, kind)));
        }
        boolean newEstate = kind == FormKind.OWNER || kind == FormKind.VALUATION
                || (kind == FormKind.CUSTOM && !mapped.module("estate").isEmpty() && inquired == null);
        if (newEstate) {
            String tag = externalNumber(submissionId);
            first.add(PlannedStep.create("estate", r -> estateCreate(mapped, tag)).withProbe(estateProbe(tag)));
            if (address) {
                last.add(PlannedStep.create("relation.owner",
                        r -> Actions.createRelation(Actions.RELATION_OWNER, r.get("estate").getAsString(),
                                r.get("address").getAsString())).withProbe(ownerProbe()));
            }
        }
        String agentFrom = agentSource(options, kind);
        if (MappingOptions.ESTATE_AGENT.equals(agentFrom) && inquired != null) {
            first.addAll(agentLookup(inquired));
        }
        String estateRef = newEstate ? null : inquired;
        if (options.activity() != null) {
            last.add(PlannedStep.create("agentslog", r -> agentsLog(form, mapped, options, kind, r, estateRef)));
        }
        if (kind == FormKind.SEARCHPROFILE || (kind == FormKind.CUSTOM && mapped.has("searchcriteria"))) {
            last.add(PlannedStep.create("searchcriteria",
                    r -> Actions.createSearchCriteria(id(r, "address"), mapped.module("searchcriteria"))));
        }
        boolean appointment = kind == FormKind.APPOINTMENT || (kind == FormKind.CUSTOM && mapped.has("calendar"));
        if (appointment && !options.appointment().asTask() && mapped.module("calendar").containsKey("start_dt")) {
            last.add(PlannedStep.create("calendar", r -> appointment(form, mapped, options, r, estateRef)));
        } else if (options.task() != null || appointment) {
            last.add(PlannedStep.create("task", r -> task(form, mapped, options, appointment, r, estateRef)));
        }
        if (kind == FormKind.NEWSLETTER) {
            last.add(PlannedStep.create("mail.newsletterConfirmation",
                    r -> NewsletterMail.confirmation(form, mapped, senders, links.confirmUrl(submissionId))));
        }
        for (UploadedFile file : files) {
            Attachment target = attachment(form, file, kind, address, newEstate, inquired);
            if (target != null) {
                first.add(FileSteps.upload(file));
                last.add(FileSteps.link(file, target.module(), target.recordsKey(), target.fixedId(),
                        label(form, file)));
            }
        }
        return new MappingPlan(List.of(first, last));
    }

    // ---- stage one ---------------------------------------------------------------------------------------------

    private static Action addressCreate(MappedValues mapped, MappingOptions options, FormKind kind) {
        Map<String, Object> fields = new LinkedHashMap<>();
        mapped.module("address").forEach((name, value) -> fields.put(AddressFields.writeKey(name), value));
        if (kind == FormKind.NEWSLETTER) {
            fields.put("newsletter_aktiv", NewsletterMail.PENDING);
        }
        boolean check = options.duplicates() != MappingOptions.Duplicates.CREATE;
        return Actions.createAddress(fields, check, options.duplicates() == MappingOptions.Duplicates.KEEP);
    }

    private static Action estateCreate(MappedValues mapped, String tag) {
        Map<String, Object> data = mapped.module("estate");
        data.remove("Id");
        data.put("objektnr_extern", tag);
        return Actions.createEstate(data);
    }

    /**
     * The estate's external number: derived from the submission id, so that a retry after a lost reply finds the
     * estate the first try created instead of creating a second one.
     */
    static String externalNumber(String submissionId) {
        return "FH-" + submissionId.replace("-", "").substring(0, 12);
    }

    private static PlannedStep.Probe estateProbe(String tag) {
        return new PlannedStep.Probe(r -> {
            JsonObject p = new JsonObject();
            JsonArray data = new JsonArray();
            data.add("Id");
            p.add("data", data);
            JsonObject condition = new JsonObject();
            condition.addProperty("op", "=");
            condition.addProperty("val", tag);
            JsonArray conditions = new JsonArray();
            conditions.add(condition);
            JsonObject filter = new JsonObject();
            filter.add("objektnr_extern", conditions);
            p.add("filter", filter);
            p.addProperty("listlimit", 1);
            return Action.of(ActionKind.READ, "estate", p);
        }, (result, r) -> result.firstId());
    }

    private static PlannedStep.Probe ownerProbe() {
        return new PlannedStep.Probe(r -> {
            if (!r.has("estate") || !r.has("address")) {
                return null;
            }
            JsonObject p = new JsonObject();
            p.addProperty("relationtype", Actions.RELATION_OWNER);
            JsonArray parents = new JsonArray();
            parents.add(r.get("estate").getAsString());
            p.add("parentids", parents);
            return Action.of(ActionKind.GET, "idsfromrelation", p);
        }, (result, r) -> {
            // relatedIds: {"<estate id>": ["<address id>", ...]}
            String address = r.get("address").getAsString();
            for (OnOfficeRecord rec : result.records()) {
                for (Map.Entry<String, JsonElement> e : rec.elements().entrySet()) {
                    if (e.getValue().isJsonArray()) {
                        for (JsonElement child : e.getValue().getAsJsonArray()) {
                            if (child.getAsString().equals(address)) {
                                return "ok";
                            }
                        }
                    }
                }
            }
            return null;
        });
    }

    /** Two reads in stage one: the inquired estate's responsible user id, and the user list to name it. */
    private static List<PlannedStep> agentLookup(String estateId) {
        PlannedStep estate = new PlannedStep("agent.id",
                r -> Actions.readEstate(estateId, List.of("benutzer")),
                (result, stage) -> orEmpty(result.records().isEmpty() ? null : result.records().get(0).get("benutzer")),
                true, null);
        PlannedStep user = new PlannedStep("agent.user", r -> Actions.getUsers(), (result, stage) -> {
            ActionResult read = stage.get("agent.id");
            String userId = read == null || !read.ok() || read.records().isEmpty() ? null
                    : read.records().get(0).get("benutzer");
            for (OnOfficeRecord u : result.records()) {
                if (userId != null && (userId.equals(u.id()) || userId.equals(u.get("id")))) {
                    return orEmpty(u.get("username"));
                }
            }
            return "";
        }, true, null);
        return List.of(estate, user);
    }

    // ---- last stage --------------------------------------------------------------------------------------------

    private static Action agentsLog(FormDefinition form, MappedValues mapped, MappingOptions options, FormKind kind,
                                    JsonObject r, String estateRef) {
        Map<String, Object> extra = new LinkedHashMap<>();
        mapped.module("agentslog").forEach((name, value) -> extra.put(AgentsLogFields.createKey(name), value));
        String actionKind = (String) extra.getOrDefault("actionkind", options.activity().actionKind());
        String actionType = (String) extra.getOrDefault("actiontype", options.activity().actionType());
        Object note = extra.get("note");
        extra.remove("actionkind");
        extra.remove("actiontype");
        extra.remove("note");
        String text = (note == null ? "" : note + "\n\n") + "Formular: " + form.title() + " (" + form.key() + ")";
        String estate = r.has("estate") ? r.get("estate").getAsString() : estateRef;
        List<String> addresses = r.has("address") ? List.of(r.get("address").getAsString()) : List.of();
        return Actions.createAgentsLog(addresses, estate, actionKind, actionType, text, extra);
    }

    private static Action task(FormDefinition form, MappedValues mapped, MappingOptions options, boolean appointment,
                               JsonObject r, String estateRef) {
        Map<String, Object> data = new LinkedHashMap<>();
        MappingOptions.Task t = options.task();
        data.put("Betreff", t != null && t.subject() != null ? t.subject() : form.title() + ": " + who(mapped));
        data.put("Aufgabe", mapped.summary());
        data.put("Prio", String.valueOf(t == null ? 3 : t.priority()));
        data.put("Status", "1");
        String user = user(t == null ? options.appointment().user() : t.user(), r);
        if (user != null) {
            data.put("Verantwortung", user);
        }
        if (t != null && t.deadlineDays() != null) {
            data.put("Deadline", LocalDateTime.now().plusDays(t.deadlineDays()).withNano(0).format(DATE_TIME));
        }
        Object start = mapped.module("calendar").get("start_dt");
        if (appointment && start != null) {
            data.put("Beginnt_am", ValueConverter.dateTime("start_dt", start.toString()));
        }
        data.putAll(mapped.module("task"));
        String estate = r.has("estate") ? r.get("estate").getAsString() : estateRef;
        return Actions.createTask(data, r.has("address") ? r.get("address").getAsString() : null, estate);
    }

    private static Action appointment(FormDefinition form, MappedValues mapped, MappingOptions options, JsonObject r,
                                      String estateRef) {
        Map<String, Object> data = new LinkedHashMap<>(mapped.module("calendar"));
        String start = ValueConverter.dateTime("start_dt", data.get("start_dt").toString());
        data.put("start_dt", start);
        if (!data.containsKey("end_dt")) {
            data.put("end_dt", LocalDateTime.parse(start, DATE_TIME)
                    .plusMinutes(options.appointment().durationMinutes()).format(DATE_TIME));
        } else {
            data.put("end_dt", ValueConverter.dateTime("end_dt", data.get("end_dt").toString()));
        }
        data.putIfAbsent("description", form.title() + ": " + who(mapped));
        data.putIfAbsent("note", mapped.summary());
        data.putIfAbsent("status", "active");
        if (options.appointment().art() != null) {
            data.putIfAbsent("art", options.appointment().art());
        }
        List<String> addresses = r.has("address") ? List.of(r.get("address").getAsString()) : List.of();
        Action action = Actions.createAppointment(data, addresses, estateRef);
        String user = user(options.appointment().user(), r);
        if (user != null) {
            JsonObject subscribers = new JsonObject();
            JsonArray users = new JsonArray();
            users.add(user);
            subscribers.add("users", users);
            action.parameters().add("subscribers", subscribers);
        }
        return action;
    }

    // ---- files -------------------------------------------------------------------------------------------------

    /** Where a file is attached: an onOffice module and the record's id, recorded under a key or known (inquiry). */
    private record Attachment(String module, String recordsKey, String fixedId) {
    }

    /**
     * The estate for owner and valuation forms and for file fields mapped to {@code estate.*} (the new or the
     * inquired estate), else the address; null when the submission creates neither (the file stays with Formhaus).
     */
    private static Attachment attachment(FormDefinition form, UploadedFile file, FormKind kind, boolean address,
                                         boolean newEstate, String inquired) {
        Field field = form.fields().stream().filter(f -> f.name().equals(file.field())).findFirst().orElse(null);
        boolean toEstate = kind == FormKind.OWNER || kind == FormKind.VALUATION
                || (field != null && field.maps() != null && field.maps().startsWith("estate."));
        if (toEstate && newEstate) {
            return new Attachment("estate", "estate", null);
        }
        if (toEstate && inquired != null) {
            return new Attachment("estate", null, inquired);
        }
        if (address) {
            return new Attachment("address", "address", null);
        }
        if (newEstate) {
            return new Attachment("estate", "estate", null);
        }
        return inquired == null ? null : new Attachment("estate", null, inquired);
    }

    private static String label(FormDefinition form, UploadedFile file) {
        return form.fields().stream().filter(f -> f.name().equals(file.field())).map(Field::label).findFirst()
                .orElse(file.field());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** The user name for a task or appointment: a fixed name, the looked-up estate agent, or null. */
    private static String user(String configured, JsonObject r) {
        if (configured == null) {
            return null;
        }
        if (!configured.equals(MappingOptions.ESTATE_AGENT)) {
            return configured;
        }
        JsonElement agent = r.get("agent.user");
        return agent == null || agent.getAsString().isEmpty() ? null : agent.getAsString();
    }

    private static String agentSource(MappingOptions options, FormKind kind) {
        if (options.task() != null && options.task().user() != null) {
            return options.task().user();
        }
        return kind == FormKind.APPOINTMENT ? options.appointment().user() : null;
    }

    /** The estate an inquiry is about: the value of the field mapped to {@code estate.Id}. */
    private static String inquiredEstate(MappedValues mapped) {
        Object id = mapped.module("estate").get("Id");
        if (id == null) {
            return null;
        }
        String s = id.toString().strip();
        if (!s.matches("\\d{1,18}")) {
            throw new MappingException("estate.Id: '" + s + "' is not an onOffice record number");
        }
        return s;
    }

    private static String who(MappedValues mapped) {
        Map<String, Object> a = mapped.module("address");
        String name = (String.valueOf(a.getOrDefault("Vorname", "")) + " " + a.getOrDefault("Name", "")).strip();
        return !name.isEmpty() ? name : String.valueOf(a.getOrDefault("Email", a.getOrDefault("email", "")));
    }

    private static String id(JsonObject r, String key) {
        if (!r.has(key)) {
            throw new MappingException("No " + key + " was recorded for this step");
        }
        return r.get(key).getAsString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
