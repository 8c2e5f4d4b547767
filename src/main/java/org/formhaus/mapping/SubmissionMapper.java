package org.formhaus.mapping;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        org.formhaus.forms.EditSettings edit = org.formhaus.forms.EditSettings.of(form);
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
        if (address) {
            first.add(PlannedStep.create("address", r -> addressCreate(mapped, options, kind)));
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
        if (inquired != null && AgentLookup.wanted(options, kind)) {
            first.addAll(AgentLookup.steps(inquired));
        }
        String subscriber = options.appointment().user();
        if (ActivitySteps.writesAppointment(mapped, options, kind) && subscriber != null
                && !subscriber.equals(MappingOptions.ESTATE_AGENT)) {
            first.add(AgentLookup.idOf(subscriber)); // the appointment's subscriber goes by id, the option names a user
        }
        String estateRef = newEstate ? null : inquired;
        RecordTag tag = RecordTag.of(submissionId);
        PlannedStep clash = ActivitySteps.slotClash(form, mapped, options, kind, tag);
        if (clash != null) {
            first.add(clash); // a booked viewing slot: is it still free in onOffice? (read in stage one, no extra request)
        }
        if (options.activity() != null) {
            last.add(ActivitySteps.agentsLog(form, mapped, options, estateRef, tag));
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
        return new MappingPlan(List.of(first, last));
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
        if (!links.liveRules().isEmpty() && inquired != null) {
            first.add(LinkSteps.liveRead(links, inquired));
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
            boolean check = options.duplicates() != MappingOptions.Duplicates.CREATE;
            return Actions.createAddress(fields, check, options.duplicates() == MappingOptions.Duplicates.KEEP);
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

    private static Action addressCreate(MappedValues mapped, MappingOptions options, FormKind kind) {
        // a newsletter form under onOffice's double opt-in writes no newsletter field: registerNewsletter sets it
        Map<String, Object> fields = addressFields(mapped);
        boolean check = options.duplicates() != MappingOptions.Duplicates.CREATE;
        return Actions.createAddress(fields, check, options.duplicates() == MappingOptions.Duplicates.KEEP);
    }

    private static String recorded(JsonObject r, String key) {
        if (!r.has(key)) {
            throw new MappingException("No " + key + " was recorded for this step");
        }
        return r.get(key).getAsString();
    }
}
