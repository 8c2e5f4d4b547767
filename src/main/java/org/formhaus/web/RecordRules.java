package org.formhaus.web;

import com.google.gson.JsonObject;
import java.util.Map;
import org.formhaus.forms.FormDefinition;

/**
 * Rules a submission must meet against the current values of the onOffice records it is about (the live-CRM rules of
 * {@code mapping.LiveRuleCheck}), checked after validation and before the submission is stored. Implementations wait
 * only briefly and refuse nothing when onOffice cannot be asked: delivery checks again as the authority.
 */
@FunctionalInterface
public interface RecordRules {

    /** Checks nothing. */
    RecordRules NONE = (accountId, form, values, records) -> Map.of();

    /**
     * The visitor's messages by field name for the rules that do not hold; empty when none. {@code records}: what
     * the submission carries into delivery so far (an edit link's record id, {@code edit.<module>}).
     */
    Map<String, String> refusals(long accountId, FormDefinition form, Map<String, Object> values, JsonObject records);
}
