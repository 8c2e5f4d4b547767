package org.formhaus.delivery;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.formhaus.mapping.MappingException;
import org.formhaus.mapping.MappingPlan;
import org.formhaus.mapping.NewsletterConfirmation;
import org.formhaus.mapping.PlannedStep;
import org.formhaus.mapping.SubmissionMapper;
import org.formhaus.mapping.UploadedFile;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.storage.Account;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.StorageException;
import org.formhaus.storage.StoredFile;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionFileStore;
import org.formhaus.storage.SubmissionStore;

/**
 * Runs the onOffice steps of one submission, stage by stage, one request per stage (see {@link MappingPlan}); the
 * {@link MailPlanner}'s e-mails join the last request. After every request each successful action's result is saved
 * under its key in the submission's records at once, even when a sibling failed; then the first failure is thrown,
 * classified, so the worker retries or gives up. A step whose key is recorded is skipped, so a retry continues where
 * the last try stopped.
 *
 * <p>A reply can be lost after onOffice ran the actions (timeout after commit). Every create that has a probe (the
 * estate, the owner relation, the agent's-log entry, task, appointment and search criterion) is therefore listed
 * under {@code "sent"} in the records before its request goes out; a later try first runs their probes (one request)
 * to find what the lost reply created, by the submission's tag, and records it instead of creating it again. The
 * address needs no probe: it is created with onOffice's duplicate check by e-mail. Mails are at-most-once
 * ({@link OnceOnlyMails}). So no record is created twice, and the normal case still costs one request per stage.
 * Thread-safe.
 */
public final class SubmissionDelivery {

    static final String SENT = "sent";

    /** Links whose request is on its way; a link still listed at the next try got no answer. */
    static final String CONSUMING = "consuming";

    private final SubmissionStore submissions;
    private final SubmissionFileStore files;
    private final SubmissionMapper mapper;
    private final MailPlanner mails;

    /** @param files the uploaded files to attach; null delivers none */
    public SubmissionDelivery(SubmissionStore submissions, SubmissionFileStore files, SubmissionMapper mapper,
                              MailPlanner mails) {
        this.submissions = submissions;
        this.files = files;
        this.mapper = mapper;
        this.mails = mails;
    }

    SubmissionDelivery(SubmissionStore submissions, MailPlanner mails) {
        this(submissions, null, new SubmissionMapper(), mails);
    }

    SubmissionDelivery(SubmissionStore submissions) {
        this(submissions, MailPlanner.NONE);
    }

    void deliver(Submission submission, StoredForm form, Account account, OnOfficeClient client)
            throws OnOfficeException, SQLException, PermanentDeliveryException {
        JsonObject records = submission.records().deepCopy();
        MappingPlan plan;
        try {
            plan = mapper.plan(form.definition(), submission.accountId(), submission.id(), submission.data().values(),
                    submission.data().context().asMap(), account.senders(), uploads(submission));
        } catch (MappingException e) {
            throw new PermanentDeliveryException(e.getMessage(), e);
        } catch (StorageException e) {
            throw new SQLException(e.getMessage(), e.getCause()); // the round-robin turn: tried again
        }
        boolean decided = false;
        for (Map.Entry<String, String> known : plan.known().entrySet()) {
            if (!records.has(known.getKey())) {
                records.addProperty(known.getKey(), known.getValue()); // e.g. the routed agent: kept for retries
                decided = true;
            }
        }
        if (OnceOnlyMails.markInterruptedSends(records) || decided) {
            submissions.saveRecords(submission.id(), records);
        }
        probeLostReplies(submission, plan, records, client);
        List<List<PlannedStep>> stages = plan.stages();
        for (int i = 0; i < stages.size(); i++) {
            boolean last = i == stages.size() - 1;
            List<PlannedStep> steps = new ArrayList<>();
            List<Action> actions = new ArrayList<>();
            for (PlannedStep step : stages.get(i)) {
                Action action = records.has(step.key()) ? null : build(step, records);
                if (action != null) {
                    steps.add(step);
                    actions.add(action.withIdentifier(step.key()));
                }
            }
            if (last) {
                for (Action mail : plannedMails(submission, form, account, records, plan)) {
                    steps.add(PlannedStep.mail(mail.identifier()));
                    actions.add(mail);
                }
            }
            if (!actions.isEmpty()) {
                run(submission, steps, actions, records, client);
            }
        }
    }

    /**
     * A newsletter subscriber's confirmation ({@link SubmissionMapper#confirmation}: the address, then the flag and
     * the tagged agent's-log entry of {@link NewsletterConfirmation}), one request per stage; the steps recorded
     * already are skipped and a lost reply is probed, as in {@link #deliver}.
     */
    void confirmNewsletter(Submission submission, StoredForm form, OnOfficeClient client)
            throws OnOfficeException, SQLException, PermanentDeliveryException {
        JsonObject records = submission.records().deepCopy();
        MappingPlan plan = mapper.confirmation(form.definition(), submission.accountId(), submission.id(),
                submission.erased() ? null : submission.data().values());
        probeLostReplies(submission, plan, records, client);
        for (List<PlannedStep> stage : plan.stages()) {
            List<PlannedStep> steps = new ArrayList<>();
            List<Action> actions = new ArrayList<>();
            for (PlannedStep step : stage) {
                Action action = records.has(step.key()) ? null : build(step, records);
                if (action != null) {
                    steps.add(step);
                    actions.add(action.withIdentifier(step.key()));
                }
            }
            if (!actions.isEmpty()) {
                run(submission, steps, actions, records, client);
            }
        }
    }

    /** One request: marks the probed creates as sent, runs, records every success, throws the first failure. */
    private void run(Submission submission, List<PlannedStep> steps, List<Action> actions, JsonObject records,
                     OnOfficeClient client) throws OnOfficeException, SQLException {
        List<String> probed = steps.stream().filter(s -> s.probe() != null).map(PlannedStep::key).toList();
        List<String> consuming = steps.stream().filter(s -> s.consumes() != null).map(PlannedStep::key).toList();
        List<String> unanswered = consuming.stream().filter(key -> isMarked(records, CONSUMING, key)).toList();
        if (!probed.isEmpty() || !consuming.isEmpty()) {
            probed.forEach(key -> marks(records, SENT).add(key));
            consuming.stream().filter(key -> !unanswered.contains(key)).forEach(key -> marks(records, CONSUMING).add(key));
            submissions.saveRecords(submission.id(), records);
        }
        List<ActionResult> results = OnceOnlyMails.execute(actions, records, client,
                r -> submissions.saveRecords(submission.id(), r));
        Map<String, ActionResult> byKey = new LinkedHashMap<>();
        for (int i = 0; i < steps.size() && i < results.size(); i++) {
            byKey.put(steps.get(i).key(), results.get(i));
        }
        ActionResult failure = null;
        boolean expired = false;
        for (PlannedStep step : steps) {
            ActionResult result = byKey.get(step.key());
            if (OnceOnlyMails.isMail(step.key()) && result != null && result.ok()) {
                continue; // recorded as sent by OnceOnlyMails
            }
            if (result != null && step.consumes() != null) {
                unmark(records, CONSUMING, step.key());
                if (!result.ok() && gone(result, records.get(step.consumes()))) {
                    if (unanswered.contains(step.key())) {
                        // an earlier request that got no answer most likely used the id up: attached, unconfirmed
                        records.addProperty(step.key(), OnceOnlyMails.UNCONFIRMED);
                    } else {
                        records.remove(step.consumes()); // expired: made anew by the next try
                        expired = true;
                    }
                    continue;
                }
            }
            if (result != null && result.ok()) {
                String value = step.outcome().value(result, byKey);
                if (value != null) {
                    records.addProperty(step.key(), value);
                }
            } else if (step.lookup()) {
                records.addProperty(step.key(), ""); // a failed lookup: the steps using it do without
            } else if (failure == null && result != null) {
                failure = result;
            }
        }
        probed.forEach(key -> unmark(records, SENT, key));
        submissions.saveRecords(submission.id(), records);
        if (failure != null) {
            throw OnOfficeException.of(failure);
        }
        if (expired) {
            throw new OnOfficeException(OnOfficeException.Reason.EXPIRED, "onOffice no longer knew an uploaded "
                    + "file's temporary id; the file is uploaded again on the next try", null);
        }
        if (results.size() < actions.size()) {
            throw new OnOfficeException(OnOfficeException.Reason.SERVER_ERROR,
                    "onOffice answered " + results.size() + " of " + actions.size() + " actions", null);
        }
    }

    /**
     * For creates whose earlier request got no reply: asks onOffice (one request) whether they exist and records
     * what it finds; what is not found is created normally afterwards.
     */
    private void probeLostReplies(Submission submission, MappingPlan plan, JsonObject records, OnOfficeClient client)
            throws OnOfficeException, SQLException {
        if (!records.has(SENT)) {
            return;
        }
        List<PlannedStep> probes = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (PlannedStep step : plan.steps()) {
            if (step.probe() != null && isMarked(records, SENT, step.key()) && !records.has(step.key())) {
                Action probe = step.probe().action().build(records);
                if (probe != null) {
                    probes.add(step);
                    actions.add(probe.withIdentifier("probe." + step.key()));
                }
            }
        }
        if (!actions.isEmpty()) {
            List<ActionResult> results = client.execute(actions);
            for (int i = 0; i < probes.size(); i++) {
                ActionResult result = results.get(i);
                if (!result.ok()) {
                    throw OnOfficeException.of(result); // not knowing means not creating: try again later
                }
                String found = probes.get(i).probe().found().value(result, records);
                if (found != null) {
                    records.addProperty(probes.get(i).key(), found);
                }
            }
        }
        records.remove(SENT);
        submissions.saveRecords(submission.id(), records);
    }

    private List<Action> plannedMails(Submission submission, StoredForm form, Account account, JsonObject records,
                                      MappingPlan plan)
            throws OnOfficeException, SQLException, PermanentDeliveryException {
        List<Action> out = new ArrayList<>();
        List<Action> planned;
        try {
            planned = mails.mails(submission, form, account, records.deepCopy(), plan.differences().get());
        } catch (OnOfficeException | SQLException | PermanentDeliveryException e) {
            throw e;
        } catch (Exception e) {
            throw new PermanentDeliveryException("The delivery's e-mails could not be prepared: " + e.getMessage(), e);
        }
        for (Action mail : planned) {
            String key = mail.identifier().isEmpty() ? "mail." + out.size() : mail.identifier();
            if (!records.has(key)) {
                out.add(mail.withIdentifier(key));
            }
        }
        return out;
    }

    private static Action build(PlannedStep step, JsonObject records) throws PermanentDeliveryException, SQLException {
        try {
            return step.action().build(records);
        } catch (MappingException e) {
            throw new PermanentDeliveryException(e.getMessage(), e);
        } catch (StorageException e) {
            throw new SQLException(e.getMessage(), e.getCause());
        }
    }

    /** The submission's stored files; their bytes are read when the upload step is built. */
    private List<UploadedFile> uploads(Submission submission) throws SQLException {
        if (files == null) {
            return List.of();
        }
        List<UploadedFile> out = new ArrayList<>();
        for (StoredFile f : files.list(submission.id())) {
            out.add(new UploadedFile(f.id(), f.field(), f.fileName(), f.contentType(), () -> {
                try {
                    return files.content(f.id()).orElseThrow(() ->
                            new StorageException("The bytes of file " + f.id() + " are gone", null));
                } catch (SQLException e) {
                    throw new StorageException("Could not read file " + f.id() + ": " + e.getMessage(), e);
                }
            }));
        }
        return out;
    }

    /**
     * Whether a failed step's answer says onOffice does not know the single-use value it consumed (record not found
     * naming it, or naming the tmpUploadId): onOffice's 129 "Fileupload is missing temporary upload file"; for other
     * codes the check goes by the words.
     */
    static boolean gone(ActionResult result, JsonElement consumed) {
        if (result.errorCode() == 129) return true;
        String text = result.message() == null ? "" : result.message().toLowerCase(Locale.ROOT);
        String value = consumed == null || consumed.isJsonNull() ? null : consumed.getAsString().toLowerCase(Locale.ROOT);
        return text.contains("not found") && (text.contains("tmpuploadid") || value != null && text.contains(value));
    }

    private static JsonArray marks(JsonObject records, String name) {
        if (!records.has(name) || !records.get(name).isJsonArray()) {
            records.add(name, new JsonArray());
        }
        return records.getAsJsonArray(name);
    }

    private static boolean isMarked(JsonObject records, String name, String key) {
        if (!records.has(name)) {
            return false;
        }
        for (JsonElement e : marks(records, name)) {
            if (e.getAsString().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static void unmark(JsonObject records, String name, String key) {
        if (!records.has(name)) {
            return;
        }
        JsonArray marks = marks(records, name);
        for (int i = marks.size() - 1; i >= 0; i--) {
            if (marks.get(i).getAsString().equals(key)) {
                marks.remove(i);
            }
        }
        if (marks.isEmpty()) {
            records.remove(name);
        }
    }
}
