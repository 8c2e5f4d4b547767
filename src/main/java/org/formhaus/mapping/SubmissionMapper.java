package org.formhaus.mapping;

import com.google.gson.JsonObject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.formhaus.forms.EditSettings;
import org.formhaus.forms.FormDefinition;
import org.formhaus.forms.FormKind;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.Actions;

/**
 * Plans what a submission becomes in onOffice, per form kind, in as few requests as possible (see
 * {@link MappingPlan}). Stage one creates what depends on nothing (the address; for owner and valuation forms also
 * the estate) and reads what later steps need (the inquired estate's responsible agent); the last stage links
 * everything (relations, agent's log, task, appointment, search criteria, confirmation mail, price offer, written
 * values; see {@link LinkSteps}). Every record it creates
 * can be found again after a lost reply: the address by onOffice's duplicate check, the others by the submission's
 * {@link RecordTag}. The address and search criteria steps are planned here; each other step family has its own class: {@link EstateSteps},
 * {@link AgentLookup}, {@link ActivitySteps}, {@link NewsletterMail}, {@link FileSteps}. Thread-safe; one per
 * application.
 */
public final class SubmissionMapper {

    private static final String PUBLIC_REMARK = "krit_bemerkung_oeffentlich";

    private final KnownFields known;
    private final ConfirmationLinks links;
    private final LeadRouting.Turns turns;

    /** @param turns the round-robin turns of lead routing, counted across instances (storage.RoutingTurns) */
    public SubmissionMapper(KnownFields known, ConfirmationLinks links, LeadRouting.Turns turns) {
        this.known = known;
        this.links = links;
        this.turns = turns;
    }

    /** With round-robin turns counted in this process only (tests, a single instance without database). */
    public SubmissionMapper(KnownFields known, ConfirmationLinks links) {
        this(known, links, localTurns());
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
        return plan(form, accountId, submissionId, values, Map.of(), senders, files);
    }

    /**
     * As above, with the submission's page context (flat: {@code page}, {@code referrer}, {@code utm_*}), whose
     * values the definition's {@code contextMaps} write to address fields (no further request: they travel with the
     * address).
     */
    public MappingPlan plan(FormDefinition form, long accountId, String submissionId, Map<String, Object> values,
                            Map<String, String> context, List<String> senders, List<UploadedFile> files) {
        MappedValues mapped = new MappedValues(form, values, context, accountId, known);
        MappingOptions options = MappingOptions.of(form);
        FormKind kind = form.kind();
        EditSettings edit = EditSettings.of(form);
        if (edit != null) {
            // #12: an edit link's form modifies its record, once; live rules on a loaded estate are checked first
            return LinkSteps.checked(RecordEdits.plan(edit, mapped, options), RecordLinks.of(form), values,
                    edit.module());
        }
        String inquired = EstateSteps.inquired(mapped);
        List<PlannedStep> first = new ArrayList<>();
        List<PlannedStep> last = new ArrayList<>();

        if (kind == FormKind.NEWSLETTER && options.newsletter() == MappingOptions.Newsletter.FORMHAUS) {
            // Formhaus's own double opt-in: only the confirmation link now; the address reaches onOffice once the
            // visitor confirmed (confirmation(...), run by delivery as a job of its own)
            return new MappingPlan(List.of(List.of(PlannedStep.create(NewsletterMail.KEY,
                    r -> NewsletterMail.confirmation(form, mapped, senders, links.confirmUrl(submissionId))))));
        }
        boolean address = kind != FormKind.CUSTOM || mapped.has("address");
        LeadRouting routing = options.routing();
        // the agent chosen before any request (fixed, postcode, round robin; the fallback when no estate is asked
        // about), recorded as agent.user before the first request: a retry keeps it
        String chosen = !routing.configured() ? null : routing.rule() == LeadRouting.Rule.ESTATE && inquired == null
                ? routing.user() : routing.chosen(mapped, () -> turn(accountId, form.key(), submissionId));
        List<PlannedStep> second = new ArrayList<>();
        ContactMatch match = null;
        if (address) {
            match = contactMatch(form, mapped, options, routing, chosen);
            first.addAll(match.firstStage());
            if (match.secondStage() != null) {
                second.add(match.secondStage());
            }
            if (match.update() != null) {
                last.add(match.update());
            }
        }
        boolean newEstate = kind == FormKind.OWNER || kind == FormKind.VALUATION
                || (kind == FormKind.CUSTOM && !mapped.module("estate").isEmpty() && inquired == null);
        if (newEstate) {
            first.add(EstateSteps.create(mapped, submissionId));
            PlannedStep externalNumber = EstateSteps.givenExternalNumber(mapped);
            if (externalNumber != null) {
                last.add(externalNumber);
            }
        }
        if (routing.configured()) {
            first.addAll(routing.steps(chosen, inquired, ActivitySteps.writesAppointment(mapped, options, kind)));
        } else {
            if (inquired != null && AgentLookup.wanted(options, kind)) {
                first.addAll(AgentLookup.steps(inquired));
            }
            String subscriber = options.appointment().user();
            if (ActivitySteps.writesAppointment(mapped, options, kind) && subscriber != null
                    && !subscriber.equals(MappingOptions.ESTATE_AGENT)) {
                first.add(AgentLookup.idOf(subscriber)); // the appointment's subscriber goes by id, the option a name
            }
        }
        String estateRef = newEstate ? null : inquired;
        RecordTag tag = RecordTag.of(submissionId);
        PlannedStep clash = ActivitySteps.slotClash(form, mapped, options, kind, tag);
        if (clash != null) {
            first.add(clash); // a booked viewing slot: is it still free in onOffice? (read in stage one, no extra request)
        }
        if (options.activity() != null) {
            ContactMatch m = match;
            last.add(ActivitySteps.agentsLog(form, mapped, options, estateRef, tag, () -> m == null ? "" : m.note()));
        }
        if (kind == FormKind.SEARCHPROFILE || (kind == FormKind.CUSTOM && mapped.has("searchcriteria"))) {
            last.add(searchCriteria(mapped, tag));
        }
        PlannedStep appointmentOrTask = ActivitySteps.appointmentOrTask(form, mapped, options, kind, estateRef, tag);
        if (appointmentOrTask != null) {
            last.add(appointmentOrTask);
        }
        if (kind == FormKind.NEWSLETTER) {
            // onOffice's own double opt-in: it sets "Double Opt-In pending", mails its link and logs the activity
            last.add(new PlannedStep(NewsletterMail.REGISTERED, r -> Actions.registerNewsletter(recorded(r, "address"),
                    true), (result, stage) -> "ok", false, null));
        }
        FileSteps.plan(form, files, new FileSteps.Records(kind, address, newEstate, inquired), first, last);
        links(form, accountId, values, newEstate ? null : inquired, first, last);
        ContactMatch m = match;
        return new MappingPlan(List.of(first, second, last), chosen == null ? Map.of() : Map.of(LeadRouting.USER,
                chosen), () -> m == null ? List.of() : m.differences());
    }

    /** The address steps by the form's duplicate rule; a new address gets the routed agent as its supervisor. */
    private static ContactMatch contactMatch(FormDefinition form, MappedValues mapped, MappingOptions options,
                                             LeadRouting routing, String chosen) {
        // a newsletter form under onOffice's double opt-in writes no newsletter field: registerNewsletter sets it
        Map<String, Object> fields = addressFields(mapped);
        Set<String> consumers = new LinkedHashSet<>();
        if (options.activity() != null) {
            consumers.add("agentslog");
        }
        boolean estateAgent = routing.configured() && routing.rule() == LeadRouting.Rule.ESTATE && chosen == null;
        DuplicateRule rule = options.duplicates();
        if (!rule.update().isEmpty() || rule.updateAll() || estateAgent) {
            consumers.add(ContactMatch.UPDATE);
        }
        if (form.source() != null && form.source().has("emails") && form.source().get("emails").isJsonObject()
                && form.source().getAsJsonObject("emails").has("notice")) {
            consumers.add("mail.notice");
        }
        Function<JsonObject, String> supervisor = r -> !routing.configured() ? null
                : chosen != null ? chosen : LeadRouting.responsible(r).map(LeadRouting.Agent::userName).orElse(null);
        return new ContactMatch(form, options.duplicates(), mapped, fields, consumers, supervisor, estateAgent);
    }

    private long turn(long accountId, String formKey, String submissionId) {
        try {
            return turns.turn(accountId, formKey, submissionId);
        } catch (SQLException e) {
            throw new org.formhaus.storage.StorageException("The round-robin turn could not be counted: "
                    + e.getMessage(), e);
        }
    }

    /** Turns counted in this process: per form, each submission once. */
    private static LeadRouting.Turns localTurns() {
        Map<String, Long> bySubmission = new ConcurrentHashMap<>();
        Map<String, AtomicLong> byForm = new ConcurrentHashMap<>();
        return (accountId, formKey, submissionId) -> bySubmission.computeIfAbsent(submissionId, id -> byForm
                .computeIfAbsent(accountId + "/" + formKey, k -> new AtomicLong())
                .incrementAndGet());
    }

    /**
     * The steps of the form's {@link RecordLinks}: the live rules' read joins request one and their verdict opens
     * request two; relations, price offer and written values join request two; the project goes onto the agent's-log
     * entry and the task already planned. {@code inquired}: the estate the form is about, null for a created one.
     */
    private void links(FormDefinition form, long accountId, Map<String, Object> values, String inquired,
                       List<PlannedStep> first, List<PlannedStep> last) {
        RecordLinks links = RecordLinks.of(form);
        if (!links.any()) {
            return;
        }
        if (links.project() != null) {
            last.replaceAll(s -> s.key().equals("agentslog") || s.key().equals("task")
                    ? LinkSteps.withProject(s, links.project()) : s);
        }
        // the relations right after the estate's own steps, where the owner relation always stood
        int at = (int) last.stream().takeWhile(s -> s.key().startsWith("estate.")).count();
        last.addAll(at, LinkSteps.relations(links, inquired));
        if (links.priceOffer() != null) {
            last.add(LinkSteps.priceOffer(form, links, values, inquired));
        }
        last.addAll(LinkSteps.writeValues(form, links, values, accountId, known, inquired));
        if (!links.liveRules().isEmpty()) {
            if (inquired != null) {
                first.add(LinkSteps.liveRead(links, inquired));
            }
            // without an estate (its field came empty) the verdict fails: a rule that cannot be checked is not met
            last.add(0, LinkSteps.liveVerdict(links, values, inquired));
        }
    }

    /**
     * The search criterion for the address, tagged in its public remark ({@code krit_bemerkung_oeffentlich}): the only
     * note of a search criterion onOffice reads back ({@code _meta.publicnote}), so a try after a lost reply finds it.
     */
    private static PlannedStep searchCriteria(MappedValues mapped, RecordTag tag) {
        return PlannedStep.create("searchcriteria", r -> {
            Map<String, Object> data = mapped.module("searchcriteria");
            data.put(PUBLIC_REMARK, tag.appendTo(data.get(PUBLIC_REMARK)));
            return Actions.createSearchCriteria(recorded(r, "address"), data);
        }).withProbe(TagProbes.searchCriteria(tag));
    }

    /**
     * The steps of a newsletter subscriber's confirmation under Formhaus's own double opt-in, run as a job of its own
     * once the visitor pressed the button: first the address with {@code newsletter_aktiv} = 1 (skipped when the
     * subscription recorded one: subscriptions made before the address waited for the confirmation), then
     * {@link NewsletterConfirmation}'s flag and agent's-log entry.
     *
     * @param values the submission's values; null when erased (then only a recorded address can be confirmed)
     */
    public MappingPlan confirmation(FormDefinition form, long accountId, String submissionId,
                                    Map<String, Object> values) {
        MappingOptions options = MappingOptions.of(form);
        PlannedStep address = PlannedStep.create("address", r -> {
            if (values == null) {
                throw new MappingException("The subscription's personal data was erased before it was confirmed");
            }
            MappedValues mapped = new MappedValues(form, values, accountId, known);
            Map<String, Object> fields = addressFields(mapped);
            fields.put("newsletter_aktiv", NewsletterMail.CONFIRMED);
            // an existing contact stays as it is (the flag is set again by NewsletterConfirmation's step)
            DuplicateRule rule = options.duplicates();
            return Actions.createAddress(fields, rule.match() != DuplicateRule.Match.NONE, !rule.updateAll());
        });
        return new MappingPlan(List.of(List.of(address), NewsletterConfirmation.steps(options.activity() == null
                ? null : options.activity().actionKind(), options.activity() == null ? null
                : options.activity().actionType(), RecordTag.newsletterOf(submissionId))));
    }

    private static Map<String, Object> addressFields(MappedValues mapped) {
        Map<String, Object> fields = new LinkedHashMap<>();
        mapped.module("address").forEach((name, value) -> fields.put(AddressFields.writeKey(name), value));
        return fields;
    }

    private static String recorded(JsonObject r, String key) {
        if (!r.has(key)) {
            throw new MappingException("No " + key + " was recorded for this step");
        }
        return r.get(key).getAsString();
    }
}
