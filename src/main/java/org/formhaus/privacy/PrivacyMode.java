package org.formhaus.privacy;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import org.formhaus.forms.PrivacyRules;
import org.formhaus.storage.FormStore;
import org.formhaus.storage.Submission;
import org.formhaus.storage.SubmissionStatus;
import org.formhaus.storage.SubmissionStore;

/**
 * Privacy mode ({@code privacy.eraseAfterDelivery}): a submission of such a form is erased as soon as it is
 * delivered (told by delivery, {@link #delivered}). Should an instance stop between the two, the retention sweep
 * erases what is left ({@link SubmissionStore#eraseDelivered}). Which version decides: the one the submission was
 * made with. Thread-safe; one per application.
 */
public final class PrivacyMode {

    private static final System.Logger LOG = System.getLogger(PrivacyMode.class.getName());

    private final SubmissionStore submissions;
    private final FormStore forms;

    public PrivacyMode(SubmissionStore submissions, FormStore forms) {
        this.submissions = submissions;
        this.forms = forms;
    }

    /** A delivery job of the submission succeeded; erases it when its form asks and it is delivered as a whole. */
    public void delivered(String submissionId) {
        try {
            Submission s = submissions.find(submissionId).orElse(null);
            if (s == null || s.erased() || s.status() != SubmissionStatus.DELIVERED) {
                return;
            }
            boolean erase = forms.version(s.formKey(), s.formVersion())
                    .map(f -> PrivacyRules.of(f.definition()).eraseAfterDelivery()).orElse(false);
            if (erase) {
                submissions.erase(s.id(), System.currentTimeMillis());
            }
        } catch (SQLException | RuntimeException e) {
            // The retention sweep erases it later; the submission's id is no personal data.
            LOG.log(Level.WARNING, "Privacy mode: could not erase submission " + submissionId + " after delivery; the "
                    + "retention sweep will: " + e.getMessage());
        }
    }
}
