package org.formhaus.delivery;

import java.util.List;
import org.formhaus.mapping.ContactDifference;
import org.formhaus.onoffice.Action;
import org.formhaus.storage.Account;
import org.formhaus.storage.StoredForm;
import org.formhaus.storage.Submission;

/**
 * The emails a delivered submission sends through onOffice (visitor confirmation, internal notice). They travel in
 * the delivery's last onOffice request, after the CRM records exist; each action's identifier is its key in the
 * submission's records (e.g. {@code mail.confirmation}), so a retry never sends a recorded mail twice.
 * The default sends none.
 */
@FunctionalInterface
public interface MailPlanner {

    MailPlanner NONE = (submission, form, account, records) -> List.of();

    /**
     * @param records the onOffice ids recorded so far ({@code address}, {@code estate}, ...), for linking and
     *                for addressing the visitor by address id
     */
    List<Action> mails(Submission submission, StoredForm form, Account account, com.google.gson.JsonObject records)
            throws Exception;

    /**
     * As above, knowing what differs between the visitor's entries and the existing contact they were matched with
     * (issue #12), for the notice to the agent; by default the differences are not used.
     */
    default List<Action> mails(Submission submission, StoredForm form, Account account,
                               com.google.gson.JsonObject records, List<ContactDifference> differences)
            throws Exception {
        return mails(submission, form, account, records);
    }
}
