package org.formhaus.delivery;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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
 * Runs the onOffice steps of one submission. Each step's record ids are saved before the next step starts, and a step
 * whose id is already recorded is skipped, so a retry continues where the last try stopped. Thread-safe.
 */
final class SubmissionDelivery {

    private static final Gson GSON = new Gson();

    private final SubmissionStore submissions;
    private final MailPlanner mails;
    private final SubmissionMapper mapper = new SubmissionMapper();

    SubmissionDelivery(SubmissionStore submissions, MailPlanner mails) {
        this.submissions = submissions;
        this.mails = mails;
    }

    void deliver(Submission submission, StoredForm form, Account account, OnOfficeClient client)
            throws OnOfficeException, SQLException, PermanentDeliveryException {
        JsonObject records = submission.records().deepCopy();
        Map<String, Object> values = values(submission);
        if (!records.has("address")) {
            ActionResult created = client.executeOne(mapper.addressCreate(form.definition(), values));
            records.addProperty("address", created.firstId());
            submissions.saveRecords(submission.id(), records);
        }
        // Interim until the mapping's staged batches land: the emails go last, once the records exist.
        OnceOnlyMails.send(plannedMails(submission, form, account, records), records, client,
                r -> submissions.saveRecords(submission.id(), r));
    }

    private List<Action> plannedMails(Submission submission, StoredForm form, Account account, JsonObject records)
            throws PermanentDeliveryException, SQLException {
        try {
            return mails.mails(submission, form, account, records);
        } catch (PermanentDeliveryException | SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Planning the emails failed: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> values(Submission submission) {
        JsonObject values = submission.data().getAsJsonObject("values");
        return GSON.fromJson(values, new TypeToken<Map<String, Object>>() { }.getType());
    }
}
