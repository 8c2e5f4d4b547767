package org.formhaus.delivery;

import java.util.List;
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
}
