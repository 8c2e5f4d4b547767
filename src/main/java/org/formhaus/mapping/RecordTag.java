package org.formhaus.mapping;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The mark Formhaus leaves on every record it creates for a submission, derived from the submission id:
 * {@code FH-} + the id's first 12 hex digits. After a reply is lost (onOffice may have carried out the create),
 * the next try finds the record by it instead of creating a second one: the estate by its external number
 * ({@code objektnr_extern} = the tag), the agent's-log entry, task, appointment and search criterion by a last
 * line {@code Formhaus: FH-...} in a text field onOffice stores and reads back. The same tag lets an agent find the
 * submission in Formhaus. Immutable.
 *
 * <pre>{@code
 * RecordTag tag = RecordTag.of("0f3a9c2e-5b7d-4e11-9a2b-c0ffee000001");
 * tag.value();                   // FH-0f3a9c2e5b7d
 * tag.appendTo("Bitte anrufen"); // "Bitte anrufen\nFormhaus: FH-0f3a9c2e5b7d"
 * }</pre>
 *
 * @param value {@code FH-} and 12 hex digits
 */
record RecordTag(String value) {

    static RecordTag of(String submissionId) {
        return new RecordTag("FH-" + submissionId.replace("-", "").substring(0, 12));
    }

    /**
     * The tag of what a newsletter subscriber's confirmation writes ({@code FN-} + the same 12 hex digits): distinct
     * from the submission's own, so that neither's probe finds the other's agent's-log entry.
     */
    static RecordTag newsletterOf(String submissionId) {
        return new RecordTag("FN-" + submissionId.replace("-", "").substring(0, 12));
    }

    /** The line that carries the tag in a text field. */
    String line() {
        return "Formhaus: " + value;
    }

    /** {@code text} with the tag line after it (the line alone when there is no text). */
    String appendTo(Object text) {
        String s = text == null ? "" : text.toString().strip();
        return s.isEmpty() ? line() : s + "\n" + line();
    }

    /** Whether {@code text} carries this tag. */
    boolean in(String text) {
        return text != null && text.contains(value);
    }

    /**
     * onOffice's {@code filter} parameter for a text field holding the tag: {@code {"<field>": [{"op": "like", "val":
     * "%FH-...%"}]}} (the tag holds no {@code %} or {@code _}, so it matches only itself).
     */
    JsonObject likeFilter(String field) {
        JsonObject condition = new JsonObject();
        condition.addProperty("op", "like");
        condition.addProperty("val", "%" + value + "%");
        JsonArray conditions = new JsonArray();
        conditions.add(condition);
        JsonObject filter = new JsonObject();
        filter.add(field, conditions);
        return filter;
    }

    @Override
    public String toString() {
        return value;
    }
}
