package org.formhaus.storage;

import com.google.gson.JsonObject;

/**
 * One accepted form submission. {@code data} holds the validated values and their context (consent texts, page
 * URL); {@code records} the onOffice ids each delivery step produced, e.g. {@code {"address": "6313"}}.
 */
public record Submission(String id, long accountId, String formKey, int formVersion, SubmissionStatus status,
                         JsonObject data, JsonObject records, String lastError, long createdMs, long updatedMs) {
}
