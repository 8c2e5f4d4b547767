package org.formhaus.onoffice;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * The result of one action. {@code errorCode} 0 means success; otherwise {@code message} is onOffice's text.
 * {@code meta} is {@code data.meta} (may be empty); {@code cntAbsolute} is null when onOffice sent none.
 */
public record ActionResult(String identifier, String actionId, String resourceType, String resourceId,
                           int errorCode, String message, List<OnOfficeRecord> records, JsonObject meta,
                           Long cntAbsolute) {

    public ActionResult {
        records = records == null ? List.of() : List.copyOf(records);
        meta = meta == null ? new JsonObject() : meta;
    }

    public boolean ok() {
        return errorCode == 0;
    }

    /** The id of the first record, as a create returns it; null when there is none. */
    public String firstId() {
        return records.isEmpty() ? null : records.get(0).id();
    }
}
