package org.formhaus.storage;

import com.google.gson.JsonObject;
import org.formhaus.submission.AcceptedSubmission;

/**
 * One row of the {@code submission} table: an accepted submission's {@code data} (what the visitor sent, typed;
 * null once retention erased it) with what Formhaus did with it: its delivery {@code status}, the onOffice ids each
 * delivery step produced in {@code records} (e.g. {@code {"address": "6313"}}), the last delivery error and its times.
 * A snapshot: the row changes as delivery goes on, this value does not.
 */
public record Submission(String id, long accountId, String formKey, int formVersion, SubmissionStatus status,
                         AcceptedSubmission data, JsonObject records, String lastError, long createdMs, long updatedMs) {

    /** Whether the retention period is over and the personal data gone ({@link #data()} is null then). */
    public boolean erased() {
        return data == null;
    }
}
