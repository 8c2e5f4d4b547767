package org.formhaus.delivery;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.formhaus.mapping.MappingException;
import org.formhaus.mapping.MappingPlan;
import org.formhaus.mapping.PlannedStep;
import org.formhaus.mapping.SubmissionMapper;
import org.formhaus.onoffice.Action;
import org.formhaus.onoffice.ActionResult;
import org.formhaus.onoffice.OnOfficeClient;
import org.formhaus.onoffice.OnOfficeException;
import org.formhaus.storage.Account;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStore;

/**
 * Runs the onOffice steps of one submission, stage by stage, one request per stage (see {@link MappingPlan}); the
 * {@link MailPlanner}'s e-mails join the last request. After every request each successful action's result is saved
 * under its key in the submission's records at once, even when a sibling failed; then the first failure is thrown,
 * classified, so the worker retries or gives up. A step whose key is recorded is skipped, so a retry continues where
 * the last try stopped.
 *
 * <p>A reply can be lost after onOffice ran the actions (timeout after commit). Creates that must never run twice
 * (estate, owner relation) are therefore listed under {@code "sent"} in the records before their request goes out; a
 * later try first runs their probes (one request) to find what the lost reply created. The address needs no probe:
 * it is created with onOffice's duplicate check by e-mail. Activities, tasks, appointments and search criteria are
 * at-least-once: a lost reply may repeat them. Mails are at-most-once ({@link OnceOnlyMails}). Thread-safe.
 */
public final class SubmissionDelivery {

    private static final Gson GSON = new Gson();
    static final String SENT = "sent";

    private final SubmissionStore submissions;
    private final SubmissionMapper mapper;
    private final MailPlanner mails;

    public SubmissionDelivery(SubmissionStore submissions, SubmissionMapper mapper, MailPlanner mails) {
        this.submissions = submissions;
        this.mapper = mapper;
        this.mails = mails;
    }

    SubmissionDelivery(SubmissionStore submissions, MailPlanner mails) {
        this(submissions, new SubmissionMapper(), mails);
    }

    SubmissionDelivery(SubmissionStore submissions) {
        this(submissions, MailPlanner.NONE);
    }

    void deliver(Submission submission, StoredForm form, Account account, OnOfficeClient client)
            throws OnOfficeException, SQLException, PermanentDeliveryException {
        JsonObject records = submission.records().deepCopy();
        MappingPlan plan;
        try {
            plan = mapper.plan(form.definition(), submission.accountId(), submission.id(), values(submission),
                    account.senders());
        } catch (MappingException e) {
            throw new PermanentDeliveryException(e.getMessage(), e);
        }
        if (OnceOnlyMails.markInterruptedSends(records)) {
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
                for (Action mail : plannedMails(submission, form, account, records)) {
                    steps.add(PlannedStep.mail(mail.identifier()));
                    actions.add(mail);
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
        if (!probed.isEmpty()) {
            probed.forEach(key -> sent(records).add(key));
            submissions.saveRecords(submission.id(), records);
        }
        List<ActionResult> results = OnceOnlyMails.execute(actions, records, client,
                r -> submissions.saveRecords(submission.id(), r));
        Map<String, ActionResult> byKey = new LinkedHashMap<>();
        for (int i = 0; i < steps.size() && i < results.size(); i++) {
            byKey.put(steps.get(i).key(), results.get(i));
        }
        ActionResult failure = null;
        for (PlannedStep step : steps) {
            ActionResult result = byKey.get(step.key());
            if (OnceOnlyMails.isMail(step.key()) && result != null && result.ok()) {
                continue; // recorded as sent by OnceOnlyMails
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
        probed.forEach(key -> unmarkSent(records, key));
        submissions.saveRecords(submission.id(), records);
        if (failure != null) {
            throw OnOfficeException.of(failure);
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
            if (step.probe() != null && isSent(records, step.key()) && !records.has(step.key())) {
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

    private List<Action> plannedMails(Submission submission, StoredForm form, Account account, JsonObject records)
            throws OnOfficeException, SQLException, PermanentDeliveryException {
        List<Action> out = new ArrayList<>();
        List<Action> planned;
        try {
            planned = mails.mails(submission, form, account, records.deepCopy());
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

    private static Action build(PlannedStep step, JsonObject records) throws PermanentDeliveryException {
        try {
            return step.action().build(records);
        } catch (MappingException e) {
            throw new PermanentDeliveryException(e.getMessage(), e);
        }
    }

    private static JsonArray sent(JsonObject records) {
        if (!records.has(SENT) || !records.get(SENT).isJsonArray()) {
            records.add(SENT, new JsonArray());
        }
        return records.getAsJsonArray(SENT);
    }

    private static boolean isSent(JsonObject records, String key) {
        for (JsonElement e : sent(records)) {
            if (e.getAsString().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static void unmarkSent(JsonObject records, String key) {
        JsonArray sent = sent(records);
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).getAsString().equals(key)) {
                sent.remove(i);
            }
        }
        if (sent.isEmpty()) {
            records.remove(SENT);
        }
    }

    static Map<String, Object> values(Submission submission) {
        JsonObject values = submission.data().getAsJsonObject("values");
        return GSON.fromJson(values, new TypeToken<Map<String, Object>>() { }.getType());
    }
}
