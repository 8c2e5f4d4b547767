package org.formhaus.web;

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
    RecordRules NONE = (accountId, form, values) -> Map.of();

    /** The visitor's messages by field name for the rules that do not hold; empty when none. */
    Map<String, String> refusals(long accountId, FormDefinition form, Map<String, Object> values);
}
