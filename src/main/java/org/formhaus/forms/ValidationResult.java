package org.formhaus.forms;

import java.util.Map;

/**
 * The outcome of validating a submission: the cleaned values by field name (a String; a List of String for
 * checkboxes, the ticked values, and for ranges, exactly two: from and to, "" for an open end), and the errors. Values are kept even when there are errors, so the form can be shown again filled in.
 */
public record ValidationResult(Map<String, Object> values, FieldErrors errors) {

    public boolean valid() {
        return errors.isEmpty();
    }
}
